package io.github.affect4j;

import java.util.Objects;

/**
 * The affect read from a span of speech.
 *
 * @param scores the emotion distribution
 * @param arousal estimated arousal in [-1, 1]; an implementation may estimate it from prosody
 *     directly, so it need not equal {@code scores.arousal()}
 * @param valence estimated valence in [-1, 1], likewise
 */
public record VoiceAffect(EmotionScores scores, double arousal, double valence) {

    /** @throws IllegalArgumentException if arousal or valence is outside [-1, 1] */
    public VoiceAffect {
        Objects.requireNonNull(scores, "scores");
        if (!(arousal >= -1 && arousal <= 1) || !(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("arousal and valence must be in [-1, 1], got "
                    + arousal + " and " + valence);
        }
    }
}
