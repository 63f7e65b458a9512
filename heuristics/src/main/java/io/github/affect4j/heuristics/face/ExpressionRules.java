package io.github.affect4j.heuristics.face;

import io.github.affect4j.EmotionScores;

/**
 * Maps the cues of one face to the eight-category distribution. Every category gets a weight,
 * the weights are normalised:
 *
 * <pre>
 * neutral   = 1.0                                            the prior: no evidence, neutral
 * happiness = 0.05 + 2.5 * smile
 * surprise  = 0.05 + 2.0 * mouthOpen * eyesOpen * (1 - smile)
 * fear      = 0.05 + 1.0 * mouthOpen * browFurrow * (1 - smile)
 * anger     = 0.05 + 0.8 * browFurrow * (1 - mouthOpen) * (1 - smile)
 * disgust   = 0.05 + 0.3 * browFurrow * (1 - smile)
 * sadness   = 0.05 + 0.4 * (1 - eyesOpen) * (1 - mouthOpen) * (1 - smile)
 * contempt  = 0.05                                           no cue: a one-sided lip corner
 *                                                            cannot be measured from a box
 * </pre>
 *
 * <p>The constant neutral weight keeps neutral dominant unless cues are strong. With no cue and
 * open eyes the result is neutral 0.74 and 0.037 for each other category; with the eyes not found
 * it is neutral 0.57 and sadness 0.26. A smile cue above 0.38 makes happiness dominant, and so
 * does nothing else alone but an open mouth with open eyes (surprise). A furrow alone stays
 * below neutral (anger 0.85 against 1.0). {@code (1 - smile)} damps every negative category, as
 * the smile is the one cue that the cascades measure reliably.
 */
final class ExpressionRules {

    static final double NEUTRAL = 1.0;
    static final double FLOOR = 0.05;

    private ExpressionRules() {
    }

    /** The distribution for one face's cues. */
    static EmotionScores scores(FaceCues cues) {
        double smile = cues.smile();
        double notSmiling = 1 - smile;
        double open = cues.mouthOpen();
        double eyes = cues.eyesOpen();
        double furrow = cues.browFurrow();
        return EmotionScores.ofWeights(
                NEUTRAL,
                FLOOR + 2.5 * smile,
                FLOOR + 2.0 * open * eyes * notSmiling,
                FLOOR + 0.4 * (1 - eyes) * (1 - open) * notSmiling,
                FLOOR + 0.8 * furrow * (1 - open) * notSmiling,
                FLOOR + 0.3 * furrow * notSmiling,
                FLOOR + 1.0 * open * furrow * notSmiling,
                FLOOR);
    }
}
