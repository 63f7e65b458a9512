package io.github.affect4j.voice.onnx;

/**
 * A speaker's running mean of the model's input features, for models trained with speaker
 * normalisation: a mean over the speech heard so far in the clip or stream, weighted by seconds
 * of speech and forgetting with a time constant of {@value #MEMORY_SECONDS} s of speech, shrunk
 * toward the population mean with a prior worth {@code priorSeconds} of speech. Before any speech
 * it is the population mean, so the first segment is read as the population model would.
 * Constant memory. Not thread-safe: one per analysis or stream.
 */
final class SpeakerBaseline {

    static final double MEMORY_SECONDS = 120;

    private final double[] population;
    private final double prior;
    private final double[] sums;
    private final double[] weights;

    SpeakerBaseline(double[] population, double priorSeconds) {
        this.population = population.clone();
        this.prior = priorSeconds;
        this.sums = new double[population.length];
        this.weights = new double[population.length];
    }

    /** The speaker's estimated mean now, per input feature. */
    double[] mean() {
        double[] m = new double[population.length];
        for (int i = 0; i < m.length; i++) {
            double w = weights[i] + prior;
            m[i] = w > 0 ? (sums[i] + prior * population[i]) / w : population[i];
        }
        return m;
    }

    /** Adds a span's input features (NaN skipped), weighted by its seconds of speech. */
    void add(double[] features, double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        double decay = Math.exp(-seconds / MEMORY_SECONDS);
        for (int i = 0; i < sums.length; i++) {
            sums[i] *= decay;
            weights[i] *= decay;
            if (!Double.isNaN(features[i])) {
                sums[i] += seconds * features[i];
                weights[i] += seconds;
            }
        }
    }

    /** Seconds of speech behind the estimate of feature 0, decayed; for tests. */
    double seconds() {
        return weights.length > 0 ? weights[0] : 0;
    }
}
