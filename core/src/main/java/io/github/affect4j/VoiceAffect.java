package io.github.affect4j;

import java.util.Objects;

/**
 * The affect read from a span of speech.
 *
 * <p>Valence comes before arousal, as in {@link Emotion} and
 * {@link EmotionScores#fromCircumplex(double, double)}: every affect4j signature that takes both
 * takes them in this order.
 *
 * @param scores the emotion distribution
 * @param valence estimated valence in [-1, 1]; an implementation may estimate it from prosody
 *     directly, so it need not equal {@code scores.valence()}
 * @param arousal estimated arousal in [-1, 1], likewise
 */
public record VoiceAffect(EmotionScores scores, double valence, double arousal) {

    /**
     * @param scores the emotion distribution
     * @param valence estimated valence in [-1, 1]
     * @param arousal estimated arousal in [-1, 1]
     * @throws IllegalArgumentException if valence or arousal is outside [-1, 1]
     */
    public VoiceAffect {
        Objects.requireNonNull(scores, "scores");
        if (!(valence >= -1 && valence <= 1) || !(arousal >= -1 && arousal <= 1)) {
            throw new IllegalArgumentException("valence and arousal must be in [-1, 1], got "
                    + valence + " and " + arousal);
        }
    }
}
