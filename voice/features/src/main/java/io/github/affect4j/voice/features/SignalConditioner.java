package io.github.affect4j.voice.features;

import be.tarsos.dsp.resample.Resampler;

/**
 * The first stage: measures the raw input (offset, clipping, level), removes the DC offset and
 * converts to the {@value #ANALYSIS_RATE} Hz analysis rate.
 *
 * <p>DC removal is a first-order high-pass (corner {@value #DC_CORNER_HZ} Hz) at the input rate,
 * started from the first sample so that an offset present from the start leaves no transient.
 * Resampling uses TarsosDSP's {@link Resampler} (libresample4j: windowed-sinc interpolation with
 * anti-alias filtering when decimating); the samples it holds back as look-ahead are released by
 * {@link #finish}.
 *
 * <p>Not thread-safe: one per analysis or stream.
 */
public final class SignalConditioner {

    /** The rate every analysis runs at, in Hz. */
    public static final int ANALYSIS_RATE = 16_000;

    /** Samples at or beyond this magnitude count as clipped. */
    public static final double CLIP_LEVEL = 0.99;

    /** Corner frequency of the DC blocker, in Hz. */
    public static final double DC_CORNER_HZ = 20;

    private static final int BLOCK = 4096;

    /** Accepts analysis-rate samples. */
    public interface Sink {
        /**
         * Takes conditioned samples.
         *
         * @param samples a buffer reused by the caller: copy what must be kept
         * @param count how many of {@code samples}, from index 0, are new
         */
        void accept(float[] samples, int count);
    }

    private final double dcPole;
    private final Resampler resampler;
    private final double factor;
    private final float[] conditioned = new float[BLOCK];
    private final float[] resampled;

    private boolean started;
    private double previousInput;
    private double previousOutput;

    private long count;
    private double sum;
    private double sumSquares;
    private long clipped;

    /**
     * A conditioner for one input.
     *
     * @param inputRate the input's sample rate, 8 to 192 kHz
     * @throws IllegalArgumentException if the rate is outside that range
     */
    public SignalConditioner(int inputRate) {
        io.github.affect4j.media.AudioClip.checkSampleRate(inputRate);
        this.dcPole = Math.exp(-2 * Math.PI * DC_CORNER_HZ / inputRate);
        this.factor = ANALYSIS_RATE / (double) inputRate;
        this.resampler = inputRate == ANALYSIS_RATE ? null : new Resampler(false, factor, factor);
        this.resampled = new float[(int) Math.ceil(BLOCK * factor) + 64];
    }

    /**
     * Conditions samples and hands the analysis-rate result to the sink, in pieces.
     *
     * @param samples raw input samples
     * @param offset the first to take
     * @param length how many to take
     * @param sink receives the conditioned samples
     */
    public void accept(float[] samples, int offset, int length, Sink sink) {
        for (int done = 0; done < length; ) {
            int n = Math.min(BLOCK, length - done);
            condition(samples, offset + done, n);
            emit(n, false, sink);
            done += n;
        }
    }

    /**
     * Releases the samples the resampler still holds: call once, at the end of the input.
     *
     * @param sink receives the samples
     */
    public void finish(Sink sink) {
        if (resampler != null) {
            emit(0, true, sink);
        }
    }

    /** @return statistics of the raw input so far */
    public RawStatistics statistics() {
        return new RawStatistics(count, sum, sumSquares, clipped);
    }

    private void condition(float[] samples, int offset, int n) {
        if (!started) {
            previousInput = samples[offset];
            started = true;
        }
        for (int i = 0; i < n; i++) {
            double x = samples[offset + i];
            count++;
            sum += x;
            sumSquares += x * x;
            if (Math.abs(x) >= CLIP_LEVEL) {
                clipped++;
            }
            double y = x - previousInput + dcPole * previousOutput;
            previousInput = x;
            previousOutput = y;
            conditioned[i] = (float) y;
        }
    }

    private void emit(int n, boolean last, Sink sink) {
        if (resampler == null) {
            sink.accept(conditioned, n);
            return;
        }
        int consumed = 0;
        while (true) {
            Resampler.Result result = resampler.process(factor, conditioned, consumed, n - consumed,
                    last, resampled, 0, resampled.length);
            consumed += result.inputSamplesConsumed;
            if (result.outputSamplesGenerated > 0) {
                sink.accept(resampled, result.outputSamplesGenerated);
            }
            if (consumed >= n && result.outputSamplesGenerated < resampled.length) {
                return;
            }
        }
    }
}
