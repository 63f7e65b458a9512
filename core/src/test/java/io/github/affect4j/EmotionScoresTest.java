package io.github.affect4j;

import static io.github.affect4j.Emotion.ANGER;
import static io.github.affect4j.Emotion.CONTEMPT;
import static io.github.affect4j.Emotion.DISGUST;
import static io.github.affect4j.Emotion.FEAR;
import static io.github.affect4j.Emotion.HAPPINESS;
import static io.github.affect4j.Emotion.NEUTRAL;
import static io.github.affect4j.Emotion.SADNESS;
import static io.github.affect4j.Emotion.SURPRISE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionScores.LabelScore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmotionScoresTest {

    private static final double EPS = 1e-12;

    @Test
    void ofNormalisesWeightsAndLeavesAbsentCategoriesAtZero() {
        EmotionScores scores = EmotionScores.of(Map.of(HAPPINESS, 3, SADNESS, 1.0f));
        assertEquals(0.75, scores.probability(HAPPINESS), EPS);
        assertEquals(0.25, scores.probability(SADNESS), EPS);
        for (Emotion other : List.of(NEUTRAL, SURPRISE, ANGER, DISGUST, FEAR, CONTEMPT)) {
            assertEquals(0.0, scores.probability(other), 0.0, other.label());
        }
        assertEquals(1.0, sum(scores), EPS);
    }

    @Test
    void ofWeightsNormalisesInEmotionOrderWithoutTouchingTheArgument() {
        double[] weights = {1, 2, 3, 4, 5, 6, 7, 12};
        EmotionScores scores = EmotionScores.ofWeights(weights);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 12}, weights, 0.0);
        for (Emotion emotion : Emotion.values()) {
            assertEquals(weights[emotion.ordinal()] / 40, scores.probability(emotion), EPS);
        }
        assertEquals(1.0, sum(scores), EPS);
    }

    @Test
    void ofWeightsNeedsExactlyEight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.ofWeights(1, 2, 3, 4, 5, 6, 7));
        assertEquals("expected 8 weights in Emotion order, got 7", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void invalidWeightIsRejectedNamingCategoryAndValue(double bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.ofWeights(1, 1, 1, 1, bad, 1, 1, 1));
        assertTrue(e.getMessage().contains("anger"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());

        IllegalArgumentException fromMap = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.of(Map.of(FEAR, bad, NEUTRAL, 1)));
        assertTrue(fromMap.getMessage().contains("fear"), fromMap.getMessage());
        assertTrue(fromMap.getMessage().contains(String.valueOf(bad)), fromMap.getMessage());
    }

    @Test
    void allZeroWeightsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.ofWeights(new double[8]));
        assertEquals("all emotion weights are zero", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(Map.of()));
    }

    @Test
    void hugeFiniteWeightsStillNormalise() {
        // exp() of large logits gives finite weights whose sum overflows to infinity.
        double big = Double.MAX_VALUE;
        EmotionScores scores = EmotionScores.ofWeights(big, big, 0, 0, 0, 0, 0, big / 2);
        assertEquals(0.4, scores.probability(NEUTRAL), EPS);
        assertEquals(0.4, scores.probability(HAPPINESS), EPS);
        assertEquals(0.2, scores.probability(CONTEMPT), EPS);
        assertEquals(1.0, sum(scores), EPS);
    }

    @Test
    void tinyWeightsStillNormalise() {
        EmotionScores scores = EmotionScores.ofWeights(0, 0, 0, Double.MIN_VALUE, 0, 0, 0, 0);
        assertEquals(1.0, scores.probability(SADNESS), 0.0);
        assertEquals(SADNESS, scores.dominant());
    }

    @Test
    void negativeZeroIsTheSameAsZero() {
        EmotionScores withNegativeZero = EmotionScores.ofWeights(-0.0, 1, 0, 0, 0, 0, 0, 0);
        EmotionScores withZero = EmotionScores.ofWeights(0.0, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(withZero, withNegativeZero);
        assertEquals(withZero.hashCode(), withNegativeZero.hashCode());
        assertEquals(EmotionScores.certain(HAPPINESS), withNegativeZero);
    }

    @Test
    void certainPutsAllProbabilityOnOneCategory() {
        EmotionScores scores = EmotionScores.certain(FEAR);
        assertEquals(1.0, scores.probability(FEAR), 0.0);
        assertEquals(1.0, sum(scores), 0.0);
        assertEquals(FEAR, scores.dominant());
        assertEquals(FEAR.valence(), scores.valence(), 0.0);
        assertEquals(FEAR.arousal(), scores.arousal(), 0.0);
    }

    @Test
    void dominantIsTheMostProbableAndTiesGoToTheFirstDeclared() {
        assertEquals(DISGUST, EmotionScores.ofWeights(1, 1, 1, 1, 1, 5, 1, 1).dominant());
        assertEquals(NEUTRAL, EmotionScores.ofWeights(1, 1, 0, 0, 0, 0, 0, 0).dominant());
        assertEquals(SURPRISE, EmotionScores.ofWeights(0, 0, 2, 0, 0, 0, 0, 2).dominant());
    }

    @Test
    void topKListsMostProbableFirstWithTiesInEmotionOrder() {
        EmotionScores scores = EmotionScores.ofWeights(1, 4, 0, 2, 2, 0, 0, 1);
        assertEquals(List.of(new LabelScore(HAPPINESS, 0.4), new LabelScore(SADNESS, 0.2),
                new LabelScore(ANGER, 0.2)), scores.topK(3));
        List<LabelScore> all = scores.topK(8);
        assertEquals(List.of(HAPPINESS, SADNESS, ANGER, NEUTRAL, CONTEMPT, SURPRISE, DISGUST, FEAR),
                all.stream().map(LabelScore::emotion).toList());
        assertThrows(UnsupportedOperationException.class, () -> all.remove(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 9})
    void topKRejectsOutOfRangeK(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.certain(NEUTRAL).topK(k));
        assertEquals("k must be between 1 and 8, got " + k, e.getMessage());
    }

    @Test
    void valenceAndArousalAreProbabilityWeightedCircumplexMeans() {
        EmotionScores halfHappyHalfSad = EmotionScores.of(Map.of(HAPPINESS, 1, SADNESS, 1));
        assertEquals((0.8 - 0.7) / 2, halfHappyHalfSad.valence(), EPS);
        assertEquals((0.5 - 0.4) / 2, halfHappyHalfSad.arousal(), EPS);

        EmotionScores uniform = EmotionScores.ofWeights(1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals((0 + 0.8 + 0.2 - 0.7 - 0.6 - 0.7 - 0.6 - 0.5) / 8, uniform.valence(), EPS);
        assertEquals((0 + 0.5 + 0.8 - 0.4 + 0.8 + 0.3 + 0.7 + 0.2) / 8, uniform.arousal(), EPS);

        EmotionScores angry = EmotionScores.of(Map.of(ANGER, 3, NEUTRAL, 1));
        assertEquals(0.75 * -0.6, angry.valence(), EPS);
        assertEquals(0.75 * 0.8, angry.arousal(), EPS);
    }

    @Test
    void mixtureWeighsTheParts() {
        EmotionScores mixed = EmotionScores.mixture(
                List.of(EmotionScores.certain(HAPPINESS), EmotionScores.certain(SADNESS),
                        EmotionScores.of(Map.of(HAPPINESS, 1, ANGER, 1))),
                new double[] {2, 1, 2});
        assertEquals(0.6, mixed.probability(HAPPINESS), EPS);
        assertEquals(0.2, mixed.probability(SADNESS), EPS);
        assertEquals(0.2, mixed.probability(ANGER), EPS);
        assertEquals(1.0, sum(mixed), EPS);
    }

    @Test
    void mixtureWithHugeWeightsStillNormalises() {
        EmotionScores mixed = EmotionScores.mixture(
                List.of(EmotionScores.certain(HAPPINESS), EmotionScores.certain(SADNESS)),
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
        assertEquals(0.5, mixed.probability(HAPPINESS), EPS);
        assertEquals(0.5, mixed.probability(SADNESS), EPS);
    }

    @Test
    void mixtureRejectsBadArguments() {
        List<EmotionScores> two = List.of(EmotionScores.certain(FEAR), EmotionScores.certain(ANGER));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.mixture(two, new double[] {1}));
        assertEquals("need one weight per distribution, got 2 distributions and 1 weights",
                lengths.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.mixture(List.of(), new double[0]));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.mixture(two, new double[] {1, -2}));
        assertTrue(negative.getMessage().contains("mixture weight 1"), negative.getMessage());
        assertTrue(negative.getMessage().contains("-2.0"), negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.mixture(two, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> EmotionScores.mixture(two, new double[] {Double.NaN, 1}));
    }

    @Test
    void toArrayAndAsMapAreCopiesInEmotionOrder() {
        EmotionScores scores = EmotionScores.ofWeights(0, 1, 0, 0, 0, 0, 0, 1);
        double[] array = scores.toArray();
        array[0] = 42;
        assertEquals(0.0, scores.probability(NEUTRAL), 0.0);
        Map<Emotion, Double> map = scores.asMap();
        assertEquals(List.of(Emotion.values()), List.copyOf(map.keySet()));
        assertEquals(0.5, map.get(CONTEMPT), EPS);
        assertThrows(UnsupportedOperationException.class, () -> map.put(NEUTRAL, 1.0));
    }

    @Test
    void equalsAndHashCodeCompareTheDistribution() {
        EmotionScores a = EmotionScores.of(Map.of(HAPPINESS, 1, SADNESS, 3));
        EmotionScores b = EmotionScores.of(new EnumMap<>(Map.of(HAPPINESS, 2, SADNESS, 6)));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, EmotionScores.of(Map.of(HAPPINESS, 1, SADNESS, 2)));
        assertNotEquals(a, "EmotionScores");
    }

    @Test
    void toStringListsCategoriesMostProbableFirst() {
        EmotionScores scores = EmotionScores.of(Map.of(HAPPINESS, 3, SADNESS, 1));
        assertEquals("EmotionScores{happiness=0.750, sadness=0.250, neutral=0.000, surprise=0.000,"
                + " anger=0.000, disgust=0.000, fear=0.000, contempt=0.000}", scores.toString());
    }

    @Test
    void circumplexPointsReadAsTheirNearestCategories() {
        assertEquals(NEUTRAL, EmotionScores.fromCircumplex(0, 0).dominant());
        assertEquals(HAPPINESS, EmotionScores.fromCircumplex(0.8, 0.5).dominant());
        assertEquals(SADNESS, EmotionScores.fromCircumplex(-0.7, -0.4).dominant());
        assertEquals(ANGER, EmotionScores.fromCircumplex(-0.6, 0.9).dominant());
        EmotionScores high = EmotionScores.fromCircumplex(0.1, 0.8);
        assertTrue(high.arousal() > 0.5, high.toString());
        // the documented kernel, by hand, for one category
        double neutral = 2 * Math.exp(-0.5 * (Math.pow(0.3 / 0.6, 2) + Math.pow(-0.2 / 0.35, 2)));
        double sum = 0;
        for (Emotion e : Emotion.values()) {
            double prior = e == NEUTRAL ? 2 : 1;
            sum += prior * Math.exp(-0.5 * (Math.pow((0.3 - e.valence()) / 0.6, 2)
                    + Math.pow((-0.2 - e.arousal()) / 0.35, 2)));
        }
        assertEquals(neutral / sum, EmotionScores.fromCircumplex(0.3, -0.2).probability(NEUTRAL),
                1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.01, 1.01, Double.NaN})
    void circumplexRejectsPointsOutsideTheSquare(double v) {
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.fromCircumplex(v, 0));
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.fromCircumplex(0, v));
    }

    private static double sum(EmotionScores scores) {
        double total = 0;
        for (double p : scores.toArray()) {
            assertTrue(p >= 0 && p <= 1, "probability " + p);
            total += p;
        }
        return total;
    }
}
