package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Classification results: a confusion matrix over a label set, with accuracy, unweighted average
 * recall (UAR, the mean of the per-class recalls: the figure speech-emotion work reports because
 * the classes are unbalanced) and per-class recall.
 *
 * <p>Immutable.
 */
public final class Evaluation {

    private final List<Emotion> labels;
    private final long[][] confusion;

    private Evaluation(List<Emotion> labels, long[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
    }

    /**
     * Tallies predictions.
     *
     * @param labels the label set, in the order rows and columns are reported
     * @param truth the true labels
     * @param predicted the predicted labels, one per true label
     * @throws IllegalArgumentException if the lists differ in length or hold a label outside the set
     */
    public static Evaluation of(List<Emotion> labels, List<Emotion> truth, List<Emotion> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true labels but "
                    + predicted.size() + " predictions");
        }
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < truth.size(); i++) {
            confusion[index(labels, truth.get(i))][index(labels, predicted.get(i))]++;
        }
        return new Evaluation(labels, confusion);
    }

    private static int index(List<Emotion> labels, Emotion emotion) {
        int i = labels.indexOf(Objects.requireNonNull(emotion, "label"));
        if (i < 0) {
            throw new IllegalArgumentException("label " + emotion.label() + " is not in " + labels);
        }
        return i;
    }

    /** The label set, in row and column order. */
    public List<Emotion> labels() {
        return labels;
    }

    /** The number of samples. */
    public long samples() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Count of samples of true label {@code truth} predicted as {@code predicted}. */
    public long count(Emotion truth, Emotion predicted) {
        return confusion[index(labels, truth)][index(labels, predicted)];
    }

    /** The fraction of samples predicted correctly; NaN without samples. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        long n = samples();
        return n == 0 ? Double.NaN : correct / (double) n;
    }

    /** The recall of one class; NaN when it has no samples. */
    public double recall(Emotion emotion) {
        long[] row = confusion[index(labels, emotion)];
        long n = Arrays.stream(row).sum();
        return n == 0 ? Double.NaN : row[index(labels, emotion)] / (double) n;
    }

    /** Unweighted average recall over the classes that have samples. */
    public double uar() {
        double sum = 0;
        int classes = 0;
        for (Emotion e : labels) {
            double r = recall(e);
            if (!Double.isNaN(r)) {
                sum += r;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** Recall per class, in label order. */
    public Map<Emotion, Double> perClassRecall() {
        Map<Emotion, Double> map = new LinkedHashMap<>();
        for (Emotion e : labels) {
            map.put(e, recall(e));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The confusion matrix, rows true labels, columns predictions, as nested maps. */
    public Map<Emotion, Map<Emotion, Long>> confusion() {
        Map<Emotion, Map<Emotion, Long>> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Map<Emotion, Long> row = new LinkedHashMap<>();
            for (int j = 0; j < labels.size(); j++) {
                row.put(labels.get(j), confusion[i][j]);
            }
            map.put(labels.get(i), Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(map);
    }

    /** A readable table: accuracy, UAR, per-class recall and the confusion matrix. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "samples %d, accuracy %.3f, UAR %.3f%n", samples(),
                accuracy(), uar()));
        b.append(String.format(Locale.ROOT, "%-10s %7s |", "true\\pred", "recall"));
        for (Emotion e : labels) {
            b.append(String.format(Locale.ROOT, " %9s", e.label()));
        }
        b.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            b.append(String.format(Locale.ROOT, "%-10s %7.3f |", labels.get(i).label(),
                    recall(labels.get(i))));
            for (int j = 0; j < labels.size(); j++) {
                b.append(String.format(Locale.ROOT, " %9d", confusion[i][j]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Evaluation[%d samples, accuracy %.3f, UAR %.3f]",
                samples(), accuracy(), uar());
    }
}
