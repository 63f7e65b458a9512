package io.github.affect4j.heuristics.voice;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * Cuts 16 kHz audio into 40 ms frames every 10 ms and measures each: energy, zero-crossing rate,
 * pitch with TarsosDSP's {@link Yin} (threshold 0.2, searched between the configured limits;
 * frames crossing zero more than {@value #MAX_VOICED_ZCR} times per sample count as unvoiced),
 * and spectral centroid, tilt and flux from TarsosDSP's {@link FFT} of the Hann-windowed frame.
 *
 * <p>Spectral measures use only 80-3400 Hz, the telephone band, which every supported input rate
 * carries (8 kHz audio holds little above 3.6 kHz once anti-alias filtered), so that the same
 * speech gives the same measures whatever its sample rate.
 *
 * <p>Not thread-safe: {@code Yin} reuses its result object and its difference buffer, and the
 * FFT works in place. One instance per analysis or stream.
 */
final class FrameAnalyzer {

    static final int FRAME = 640;
    static final int HOP = 160;
    /** Zero-padded to 15.6 Hz bins; below 8192 points TarsosDSP's FFT starts no threads. */
    static final int FFT_SIZE = 1024;

    private static final double BIN_HZ = SignalConditioner.ANALYSIS_RATE / (double) FFT_SIZE;
    private static final int SPECTRUM_LOW = bin(80);
    private static final int SPLIT = bin(1000);
    private static final int SPECTRUM_HIGH = bin(3400);
    private static final int VOWEL_LOW = bin(300);
    private static final int VOWEL_HIGH = bin(2500);
    private static final double SILENCE_DB = -120;
    /**
     * Voiced frames of speech cross zero less than 0.25 times per sample at 16 kHz even for high
     * voices; fricatives and breath noise cross more often.
     */
    static final double MAX_VOICED_ZCR = 0.3;
    /** Energy is measured over the central 20 ms of the frame. */
    private static final int ENERGY_FROM = (FRAME - 2 * HOP) / 2;
    private static final int ENERGY_TO = ENERGY_FROM + 2 * HOP;

    /** Receives each measured frame. */
    interface Sink {
        void accept(Frame frame);
    }

    /** Supplies the raw-input statistics for each frame, in frame order. */
    interface RawSource {
        SignalConditioner.RawBin next();
    }

    private final Yin yin;
    private final FFT fft;
    private final float[] window;
    private final double pitchMinHz;
    private final double pitchMaxHz;

    private final float[] frame = new float[FRAME];
    private int filled;
    private final float[] spectrum = new float[FFT_SIZE];
    private final double[] magnitudes = new double[SPECTRUM_HIGH + 1];
    private final double[] previousShape = new double[SPECTRUM_HIGH + 1];
    private boolean hasPrevious;
    private long nextIndex;

    FrameAnalyzer(double pitchMinHz, double pitchMaxHz) {
        this.yin = new Yin(SignalConditioner.ANALYSIS_RATE, FRAME);
        this.fft = new FFT(FFT_SIZE);
        this.window = new HannWindow().generateCurve(FRAME);
        this.pitchMinHz = pitchMinHz;
        this.pitchMaxHz = pitchMaxHz;
    }

    /** Appends analysis-rate samples, measuring every frame they complete. */
    void accept(float[] samples, int count, RawSource raw, Sink sink) {
        int done = 0;
        while (done < count) {
            int n = Math.min(FRAME - filled, count - done);
            System.arraycopy(samples, done, frame, filled, n);
            filled += n;
            done += n;
            if (filled == FRAME) {
                sink.accept(measure(raw.next()));
                System.arraycopy(frame, HOP, frame, 0, FRAME - HOP);
                filled = FRAME - HOP;
            }
        }
    }

    /** Samples held for the next frame (at most one frame). */
    int bufferedSamples() {
        return filled;
    }

    /** Frames measured so far. */
    long frameCount() {
        return nextIndex;
    }

    private Frame measure(SignalConditioner.RawBin raw) {
        double sumSquares = 0;
        int crossings = 0;
        for (int i = 0; i < FRAME; i++) {
            if (i >= ENERGY_FROM && i < ENERGY_TO) {
                sumSquares += frame[i] * (double) frame[i];
            }
            if (i > 0 && (frame[i] >= 0) != (frame[i - 1] >= 0)) {
                crossings++;
            }
        }
        double energyDb = Math.max(SILENCE_DB,
                10 * Math.log10(sumSquares / (ENERGY_TO - ENERGY_FROM) + 1e-12));
        double zeroCrossingRate = crossings / (double) (FRAME - 1);
        // A period YIN finds in a noise-like frame (a fricative) is not voicing.
        double pitch = zeroCrossingRate < MAX_VOICED_ZCR ? pitch() : Double.NaN;

        java.util.Arrays.fill(spectrum, FRAME, FFT_SIZE, 0f);
        for (int i = 0; i < FRAME; i++) {
            spectrum[i] = frame[i] * window[i];
        }
        fft.forwardTransform(spectrum);
        double low = 0;
        double high = 0;
        double vowel = 0;
        double magnitudeSum = 0;
        double weighted = 0;
        for (int k = SPECTRUM_LOW; k <= SPECTRUM_HIGH; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            double power = re * re + im * im;
            double magnitude = Math.sqrt(power);
            magnitudes[k] = magnitude;
            magnitudeSum += magnitude;
            weighted += magnitude * k * BIN_HZ;
            if (k < SPLIT) {
                low += power;
            } else {
                high += power;
            }
            if (k >= VOWEL_LOW && k <= VOWEL_HIGH) {
                vowel += power;
            }
        }
        double centroid = Double.NaN;
        double tilt = Double.NaN;
        double flux = 0;
        // Below about -110 dB there is nothing but rounding noise to describe.
        if (magnitudeSum > 1e-9 && low > 0 && high > 0) {
            centroid = weighted / magnitudeSum;
            tilt = 10 * Math.log10(high / low);
            for (int k = SPECTRUM_LOW; k <= SPECTRUM_HIGH; k++) {
                double shape = magnitudes[k] / magnitudeSum;
                if (hasPrevious && shape > previousShape[k]) {
                    flux += shape - previousShape[k];
                }
                previousShape[k] = shape;
            }
            hasPrevious = true;
        } else {
            hasPrevious = false;
        }
        double bandDb = Math.max(SILENCE_DB, 10 * Math.log10(vowel + 1e-12));
        return new Frame(nextIndex++, energyDb, bandDb, zeroCrossingRate, pitch, centroid, tilt,
                flux, raw);
    }

    private double pitch() {
        // Yin returns its own reused result object: read it before the next call.
        PitchDetectionResult result = yin.getPitch(frame);
        double hz = result.getPitch();
        if (!result.isPitched() || !(hz >= pitchMinHz && hz <= pitchMaxHz)) {
            return Double.NaN;
        }
        return hz;
    }

    private static int bin(double hz) {
        return (int) Math.round(hz / BIN_HZ);
    }
}
