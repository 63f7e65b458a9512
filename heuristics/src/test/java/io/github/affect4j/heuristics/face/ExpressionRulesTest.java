package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import org.junit.jupiter.api.Test;

/** The cue mappings and the rule table, without OpenCV. */
class ExpressionRulesTest {

    private static FaceCues cues(double smile, double eyesOpen, double mouthOpen, double furrow) {
        return new FaceCues(smile, eyesOpen, mouthOpen, furrow, 0, 0, 0, 0, 0);
    }

    @Test
    void withoutCuesNeutralDominatesClearly() {
        EmotionScores scores = ExpressionRules.scores(cues(0, 1, 0, 0));

        assertEquals(Emotion.NEUTRAL, scores.dominant());
        assertEquals(1.0 / 1.35, scores.probability(Emotion.NEUTRAL), 1e-9);
        assertEquals(0.05 / 1.35, scores.probability(Emotion.CONTEMPT), 1e-9);
    }

    @Test
    void eyesNotFoundLeanTowardsSadnessButNeutralStillDominates() {
        EmotionScores scores = ExpressionRules.scores(cues(0, 0, 0, 0));

        assertEquals(Emotion.NEUTRAL, scores.dominant());
        assertEquals(Emotion.SADNESS, scores.topK(2).get(1).emotion());
        assertTrue(scores.probability(Emotion.NEUTRAL) > 0.5);
    }

    @Test
    void aClearSmileIsHappinessAndAFaintOneIsNot() {
        assertEquals(Emotion.HAPPINESS, ExpressionRules.scores(cues(0.9, 1, 0, 0)).dominant());
        assertEquals(Emotion.HAPPINESS, ExpressionRules.scores(cues(0.4, 1, 0, 0)).dominant());
        assertEquals(Emotion.NEUTRAL, ExpressionRules.scores(cues(0.35, 1, 0, 0)).dominant());
    }

    @Test
    void openMouthWithOpenEyesIsSurpriseUnlessSmiling() {
        assertEquals(Emotion.SURPRISE, ExpressionRules.scores(cues(0, 1, 1, 0)).dominant());
        assertEquals(Emotion.NEUTRAL, ExpressionRules.scores(cues(0, 0.2, 1, 0)).dominant());
        assertEquals(Emotion.HAPPINESS, ExpressionRules.scores(cues(0.9, 1, 1, 0)).dominant());
    }

    @Test
    void aFurrowAloneIsNotEnoughForAnger() {
        EmotionScores scores = ExpressionRules.scores(cues(0, 1, 0, 1));

        assertEquals(Emotion.NEUTRAL, scores.dominant());
        assertEquals(Emotion.ANGER, scores.topK(2).get(1).emotion());
    }

    @Test
    void furrowWithOpenMouthRaisesFear() {
        EmotionScores calm = ExpressionRules.scores(cues(0, 1, 1, 0));
        EmotionScores tense = ExpressionRules.scores(cues(0, 1, 1, 1));

        assertTrue(tense.probability(Emotion.FEAR) > 3 * calm.probability(Emotion.FEAR));
    }

    @Test
    void everyCategoryKeepsAFloor() {
        for (double smile : new double[] {0, 1}) {
            EmotionScores scores = ExpressionRules.scores(cues(smile, 1, 1, 1));
            for (Emotion emotion : Emotion.values()) {
                assertTrue(scores.probability(emotion) > 0, emotion::label);
            }
        }
    }

    @Test
    void cueMappingsAreBoundedAndMonotonic() {
        assertEquals(0, FaceCues.of(0, 0, 0, 0, 0).smile());
        assertEquals(0, FaceCues.of(FaceCues.SMILE_BASELINE, 0, 0, 0, 0).smile());
        double previous = 0;
        for (int hits = 30; hits <= 1000; hits += 50) {
            double smile = FaceCues.of(hits, 0, 0, 0, 0).smile();
            assertTrue(smile > previous && smile < 1, "smile(" + hits + ") = " + smile);
            previous = smile;
        }
        assertEquals(0, FaceCues.of(0, 100, 0, 0, 0).eyesOpen(), "one eye only is not open eyes");
        assertTrue(FaceCues.of(0, 100, 100, 0, 0).eyesOpen() > 0.95);
        assertEquals(0, FaceCues.of(0, 0, 0, FaceCues.GAP_START, 0).mouthOpen());
        assertEquals(1, FaceCues.of(0, 0, 0, FaceCues.GAP_FULL, 0).mouthOpen());
        assertEquals(0.5, FaceCues.of(0, 0, 0,
                (FaceCues.GAP_START + FaceCues.GAP_FULL) / 2, 0).mouthOpen(), 1e-9);
        assertEquals(0, FaceCues.of(0, 0, 0, 0, Double.NaN).browFurrow());
        assertEquals(1, FaceCues.of(0, 0, 0, 0, 5).browFurrow());
    }
}
