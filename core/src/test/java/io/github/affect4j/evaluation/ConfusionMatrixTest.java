package io.github.affect4j.evaluation;

import static io.github.affect4j.Emotion.ANGER;
import static io.github.affect4j.Emotion.CONTEMPT;
import static io.github.affect4j.Emotion.FEAR;
import static io.github.affect4j.Emotion.HAPPINESS;
import static io.github.affect4j.Emotion.NEUTRAL;
import static io.github.affect4j.Emotion.SADNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every expected figure below is worked out by hand from the counts in the comments. */
class ConfusionMatrixTest {

    private static final double EPS = 1e-12;

    /**
     * happiness: 6 right, 2 taken for neutral (support 8, recall 6/8);
     * sadness: 1 right, 1 taken for happiness (support 2, recall 1/2);
     * anger: both taken for neutral (support 2, recall 0).
     */
    private static ConfusionMatrix.Builder threeClasses() {
        ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
        repeat(6, () -> tally.add(HAPPINESS, HAPPINESS));
        repeat(2, () -> tally.add(HAPPINESS, NEUTRAL));
        tally.add(SADNESS, SADNESS).add(SADNESS, HAPPINESS);
        repeat(2, () -> tally.add(ANGER, NEUTRAL));
        return tally;
    }

    @Test
    void countsAccuracyAndRecallOfAHandWorkedCase() {
        ConfusionMatrix m = threeClasses().build();
        assertEquals(12, m.samples());
        assertEquals(7, m.correct());
        assertEquals(6, m.count(HAPPINESS, HAPPINESS));
        assertEquals(2, m.count(HAPPINESS, NEUTRAL));
        assertEquals(0, m.count(NEUTRAL, HAPPINESS));
        assertEquals(8, m.samples(HAPPINESS));
        assertEquals(4, m.predictions(NEUTRAL));
        assertEquals(7.0 / 12, m.accuracy(), EPS);
        assertEquals(0.75, m.recall(HAPPINESS), EPS);
        assertEquals(0.5, m.recall(SADNESS), EPS);
        assertEquals(0.0, m.recall(ANGER), EPS);
    }

    @Test
    void uarAveragesOnlyTheClassesPresentInTheTruth() {
        ConfusionMatrix m = threeClasses().build();
        // (0.75 + 0.5 + 0) / 3; neutral is predicted but has no true sample, five classes neither.
        assertEquals((0.75 + 0.5 + 0.0) / 3, m.uar(), EPS);
        assertEquals(Set.of(HAPPINESS, SADNESS, ANGER), m.truthClasses());
        assertEquals(Double.NaN, m.recall(NEUTRAL));
        assertEquals(Double.NaN, m.recall(FEAR));
        assertEquals(List.of(HAPPINESS, SADNESS, ANGER), List.copyOf(m.recallPerClass().keySet()));
        assertEquals(Map.of(HAPPINESS, 0.75, SADNESS, 0.5, ANGER, 0.0), m.recallPerClass());
    }

    @Test
    void precisionIsPerPredictedClassAndUndefinedForClassesNeverPredicted() {
        ConfusionMatrix m = threeClasses().build();
        assertEquals(6.0 / 7, m.precision(HAPPINESS), EPS);   // 6 of the 7 happiness predictions
        assertEquals(1.0, m.precision(SADNESS), EPS);
        assertEquals(0.0, m.precision(NEUTRAL), EPS);         // 4 predictions, none right
        assertEquals(Double.NaN, m.precision(ANGER));
        assertEquals(Double.NaN, m.precision(CONTEMPT));
        assertEquals(Set.of(NEUTRAL, HAPPINESS, SADNESS), m.predictedClasses());
        assertEquals(List.of(NEUTRAL, HAPPINESS, SADNESS),
                List.copyOf(m.precisionPerClass().keySet()));
    }

    @Test
    void samplesWithoutPredictionCountAsMissesAndLeavePrecisionAlone() {
        ConfusionMatrix.Builder tally = threeClasses();
        tally.addNoPrediction(SADNESS).addNoPrediction(SADNESS);
        ConfusionMatrix m = tally.build();
        assertEquals(14, m.samples());
        assertEquals(2, m.noPrediction());
        assertEquals(2, m.noPrediction(SADNESS));
        assertEquals(0, m.noPrediction(HAPPINESS));
        assertEquals(4, m.samples(SADNESS));
        assertEquals(0.25, m.recall(SADNESS), EPS);
        assertEquals(0.5, m.accuracy(), EPS);                  // 7 of 14
        assertEquals((0.75 + 0.25 + 0.0) / 3, m.uar(), EPS);
        assertEquals(1.0, m.precision(SADNESS), EPS);
        assertEquals(6.0 / 7, m.precision(HAPPINESS), EPS);
        assertEquals(Set.of(NEUTRAL, HAPPINESS, SADNESS), m.predictedClasses());
    }

    @Test
    void aClassWithOnlyUnpredictedSamplesIsInTheTruthWithRecallZero() {
        ConfusionMatrix m = ConfusionMatrix.builder().add(HAPPINESS, HAPPINESS)
                .addNoPrediction(FEAR).build();
        assertEquals(Set.of(HAPPINESS, FEAR), m.truthClasses());
        assertEquals(0.0, m.recall(FEAR), EPS);
        assertEquals(0.5, m.uar(), EPS);
        assertEquals(0.5, m.accuracy(), EPS);
    }

    @Test
    void emptyMatrixHasNoFiguresRatherThanZeros() {
        ConfusionMatrix m = ConfusionMatrix.builder().build();
        assertEquals(ConfusionMatrix.empty(), m);
        assertEquals(0, m.samples());
        assertEquals(0, m.correct());
        assertEquals(Double.NaN, m.accuracy());
        assertEquals(Double.NaN, m.uar());
        assertEquals(Double.NaN, m.recall(NEUTRAL));
        assertEquals(Double.NaN, m.precision(NEUTRAL));
        assertTrue(m.truthClasses().isEmpty());
        assertTrue(m.recallPerClass().isEmpty());
        assertEquals("no samples" + System.lineSeparator(), m.toTable());
        assertEquals("ConfusionMatrix[0 samples, accuracy NaN, UAR NaN]", m.toString());
    }

    @Test
    void perfectAndAllWrongClassifiers() {
        ConfusionMatrix perfect = ConfusionMatrix.of(List.of(ANGER, FEAR, FEAR),
                List.of(ANGER, FEAR, FEAR));
        assertEquals(1.0, perfect.accuracy(), EPS);
        assertEquals(1.0, perfect.uar(), EPS);
        ConfusionMatrix wrong = ConfusionMatrix.of(List.of(ANGER, FEAR), List.of(FEAR, ANGER));
        assertEquals(0.0, wrong.accuracy(), EPS);
        assertEquals(0.0, wrong.uar(), EPS);
        assertEquals(0.0, wrong.precision(FEAR), EPS);
    }

    @Test
    void accuracyAndUarDifferOnUnbalancedClasses() {
        // Always answering "neutral" on 9 neutral and 1 sad sample: accuracy 0.9, UAR 0.5.
        List<Emotion> truth = new ArrayList<>(List.of(SADNESS));
        repeat(9, () -> truth.add(NEUTRAL));
        ConfusionMatrix m = ConfusionMatrix.of(truth, List.copyOf(java.util.Collections.nCopies(
                10, NEUTRAL)));
        assertEquals(0.9, m.accuracy(), EPS);
        assertEquals(0.5, m.uar(), EPS);
        assertEquals(0.9, m.precision(NEUTRAL), EPS);
    }

    @Test
    void ofRejectsListsOfDifferentLengthAndNullLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(List.of(ANGER, FEAR), List.of(ANGER)));
        assertEquals("2 true labels but 1 predictions", e.getMessage());
        ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
        assertThrows(NullPointerException.class, () -> tally.add(null, ANGER));
        assertThrows(NullPointerException.class, () -> tally.add(ANGER, null));
        assertThrows(NullPointerException.class, () -> tally.addNoPrediction(null));
        assertEquals(0, tally.build().samples());
    }

    @Test
    void plusPoolsFoldsCellByCell() {
        ConfusionMatrix first = ConfusionMatrix.builder().add(HAPPINESS, HAPPINESS)
                .add(SADNESS, HAPPINESS).build();
        ConfusionMatrix second = ConfusionMatrix.builder().add(SADNESS, SADNESS)
                .addNoPrediction(HAPPINESS).build();
        ConfusionMatrix pooled = first.plus(second);
        assertEquals(ConfusionMatrix.builder().add(HAPPINESS, HAPPINESS).add(SADNESS, HAPPINESS)
                .add(SADNESS, SADNESS).addNoPrediction(HAPPINESS).build(), pooled);
        assertEquals(4, pooled.samples());
        assertEquals(0.5, pooled.accuracy(), EPS);
        assertEquals(2, first.samples(), "plus must not change its operands");
        assertEquals(first, first.plus(ConfusionMatrix.empty()));
    }

    @Test
    void buildSnapshotsTheCountsSoFar() {
        ConfusionMatrix.Builder tally = ConfusionMatrix.builder().add(ANGER, ANGER);
        ConfusionMatrix before = tally.build();
        tally.add(ANGER, FEAR);
        assertEquals(1, before.samples());
        assertEquals(2, tally.build().samples());
        assertNotEquals(before, tally.build());
        assertEquals(before.hashCode(), ConfusionMatrix.builder().add(ANGER, ANGER).build()
                .hashCode());
    }

    @Test
    void tableHasRowsForTrueClassesColumnsForAllSeenClassesAndPrecisionUnderneath() {
        ConfusionMatrix.Builder tally = threeClasses();
        tally.addNoPrediction(SADNESS);
        String expected = """
                true \\ predicted    neutral  happiness    sadness      anger  no speech |    samples     recall
                happiness                 2          6          0          0          0 |          8      0.750
                sadness                   0          1          1          0          1 |          3      0.333
                anger                     2          0          0          0          0 |          2      0.000
                precision             0.000      0.857      1.000          -
                """.replace("\n", System.lineSeparator());
        assertEquals(expected, tally.build().toTable("no speech"));
        assertTrue(threeClasses().build().toTable().startsWith(
                "true \\ predicted    neutral  happiness    sadness      anger |"),
                "no no-prediction column when every sample was predicted");
        assertThrows(IllegalArgumentException.class, () -> tally.build().toTable(" "));
    }

    @Test
    void toStringGivesSizeAccuracyAndUar() {
        assertEquals("ConfusionMatrix[12 samples, accuracy 0.583, UAR 0.417]",
                threeClasses().build().toString());
    }

    @Test
    void javadocExampleHoldsTrue() {
        ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
        tally.add(Emotion.HAPPINESS, Emotion.HAPPINESS);
        tally.add(Emotion.SADNESS, Emotion.NEUTRAL);
        ConfusionMatrix matrix = tally.build();
        assertEquals(0.5, matrix.accuracy(), EPS);
        assertEquals(0.5, matrix.uar(), EPS);
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}
