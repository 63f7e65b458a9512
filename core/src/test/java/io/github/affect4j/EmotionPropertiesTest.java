package io.github.affect4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the value types {@link EmotionScores}, {@link Emotion} and {@link BoundingBox}
 * over generated inputs (jqwik; a few hundred tries each, so they stay fast).
 */
class EmotionPropertiesTest {

    private static final double EPS = 1e-9;

    @Property(tries = 300)
    void weightsGiveADistribution(@ForAll("weights") double[] weights) {
        EmotionScores scores = EmotionScores.ofWeights(weights);
        assertDistribution(scores);
        // Normalisation makes the scale irrelevant.
        double[] doubled = weights.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        if (allFinite(doubled)) {
            double[] a = scores.toArray();
            double[] b = EmotionScores.ofWeights(doubled).toArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], EPS);
            }
        }
        // The dominant category has the largest weight.
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        assertTrue(weights[scores.dominant().ordinal()] >= max * (1 - 1e-12),
                () -> scores.dominant() + " is not the heaviest of " + java.util.Arrays.toString(weights));
    }

    @Property(tries = 200)
    void mapOfWeightsAgreesWithArrayOfWeights(@ForAll("weights") double[] weights) {
        java.util.Map<Emotion, Double> map = new java.util.EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            map.put(e, weights[e.ordinal()]);
        }
        assertEquals(EmotionScores.ofWeights(weights), EmotionScores.of(map));
    }

    @Property(tries = 200)
    void mixturesAreDistributions(@ForAll("weights") double[] a, @ForAll("weights") double[] b,
                                  @ForAll @DoubleRange(min = 0, max = 1e6) double wa,
                                  @ForAll @DoubleRange(min = 0.01, max = 1e6) double wb) {
        EmotionScores mixed = EmotionScores.mixture(
                List.of(EmotionScores.ofWeights(a), EmotionScores.ofWeights(b)),
                new double[] {wa, wb});
        assertDistribution(mixed);
    }

    @Property(tries = 300)
    void theCircumplexGivesABoundedDistributionEverywhere(
            @ForAll @DoubleRange(min = -1, max = 1) @Scale(6) double valence,
            @ForAll @DoubleRange(min = -1, max = 1) @Scale(6) double arousal) {
        EmotionScores scores = EmotionScores.fromCircumplex(valence, arousal);
        assertDistribution(scores);
        for (double p : scores.toArray()) {
            assertTrue(p > 0, "a kernel never puts all mass on one category: " + scores);
        }
    }

    /**
     * Continuity: each probability is a smooth function of the point, with partial derivatives
     * below {@code 2 / 0.35^2 < 17} (the steepest exponent, along arousal, over [-1, 1]); a step
     * of {@code h} moves no probability by more than {@code 17 h} along each axis.
     */
    @Property(tries = 300)
    void theCircumplexIsContinuous(@ForAll @DoubleRange(min = -1, max = 1) double valence,
                                   @ForAll @DoubleRange(min = -1, max = 1) double arousal,
                                   @ForAll @DoubleRange(min = -1e-3, max = 1e-3) @Scale(7) double dv,
                                   @ForAll @DoubleRange(min = -1e-3, max = 1e-3) @Scale(7) double da) {
        double v2 = Math.max(-1, Math.min(1, valence + dv));
        double a2 = Math.max(-1, Math.min(1, arousal + da));
        double[] p = EmotionScores.fromCircumplex(valence, arousal).toArray();
        double[] q = EmotionScores.fromCircumplex(v2, a2).toArray();
        double bound = 17 * (Math.abs(v2 - valence) + Math.abs(a2 - arousal)) + EPS;
        for (int i = 0; i < p.length; i++) {
            assertTrue(Math.abs(p[i] - q[i]) <= bound, Emotion.values()[i] + " moved "
                    + Math.abs(p[i] - q[i]) + " for a step of " + (v2 - valence) + ", "
                    + (a2 - arousal));
        }
    }

    @Property(tries = 200)
    void theCircumplexRefusesPointsOutsideTheSquare(@ForAll double valence,
                                                    @ForAll double arousal) {
        boolean inside = valence >= -1 && valence <= 1 && arousal >= -1 && arousal <= 1;
        if (inside) {
            assertDistribution(EmotionScores.fromCircumplex(valence, arousal));
        } else {
            assertThrows(IllegalArgumentException.class,
                    () -> EmotionScores.fromCircumplex(valence, arousal));
        }
    }

    @Property(tries = 200)
    void everyLabelRoundTripsWhateverItsCaseBlanksAndSeparators(
            @ForAll Emotion emotion, @ForAll boolean upper,
            @ForAll @IntRange(min = 0, max = 3) int blanks) {
        String label = emotion.label();
        String written = " ".repeat(blanks) + (upper ? label.toUpperCase(Locale.ROOT) : label)
                + "\t".repeat(blanks);
        assertEquals(Optional.of(emotion), Emotion.fromLabel(written));
        assertEquals(emotion, Emotion.parse(written));
        assertEquals(label, label.toLowerCase(Locale.ROOT).strip());
    }

    @Property(tries = 300)
    void anyStringMapsToAtMostOneLabelThatRoundTrips(@ForAll("labelish") String text) {
        Optional<Emotion> mapped = Emotion.fromLabel(text);
        mapped.ifPresent(e -> assertEquals(Optional.of(e), Emotion.fromLabel(e.label())));
        if (mapped.isEmpty()) {
            assertThrows(IllegalArgumentException.class, () -> Emotion.parse(text));
        } else {
            assertEquals(mapped.get(), Emotion.parse(text));
        }
    }

    @Property(tries = 300)
    void iouIsSymmetricAndInTheUnitInterval(@ForAll("boxes") BoundingBox a,
                                            @ForAll("boxes") BoundingBox b) {
        double iou = a.iou(b);
        assertTrue(iou >= 0 && iou <= 1, a + " " + b + " -> " + iou);
        assertEquals(iou, b.iou(a), EPS);
        assertEquals(1.0, a.iou(a), EPS);
        assertTrue(a.contains(a.centerX(), a.centerY()));
    }

    @Provide
    Arbitrary<double[]> weights() {
        Arbitrary<Double> weight = Arbitraries.oneOf(
                Arbitraries.just(0.0),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, Double.MAX_VALUE),
                Arbitraries.of(Double.MIN_VALUE, Double.MAX_VALUE));
        return weight.array(double[].class).ofSize(8).filter(w -> {
            for (double x : w) {
                if (x > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    @Provide
    Arbitrary<String> labelish() {
        Arbitrary<String> synonym = Arbitraries.of("happy", "Fearful", " ANG ", "no_emotion",
                "pleasant-surprise", "calm", "boredom", "", "contemptuous", "sur");
        return Arbitraries.oneOf(synonym, Arbitraries.strings().ofMaxLength(20),
                Combinators.combine(synonym, Arbitraries.strings().withChars(" _-\t").ofMaxLength(3))
                        .as((s, noise) -> noise + s + noise));
    }

    @Provide
    Arbitrary<BoundingBox> boxes() {
        Arbitrary<Integer> position = Arbitraries.integers().between(-1_000_000, 1_000_000);
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 1_000_000);
        return Combinators.combine(position, position, size, size).as(BoundingBox::new);
    }

    private static void assertDistribution(EmotionScores scores) {
        double sum = 0;
        for (double p : scores.toArray()) {
            assertTrue(p >= 0 && p <= 1, scores::toString);
            sum += p;
        }
        assertEquals(1.0, sum, EPS, scores::toString);
        assertTrue(scores.valence() >= -1 - EPS && scores.valence() <= 1 + EPS, scores::toString);
        assertTrue(scores.arousal() >= -1 - EPS && scores.arousal() <= 1 + EPS, scores::toString);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
