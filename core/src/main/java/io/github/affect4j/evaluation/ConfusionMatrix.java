package io.github.affect4j.evaluation;

import io.github.affect4j.Emotion;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts of classification outcomes per (true, predicted) {@link Emotion}, and the figures
 * emotion-recognition work reports from them: accuracy, per-class recall and precision, and the
 * unweighted average recall (UAR, the mean of the per-class recalls, which unlike accuracy does
 * not reward a classifier for favouring the most frequent class).
 *
 * <p>Besides a predicted emotion, a sample may have <em>no prediction</em>
 * ({@link Builder#addNoPrediction}): a voice detector that finds no speech in a clip, say. Such a
 * sample counts in {@link #samples()} and in its class's support, and is never correct: it lowers
 * accuracy and that class's recall, and leaves every precision unchanged.
 *
 * <p>Undefined figures are {@link Double#NaN}: the accuracy and UAR of an empty matrix, the recall
 * of a class without true samples, the precision of a class never predicted. The UAR averages the
 * recalls of the classes present in the truth only, so a class absent from a test set neither
 * counts as 0 nor as 1.
 *
 * <pre>{@code
 * ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
 * tally.add(Emotion.HAPPINESS, Emotion.HAPPINESS);
 * tally.add(Emotion.SADNESS, Emotion.NEUTRAL);
 * ConfusionMatrix matrix = tally.build();
 * System.out.println(matrix.accuracy() + " " + matrix.uar());   // 0.5 0.5
 * System.out.print(matrix.toTable());
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads; folds of a cross-validation are
 * combined with {@link #plus}. A {@link Builder} is not thread-safe.
 */
public final class ConfusionMatrix {

    private static final Emotion[] EMOTIONS = Emotion.values();
    /** Column index of "no prediction", after the eight emotions. */
    private static final int NONE = EMOTIONS.length;
    private static final ConfusionMatrix EMPTY = new ConfusionMatrix(new long[NONE][NONE + 1]);

    /** counts[true][predicted]; the last column counts samples without a prediction. */
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** {@return a builder that tallies samples one at a time, starting from zero} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the matrix without samples} */
    public static ConfusionMatrix empty() {
        return EMPTY;
    }

    /**
     * Tallies pairs of true and predicted labels.
     *
     * @param truth the true labels
     * @param predicted the predictions, one per true label, in the same order
     * @return the matrix
     * @throws IllegalArgumentException if the lists differ in length
     * @throws NullPointerException if a list or label is null
     */
    public static ConfusionMatrix of(List<Emotion> truth, List<Emotion> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true labels but "
                    + predicted.size() + " predictions");
        }
        Builder builder = builder();
        for (int i = 0; i < truth.size(); i++) {
            builder.add(truth.get(i), predicted.get(i));
        }
        return builder.build();
    }

    /**
     * The number of samples of class {@code truth} predicted as {@code predicted}.
     *
     * @param truth the true class
     * @param predicted the predicted class
     * @return the number of such samples
     */
    public long count(Emotion truth, Emotion predicted) {
        return counts[truth.ordinal()][predicted.ordinal()];
    }

    /**
     * The number of samples of class {@code truth} that got no prediction.
     *
     * @param truth the true class
     * @return the number of its samples without a prediction
     */
    public long noPrediction(Emotion truth) {
        return counts[truth.ordinal()][NONE];
    }

    /** {@return the number of samples that got no prediction, over all classes} */
    public long noPrediction() {
        long n = 0;
        for (long[] row : counts) {
            n += row[NONE];
        }
        return n;
    }

    /** {@return the number of samples, with or without a prediction} */
    public long samples() {
        long n = 0;
        for (long[] row : counts) {
            n += sum(row);
        }
        return n;
    }

    /**
     * The number of samples whose true class is {@code truth} (its support).
     *
     * @param truth the true class
     * @return the number of its samples
     */
    public long samples(Emotion truth) {
        return sum(counts[truth.ordinal()]);
    }

    /**
     * The number of samples predicted as {@code predicted}, whatever their true class.
     *
     * @param predicted the predicted class
     * @return the number of samples predicted as it
     */
    public long predictions(Emotion predicted) {
        long n = 0;
        for (long[] row : counts) {
            n += row[predicted.ordinal()];
        }
        return n;
    }

    /** {@return the number of samples predicted as their true class} */
    public long correct() {
        long n = 0;
        for (int i = 0; i < NONE; i++) {
            n += counts[i][i];
        }
        return n;
    }

    /** {@return the fraction of samples predicted correctly; NaN without samples} */
    public double accuracy() {
        return ratio(correct(), samples());
    }

    /**
     * The fraction of the samples of class {@code truth} that were predicted as {@code truth};
     * NaN when the class has no samples.
     * @param truth the true class
     * @return its recall
     */
    public double recall(Emotion truth) {
        return ratio(count(truth, truth), samples(truth));
    }

    /**
     * The fraction of the predictions of {@code predicted} that were right; NaN when the class was
     * never predicted.
     * @param predicted the predicted class
     * @return its precision
     */
    public double precision(Emotion predicted) {
        return ratio(count(predicted, predicted), predictions(predicted));
    }

    /**
     * The unweighted average recall: the mean of {@link #recall} over the classes present in the
     * truth; NaN without samples.
     * @return the unweighted average recall
     */
    public double uar() {
        double sum = 0;
        int classes = 0;
        for (Emotion emotion : EMOTIONS) {
            if (samples(emotion) > 0) {
                sum += recall(emotion);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** {@return the classes with at least one true sample, in {@link Emotion} order} */
    public Set<Emotion> truthClasses() {
        Set<Emotion> classes = EnumSet.noneOf(Emotion.class);
        for (Emotion emotion : EMOTIONS) {
            if (samples(emotion) > 0) {
                classes.add(emotion);
            }
        }
        return Collections.unmodifiableSet(classes);
    }

    /** {@return the classes predicted at least once, in {@link Emotion} order} */
    public Set<Emotion> predictedClasses() {
        Set<Emotion> classes = EnumSet.noneOf(Emotion.class);
        for (Emotion emotion : EMOTIONS) {
            if (predictions(emotion) > 0) {
                classes.add(emotion);
            }
        }
        return Collections.unmodifiableSet(classes);
    }

    /** {@return the recall of each class present in the truth, in {@link Emotion} order} */
    public Map<Emotion, Double> recallPerClass() {
        Map<Emotion, Double> recalls = new EnumMap<>(Emotion.class);
        for (Emotion emotion : truthClasses()) {
            recalls.put(emotion, recall(emotion));
        }
        return Collections.unmodifiableMap(recalls);
    }

    /** {@return the precision of each class predicted at least once, in {@link Emotion} order} */
    public Map<Emotion, Double> precisionPerClass() {
        Map<Emotion, Double> precisions = new EnumMap<>(Emotion.class);
        for (Emotion emotion : predictedClasses()) {
            precisions.put(emotion, precision(emotion));
        }
        return Collections.unmodifiableMap(precisions);
    }

    /**
     * The sum of this matrix and another, cell by cell: the pooled result of two test sets, or of
     * the folds of a cross-validation.
     *
     * @param other the other matrix
     * @return the sum of both
     * @throws ArithmeticException if a count overflows a {@code long}
     */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        long[][] sum = copy(counts);
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum[i].length; j++) {
                sum[i][j] = Math.addExact(sum[i][j], other.counts[i][j]);
            }
        }
        return new ConfusionMatrix(sum);
    }

    /** {@return the same as {@code toTable("none")}} */
    public String toTable() {
        return toTable("none");
    }

    /**
     * A readable table: a row per class present in the truth, a column per class present in the
     * truth or predicted (in {@link Emotion} order), plus a column headed
     * {@code noPredictionHeading} when some sample got no prediction; each row ends with its
     * support and recall, and a last row gives the precision of each column. Ends with a line
     * break; {@code "no samples"} and a line break for an empty matrix.
     *
     * @param noPredictionHeading heading of the no-prediction column, e.g. {@code "no speech"}
     * @return the table
     * @throws IllegalArgumentException if the heading is blank
     */
    public String toTable(String noPredictionHeading) {
        if (noPredictionHeading == null || noPredictionHeading.isBlank()) {
            throw new IllegalArgumentException("the no-prediction heading must not be blank");
        }
        if (samples() == 0) {
            return "no samples" + System.lineSeparator();
        }
        Set<Emotion> rows = truthClasses();
        Set<Emotion> columns = EnumSet.noneOf(Emotion.class);
        columns.addAll(rows);
        columns.addAll(predictedClasses());
        boolean noneColumn = noPrediction() > 0;

        String corner = "true \\ predicted";
        int labelWidth = corner.length();
        for (Emotion emotion : rows) {
            labelWidth = Math.max(labelWidth, emotion.label().length());
        }
        int cell = Long.toString(samples()).length();
        for (Emotion emotion : columns) {
            cell = Math.max(cell, emotion.label().length());
        }
        if (noneColumn) {
            cell = Math.max(cell, noPredictionHeading.length());
        }
        cell = Math.max(cell, "samples".length());

        StringBuilder text = new StringBuilder();
        String label = "%-" + labelWidth + "s";
        String number = "  %" + cell + "d";
        String heading = "  %" + cell + "s";
        String fraction = "  %" + cell + ".3f";
        text.append(String.format(Locale.ROOT, label, corner));
        columns.forEach(c -> text.append(String.format(Locale.ROOT, heading, c.label())));
        if (noneColumn) {
            text.append(String.format(Locale.ROOT, heading, noPredictionHeading));
        }
        text.append(" |").append(String.format(Locale.ROOT, heading, "samples"))
                .append(String.format(Locale.ROOT, heading, "recall")).append(System.lineSeparator());
        for (Emotion row : rows) {
            text.append(String.format(Locale.ROOT, label, row.label()));
            columns.forEach(c -> text.append(String.format(Locale.ROOT, number, count(row, c))));
            if (noneColumn) {
                text.append(String.format(Locale.ROOT, number, noPrediction(row)));
            }
            text.append(" |").append(String.format(Locale.ROOT, number, samples(row)))
                    .append(String.format(Locale.ROOT, fraction, recall(row)))
                    .append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, label, "precision"));
        for (Emotion column : columns) {
            double precision = precision(column);
            text.append(Double.isNaN(precision) ? String.format(Locale.ROOT, heading, "-")
                    : String.format(Locale.ROOT, fraction, precision));
        }
        return text.append(System.lineSeparator()).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix matrix && Arrays.deepEquals(counts, matrix.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** For example {@code ConfusionMatrix[4 samples, accuracy 0.750, UAR 0.667]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ConfusionMatrix[%d samples, accuracy %.3f, UAR %.3f]",
                samples(), accuracy(), uar());
    }

    private static long sum(long[] values) {
        long n = 0;
        for (long value : values) {
            n += value;
        }
        return n;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    private static long[][] copy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /**
     * Tallies samples into a {@link ConfusionMatrix}. Not thread-safe: tally on one thread, or
     * one builder per thread combined with {@link ConfusionMatrix#plus}.
     */
    public static final class Builder {

        private final long[][] counts = new long[NONE][NONE + 1];

        private Builder() {
        }

        /**
         * Counts one sample of class {@code truth} predicted as {@code predicted}.
         *
         * @param truth the true class
         * @param predicted the predicted class
         * @return this builder
         * @throws NullPointerException if either label is null
         */
        public Builder add(Emotion truth, Emotion predicted) {
            counts[Objects.requireNonNull(truth, "truth").ordinal()]
                    [Objects.requireNonNull(predicted, "predicted").ordinal()]++;
            return this;
        }

        /**
         * Counts one sample of class {@code truth} that got no prediction (the classifier
         * abstained: no speech in a clip, say). It is never correct.
         *
         * @param truth the true class
         * @return this builder
         * @throws NullPointerException if the label is null
         */
        public Builder addNoPrediction(Emotion truth) {
            counts[Objects.requireNonNull(truth, "truth").ordinal()][NONE]++;
            return this;
        }

        /**
         * A matrix of the samples counted so far; the builder can go on counting without
         * changing it.
         * @return the matrix of the samples added so far
         */
        public ConfusionMatrix build() {
            return new ConfusionMatrix(copy(counts));
        }
    }
}
