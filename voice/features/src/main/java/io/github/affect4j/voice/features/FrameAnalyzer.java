package io.github.affect4j.voice.features;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.Arrays;

/**
 * Cuts 16 kHz audio into 32 ms frames every 10 ms and measures each (see {@link Frame}): energy,
 * zero crossings, pitch and periodicity with TarsosDSP's {@link FastYin} (threshold 0.2,
 * 65-600 Hz; frames crossing zero more than {@value #MAX_VOICED_ZCR} times per sample count as
 * unvoiced), and spectral measures and MFCCs from TarsosDSP's {@link FFT} of the Hann-windowed
 * frame.
 *
 * <p>Not thread-safe: {@code FastYin} reuses its result object and buffers, and the FFT works in
 * place. One per analysis or stream.
 */
final class FrameAnalyzer {

    static final int FRAME = 512;
    static final int HOP = 160;
    static final double PITCH_MIN_HZ = 65;
    static final double PITCH_MAX_HZ = 600;
    static final double MAX_VOICED_ZCR = 0.3;
    static final int MEL_BANDS = 26;
    static final int MFCC_COUNT = 13;
    static final double LOW_HZ = 50;
    static final double HIGH_HZ = 4000;

    private static final double BIN_HZ = SignalConditioner.ANALYSIS_RATE / (double) FRAME;
    private static final int LOW_BIN = (int) Math.ceil(LOW_HZ / BIN_HZ);
    private static final int HIGH_BIN = (int) Math.floor(HIGH_HZ / BIN_HZ);
    private static final int BIN_1K = (int) Math.round(1000 / BIN_HZ);
    private static final int BIN_2K = (int) Math.round(2000 / BIN_HZ);
    private static final int BIN_500 = (int) Math.round(500 / BIN_HZ);
    private static final int BIN_1500 = (int) Math.round(1500 / BIN_HZ);
    private static final double SILENCE_DB = -120;
    /**
     * Power floor for logarithms relative to the frame's mean bin power (-90 dB), so that
     * spectral zeros give the same dB values at every recording level.
     */
    private static final double RELATIVE_FLOOR = 1e-9;
    private static final double ABSOLUTE_FLOOR = 1e-20;

    /** Receives each measured frame. */
    interface Sink {
        void accept(Frame frame);
    }

    private final FastYin yin = new FastYin(SignalConditioner.ANALYSIS_RATE, FRAME, 0.2);
    private final FFT fft = new FFT(FRAME);
    private final float[] window = new HannWindow().generateCurve(FRAME);
    private final double[][] melWeights = melFilterbank();
    private final double[][] dct = dctMatrix();

    private final float[] frame = new float[FRAME];
    private final float[] pitchBuffer = new float[FRAME];
    private int filled;
    private final float[] spectrum = new float[FRAME];
    private final double[] power = new double[FRAME / 2 + 1];
    private final double[] shape = new double[HIGH_BIN + 1];
    private final double[] previousShape = new double[HIGH_BIN + 1];
    private final double[] melDb = new double[MEL_BANDS];
    private boolean hasPrevious;
    private long nextIndex;

    /** Appends analysis-rate samples, measuring every frame they complete. */
    void accept(float[] samples, int count, SignalConditioner.RawStatistics raw, Sink sink) {
        int done = 0;
        while (done < count) {
            int n = Math.min(FRAME - filled, count - done);
            System.arraycopy(samples, done, frame, filled, n);
            filled += n;
            done += n;
            if (filled == FRAME) {
                sink.accept(measure(raw));
                System.arraycopy(frame, HOP, frame, 0, FRAME - HOP);
                filled = FRAME - HOP;
            }
        }
    }

    /** Samples held for the next frame (less than one frame). */
    int bufferedSamples() {
        return filled;
    }

    private Frame measure(SignalConditioner.RawStatistics raw) {
        double sumSquares = 0;
        int crossings = 0;
        for (int i = 0; i < FRAME; i++) {
            sumSquares += frame[i] * (double) frame[i];
            if (i > 0 && (frame[i] >= 0) != (frame[i - 1] >= 0)) {
                crossings++;
            }
        }
        double energyDb = Math.max(SILENCE_DB, 10 * Math.log10(sumSquares / FRAME + 1e-12));
        double zcr = crossings / (double) (FRAME - 1);

        double pitch = Double.NaN;
        double periodicity = Double.NaN;
        if (zcr < MAX_VOICED_ZCR && energyDb > SILENCE_DB) {
            // FastYin may work on its input in place: give it a copy.
            System.arraycopy(frame, 0, pitchBuffer, 0, FRAME);
            PitchDetectionResult result = yin.getPitch(pitchBuffer);
            double hz = result.getPitch();
            if (result.isPitched() && hz >= PITCH_MIN_HZ && hz <= PITCH_MAX_HZ) {
                pitch = hz;
                periodicity = Math.max(0, Math.min(1, result.getProbability()));
            }
        }

        for (int i = 0; i < FRAME; i++) {
            spectrum[i] = frame[i] * window[i];
        }
        fft.forwardTransform(spectrum);
        power[0] = spectrum[0] * (double) spectrum[0];
        for (int k = 1; k < FRAME / 2; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            power[k] = re * re + im * im;
        }
        power[FRAME / 2] = spectrum[1] * (double) spectrum[1];

        double band = 0;
        double low = 0;
        double high = 0;
        double magnitudeSum = 0;
        double weighted = 0;
        double maxLow = 0;
        double maxHigh = 0;
        for (int k = LOW_BIN; k <= HIGH_BIN; k++) {
            double p = power[k];
            band += p;
            if (k < BIN_1K) {
                low += p;
            } else {
                high += p;
            }
            if (k < BIN_2K) {
                maxLow = Math.max(maxLow, p);
            } else {
                maxHigh = Math.max(maxHigh, p);
            }
            double magnitude = Math.sqrt(p);
            shape[k] = magnitude;
            magnitudeSum += magnitude;
            weighted += magnitude * k * BIN_HZ;
        }
        double floor = RELATIVE_FLOOR * band / (HIGH_BIN - LOW_BIN + 1) + ABSOLUTE_FLOOR;
        double loudnessDb = 10 * Math.log10(band + ABSOLUTE_FLOOR);
        double centroid = Double.NaN;
        double alpha = Double.NaN;
        double hammarberg = Double.NaN;
        double slopeLow = Double.NaN;
        double slopeMid = Double.NaN;
        double flux = 0;
        // Below this there is nothing but rounding noise to describe.
        boolean audible = energyDb > -110 && low > 0 && high > 0;
        if (audible) {
            centroid = weighted / magnitudeSum;
            alpha = 10 * Math.log10(high / low);
            hammarberg = 10 * Math.log10((maxLow + floor) / (maxHigh + floor));
            slopeLow = slope(0, BIN_500, floor);
            slopeMid = slope(BIN_500, BIN_1500, floor);
            for (int k = LOW_BIN; k <= HIGH_BIN; k++) {
                double s = shape[k] / magnitudeSum;
                if (hasPrevious && s > previousShape[k]) {
                    flux += s - previousShape[k];
                }
                previousShape[k] = s;
            }
        }
        hasPrevious = audible;

        for (int b = 0; b < MEL_BANDS; b++) {
            double e = 0;
            double[] w = melWeights[b];
            for (int k = 0; k < w.length; k++) {
                if (w[k] != 0) {
                    e += w[k] * power[k];
                }
            }
            melDb[b] = 10 * Math.log10(e + floor);
        }
        float[] mfcc = new float[MFCC_COUNT];
        for (int c = 0; c < MFCC_COUNT; c++) {
            double s = 0;
            for (int b = 0; b < MEL_BANDS; b++) {
                s += dct[c][b] * melDb[b];
            }
            mfcc[c] = (float) s;
        }
        return new Frame(nextIndex++, energyDb, loudnessDb, pitch, periodicity, zcr, centroid, flux,
                alpha, hammarberg, slopeLow, slopeMid, mfcc, raw);
    }

    /** Least-squares slope of 10 log10(power) against frequency in kHz over bins [from, to]. */
    private double slope(int from, int to, double floor) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = from; k <= to; k++) {
            double x = k * BIN_HZ / 1000;
            double y = 10 * Math.log10(power[k] + floor);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        double d = n * sxx - sx * sx;
        return d > 0 ? (n * sxy - sx * sy) / d : Double.NaN;
    }

    private static double[][] melFilterbank() {
        double melLow = mel(LOW_HZ);
        double melHigh = mel(HIGH_HZ);
        double[] edges = new double[MEL_BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(melLow + (melHigh - melLow) * i / (MEL_BANDS + 1));
        }
        double[][] weights = new double[MEL_BANDS][FRAME / 2 + 1];
        for (int b = 0; b < MEL_BANDS; b++) {
            double left = edges[b];
            double centre = edges[b + 1];
            double right = edges[b + 2];
            for (int k = 0; k <= FRAME / 2; k++) {
                double f = k * BIN_HZ;
                if (f > left && f < right) {
                    weights[b][k] = f <= centre ? (f - left) / (centre - left)
                            : (right - f) / (right - centre);
                }
            }
            // Bands narrower than a bin at the low end would be empty: give them their
            // nearest bin.
            if (Arrays.stream(weights[b]).sum() == 0) {
                weights[b][(int) Math.round(centre / BIN_HZ)] = 1;
            }
        }
        return weights;
    }

    private static double[][] dctMatrix() {
        double[][] m = new double[MFCC_COUNT][MEL_BANDS];
        for (int c = 0; c < MFCC_COUNT; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / MEL_BANDS);
            for (int b = 0; b < MEL_BANDS; b++) {
                m[c][b] = scale * Math.cos(Math.PI * c * (b + 0.5) / MEL_BANDS);
            }
        }
        return m;
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
