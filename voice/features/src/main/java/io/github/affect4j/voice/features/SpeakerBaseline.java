package io.github.affect4j.voice.features;

import java.util.Arrays;

/**
 * A speaker's running mean of some measures (a model's input features, the prosody rules'
 * cues): a mean over the speech heard so far in the clip or stream, weighted by seconds of
 * speech and forgetting with a time constant of {@value #MEMORY_SECONDS} s of speech, shrunk
 * toward a population mean with a prior worth {@code priorSeconds} of speech. Before any speech
 * it is the population mean, so the first segment is read as a population model would. Constant
 * memory however long a stream runs.
 *
 * <p>Not thread-safe: one per analysis or stream.
 */
public final class SpeakerBaseline {

    /** The time constant of forgetting, in seconds of speech. */
    public static final double MEMORY_SECONDS = 120;

    private final double[] population;
    private final double prior;
    private final double[] sums;
    private final double[] weights;
    /** Seconds of speech added, decayed like the weights, whatever was measured. */
    private double speech;

    /**
     * A baseline shrunk toward a population.
     *
     * @param population the population mean of each measure; NaN where there is none
     * @param priorSeconds how many seconds of speech the population mean is worth, 0 or more
     * @throws IllegalArgumentException if the prior is negative or not finite
     */
    public SpeakerBaseline(double[] population, double priorSeconds) {
        if (!(priorSeconds >= 0 && priorSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("prior must be 0 or more seconds, got "
                    + priorSeconds);
        }
        this.population = population.clone();
        this.prior = priorSeconds;
        this.sums = new double[population.length];
        this.weights = new double[population.length];
    }

    /**
     * A baseline of the speaker alone: NaN for a measure until it was measured.
     *
     * @param size the number of measures
     * @return a new baseline without population or prior
     */
    public static SpeakerBaseline withoutPopulation(int size) {
        double[] none = new double[size];
        Arrays.fill(none, Double.NaN);
        return new SpeakerBaseline(none, 0);
    }

    /** @return the speaker's estimated mean now, per measure */
    public double[] mean() {
        double[] m = new double[population.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean(i);
        }
        return m;
    }

    /**
     * @param measure the measure's index
     * @return the speaker's estimated mean of one measure now
     */
    public double mean(int measure) {
        if (prior == 0) {
            // No population term: a NaN population (none) must not poison the speaker's mean.
            return weights[measure] > 0 ? sums[measure] / weights[measure] : population[measure];
        }
        double w = weights[measure] + prior;
        return (sums[measure] + prior * population[measure]) / w;
    }

    /**
     * Adds a span's measures (NaN and infinite values skipped), weighted by its seconds of
     * speech.
     *
     * @param values one value per measure
     * @param seconds the span's seconds of speech; nothing happens unless positive
     */
    public void add(double[] values, double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        double decay = Math.exp(-seconds / MEMORY_SECONDS);
        speech = speech * decay + seconds;
        for (int i = 0; i < sums.length; i++) {
            sums[i] *= decay;
            weights[i] *= decay;
            if (Double.isFinite(values[i])) {
                sums[i] += seconds * values[i];
                weights[i] += seconds;
            }
        }
    }

    /**
     * @param measure the measure's index
     * @return seconds of speech behind the estimate of one measure, decayed, prior not counted
     */
    public double seconds(int measure) {
        return weights[measure];
    }

    /**
     * Seconds of speech heard so far, decayed with the same time constant as the means (so at
     * most about {@value #MEMORY_SECONDS} s however long a stream runs), whatever was measured in
     * it: how much of the speaker the baseline rests on.
     *
     * @return the decayed seconds of speech added, 0 before any
     */
    public double seconds() {
        return speech;
    }

    @Override
    public String toString() {
        return "SpeakerBaseline" + Arrays.toString(mean());
    }
}
