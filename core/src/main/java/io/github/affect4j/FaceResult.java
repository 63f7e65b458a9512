package io.github.affect4j;

import java.util.Objects;

/**
 * One detected face with its emotion scores.
 *
 * @param box the face in source-image pixels
 * @param confidence the face detector's confidence that this is a face, in [0, 1]
 * @param scores the emotion distribution
 * @param quality how far the scores can be trusted
 * @param source whether a detector found the face or the whole image was read as the face
 *     (then {@code box} is the whole image)
 */
public record FaceResult(BoundingBox box, double confidence, EmotionScores scores,
                         FaceQuality quality, FaceSource source) {

    /**
     * @param box the face in source-image pixels
     * @param confidence the face detector's confidence, in [0, 1]
     * @param scores the emotion distribution
     * @param quality how far the scores can be trusted
     * @param source whether a detector found the face or the whole image was read as one
     * @throws IllegalArgumentException if the confidence is outside [0, 1]
     */
    public FaceResult {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /**
     * A face a detector found ({@link FaceSource#DETECTED}).
     *
     * @param box the face in source-image pixels
     * @param confidence the face detector's confidence, in [0, 1]
     * @param scores the emotion distribution
     * @param quality how far the scores can be trusted
     * @throws IllegalArgumentException if the confidence is outside [0, 1]
     */
    public FaceResult(BoundingBox box, double confidence, EmotionScores scores,
                      FaceQuality quality) {
        this(box, confidence, scores, quality, FaceSource.DETECTED);
    }

    /** {@return {@code scores().dominant()}, as a shortcut} */
    public Emotion dominant() {
        return scores.dominant();
    }

    /** {@return {@code quality().assessable()}, as a shortcut} */
    public boolean assessable() {
        return quality.assessable();
    }
}
