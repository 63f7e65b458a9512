package io.github.affect4j.heuristics.voice;

import be.tarsos.dsp.resample.Resampler;
import java.util.ArrayDeque;

/**
 * The first stage of the analysis: measures the raw input (offset, clipping) in 10 ms bins,
 * removes the DC offset, and converts to the {@value #ANALYSIS_RATE} Hz analysis rate.
 *
 * <p>DC removal is a first-order high-pass (DC blocker, corner {@value #DC_CORNER_HZ} Hz) run at
 * the input rate, before resampling, so that the resampler never sees a step. Its state starts
 * from the first sample, so a constant offset present from the start leaves no transient: the
 * output for {@code x + c} equals the output for {@code x}.
 *
 * <p>Resampling uses TarsosDSP's {@link Resampler} (libresample4j, a windowed-sinc band-limited
 * interpolator with anti-alias filtering when decimating). It is time-aligned: output sample
 * {@code k} is the input at time {@code k / 16000} s; the few input samples it holds back as
 * look-ahead are released by {@link #finish}.
 *
 * <p>Not thread-safe: one instance per analysis or stream.
 */
final class SignalConditioner {

    /** The rate every analysis runs at, in Hz. */
    static final int ANALYSIS_RATE = 16_000;

    /** Bins per second of the raw-input statistics: one per analysis hop. */
    static final int BINS_PER_SECOND = 100;

    /** Samples at or beyond this magnitude count as clipped. */
    static final double CLIP_LEVEL = 0.99;

    static final double DC_CORNER_HZ = 20;

    private static final int BLOCK = 4096;

    /** Statistics of the raw input over one 10 ms bin. */
    record RawBin(long count, double sum, double sumSquares, long clipped) {
        static final RawBin EMPTY = new RawBin(0, 0, 0, 0);
    }

    /** Accepts analysis-rate samples. */
    interface Sink {
        void accept(float[] samples, int count);
    }

    private final int inputRate;
    private final double dcPole;
    private final Resampler resampler;
    private final double factor;
    private final float[] conditioned = new float[BLOCK];
    private float[] resampled;

    private boolean started;
    private double previousInput;
    private double previousOutput;

    private long inputIndex;
    private long binIndex;
    private long binEnd;
    private int binCount;
    private double binSum;
    private double binSumSquares;
    private int binClipped;
    private final ArrayDeque<RawBin> bins = new ArrayDeque<>();

    private long totalCount;
    private double totalSum;
    private double totalSumSquares;
    private long totalClipped;

    SignalConditioner(int inputRate) {
        this.inputRate = inputRate;
        this.dcPole = Math.exp(-2 * Math.PI * DC_CORNER_HZ / inputRate);
        this.factor = ANALYSIS_RATE / (double) inputRate;
        this.resampler = inputRate == ANALYSIS_RATE ? null : new Resampler(false, factor, factor);
        this.resampled = new float[(int) Math.ceil(BLOCK * factor) + 64];
        this.binEnd = binBoundary(1);
    }

    /** Conditions samples and hands the analysis-rate result to the sink, in pieces. */
    void accept(float[] samples, int offset, int length, Sink sink) {
        for (int done = 0; done < length; ) {
            int n = Math.min(BLOCK, length - done);
            condition(samples, offset + done, n);
            emit(n, false, sink);
            done += n;
        }
    }

    /** Releases the samples the resampler still holds: call once, at the end of the input. */
    void finish(Sink sink) {
        if (resampler != null) {
            emit(0, true, sink);
        }
    }

    /** Takes the statistics of the next raw bin, or an empty bin if none is complete yet. */
    RawBin takeBin() {
        RawBin bin = bins.pollFirst();
        return bin != null ? bin : RawBin.EMPTY;
    }

    /** Bins measured but not yet taken (bounded by the analysis latency and the chunk size). */
    int pendingBins() {
        return bins.size();
    }

    long totalCount() {
        return totalCount;
    }

    double totalSum() {
        return totalSum;
    }

    double totalSumSquares() {
        return totalSumSquares;
    }

    long totalClipped() {
        return totalClipped;
    }

    private void condition(float[] samples, int offset, int n) {
        if (!started) {
            previousInput = samples[offset];
            started = true;
        }
        for (int i = 0; i < n; i++) {
            double x = samples[offset + i];
            measure(x);
            double y = x - previousInput + dcPole * previousOutput;
            previousInput = x;
            previousOutput = y;
            conditioned[i] = (float) y;
        }
    }

    private void measure(double x) {
        binCount++;
        binSum += x;
        binSumSquares += x * x;
        if (Math.abs(x) >= CLIP_LEVEL) {
            binClipped++;
            totalClipped++;
        }
        totalCount++;
        totalSum += x;
        totalSumSquares += x * x;
        inputIndex++;
        if (inputIndex == binEnd) {
            bins.addLast(new RawBin(binCount, binSum, binSumSquares, binClipped));
            binCount = 0;
            binSum = 0;
            binSumSquares = 0;
            binClipped = 0;
            binIndex++;
            binEnd = binBoundary(binIndex + 1);
        }
    }

    /**
     * The first input sample of bin {@code bin}: bins are centred on multiples of 10 ms, so bin
     * 0 is the first 5 ms and bin {@code b} covers {@code [(b - 0.5) * 10, (b + 0.5) * 10)} ms,
     * the 10 ms that frame {@code b - 2} stands for. That is ceil((2 * bin - 1) * rate / 200).
     */
    private long binBoundary(long bin) {
        return ((2 * bin - 1) * inputRate + 2 * BINS_PER_SECOND - 1) / (2 * BINS_PER_SECOND);
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
            if (consumed >= n && (result.outputSamplesGenerated == 0
                    || result.outputSamplesGenerated < resampled.length)) {
                return;
            }
        }
    }
}
