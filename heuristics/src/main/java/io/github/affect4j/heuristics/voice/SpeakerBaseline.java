package io.github.affect4j.heuristics.voice;

import java.util.Arrays;

/**
 * The running baseline of one speaker's cues: for each cue of {@link SpeechMeasurement}, a mean
 * over the speech heard so far, weighted by seconds of speech, that forgets with a time constant
 * of {@value #MEMORY_SECONDS} seconds of speech. Constant memory however long a stream runs.
 *
 * <p>{@link #trust(int, double)} says how far the affect rules may lean on it: not at all
 * before any speech, fully after {@value #FULL_TRUST_SECONDS} seconds.
 *
 * <p>Not thread-safe: one per stream or analysis.
 */
final class SpeakerBaseline {

    static final double MEMORY_SECONDS = 120;
    static final double FULL_TRUST_SECONDS = 20;

    private final double[] sums = new double[SpeechMeasurement.CUE_COUNT];
    private final double[] weights = new double[SpeechMeasurement.CUE_COUNT];

    /** The baseline value of a cue, NaN before any measurement of it. */
    double mean(int cue) {
        return weights[cue] > 0 ? sums[cue] / weights[cue] : Double.NaN;
    }

    /** How much a cue's baseline may count, in [0, maxWeight]. */
    double trust(int cue, double maxWeight) {
        return maxWeight * Math.min(1, weights[cue] / FULL_TRUST_SECONDS);
    }

    /** Adds a measured span to the baseline. */
    void update(double[] cues, double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        double decay = Math.exp(-seconds / MEMORY_SECONDS);
        for (int i = 0; i < sums.length; i++) {
            sums[i] *= decay;
            weights[i] *= decay;
            if (Double.isFinite(cues[i])) {
                sums[i] += seconds * cues[i];
                weights[i] += seconds;
            }
        }
    }

    /** Seconds of speech behind each cue, decayed; for tests and logs. */
    double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        double[] means = new double[sums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = mean(i);
        }
        return "SpeakerBaseline" + Arrays.toString(means);
    }
}
