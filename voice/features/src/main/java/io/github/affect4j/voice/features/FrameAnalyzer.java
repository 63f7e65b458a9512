package io.github.affect4j.voice.features;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts 16 kHz audio into frames every 10 ms and measures each as its {@link FrameSpec} says (see
 * {@link Frame}): energy, zero crossings, pitch and periodicity with TarsosDSP's {@link Yin} or
 * {@link FastYin} (threshold 0.2; frames crossing zero more than {@value #MAX_VOICED_ZCR} times
 * per sample count as unvoiced), and spectral measures and MFCCs from TarsosDSP's {@link FFT} of
 * the Hann-windowed, zero-padded frame.
 *
 * <p>Not thread-safe: the pitch trackers reuse their result object and buffers, and the FFT works
 * in place. One per analysis or stream.
 */
public final class FrameAnalyzer {

    /**
     * Voiced frames of speech cross zero less than 0.25 times per sample at 16 kHz even for high
     * voices; fricatives and breath noise cross more often.
     */
    public static final double MAX_VOICED_ZCR = 0.3;
    /** Mel bands under the MFCCs. */
    public static final int MEL_BANDS = 26;
    /** MFCCs per frame, c0 to c12. */
    public static final int MFCC_COUNT = 13;
    /** Formant-region bands of {@link Frame#bandLevelsDb()}: 300-800, 800-1500, 1500-2500, 2500-3500 Hz. */
    public static final int BANDS = 4;
    /** The fraction of the band power below {@link Frame#rolloffHz()}. */
    public static final double ROLLOFF = 0.85;
    private static final double[] BAND_EDGES_HZ = {300, 800, 1500, 2500, 3500};

    private static final double SILENCE_DB = -120;
    /**
     * Power floor for logarithms relative to the frame's mean bin power (-90 dB), so that
     * spectral zeros give the same dB values at every recording level.
     */
    private static final double RELATIVE_FLOOR = 1e-9;
    private static final double ABSOLUTE_FLOOR = 1e-20;

    /** Receives each measured frame. */
    public interface Sink {
        /** @param frame the next frame, in order */
        void accept(Frame frame);
    }

    private final FrameSpec spec;
    private final int frameLength;
    private final int fftSize;
    private final double binHz;
    private final int lowBin;
    private final int highBin;
    private final int loudLowBin;
    private final int loudHighBin;
    private final int bin1k;
    private final int bin2k;
    private final int bin500;
    private final int bin1500;
    private final int energyFrom;
    private final int energyTo;
    /** For each bin of the spectral band: its formant-region band, or -1. */
    private final int[] bandOf;

    private final PitchDetector pitchDetector;
    private final FFT fft;
    private final float[] window;
    private final double[][] melWeights;
    private final double[][] dct = dctMatrix();

    private final float[] frame;
    private final float[] pitchBuffer;
    private int filled;
    private final float[] spectrum;
    private final double[] power;
    private final double[] shape;
    private final double[] previousShape;
    private final double[] melDb = new double[MEL_BANDS];
    private boolean hasPrevious;
    private long nextIndex;

    /**
     * An analyser of one clip or stream.
     *
     * @param spec how to cut and measure the frames
     */
    public FrameAnalyzer(FrameSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.frameLength = spec.frameLength();
        this.fftSize = spec.fftSize();
        this.binHz = SignalConditioner.ANALYSIS_RATE / (double) fftSize;
        this.lowBin = (int) Math.ceil(spec.spectrumLowHz() / binHz);
        this.highBin = (int) Math.floor(spec.spectrumHighHz() / binHz);
        this.loudLowBin = (int) Math.ceil(spec.loudnessLowHz() / binHz);
        this.loudHighBin = (int) Math.floor(spec.loudnessHighHz() / binHz);
        this.bin1k = (int) Math.round(1000 / binHz);
        this.bin2k = (int) Math.round(2000 / binHz);
        this.bin500 = (int) Math.round(500 / binHz);
        this.bin1500 = (int) Math.round(1500 / binHz);
        this.energyFrom = (frameLength - spec.energyLength()) / 2;
        this.energyTo = energyFrom + spec.energyLength();
        this.bandOf = new int[highBin + 1];
        for (int k = 0; k <= highBin; k++) {
            bandOf[k] = -1;
            for (int b = 0; b < BANDS; b++) {
                double hz = k * binHz;
                if (hz >= BAND_EDGES_HZ[b] && hz < BAND_EDGES_HZ[b + 1]) {
                    bandOf[k] = b;
                }
            }
        }
        this.pitchDetector = spec.pitchAlgorithm() == FrameSpec.PitchAlgorithm.YIN
                ? new Yin(SignalConditioner.ANALYSIS_RATE, frameLength)
                : new FastYin(SignalConditioner.ANALYSIS_RATE, frameLength, 0.2);
        this.fft = new FFT(fftSize);
        this.window = new HannWindow().generateCurve(frameLength);
        this.melWeights = melFilterbank();
        this.frame = new float[frameLength];
        this.pitchBuffer = new float[frameLength];
        this.spectrum = new float[fftSize];
        this.power = new double[fftSize / 2 + 1];
        this.shape = new double[highBin + 1];
        this.previousShape = new double[highBin + 1];
    }

    /** @return the specification the frames are measured by */
    public FrameSpec spec() {
        return spec;
    }

    /**
     * Appends analysis-rate samples, measuring every frame they complete.
     *
     * @param samples conditioned 16 kHz samples
     * @param count how many of {@code samples}, from index 0, are new
     * @param raw the raw-input statistics to attach to the frames completed now
     * @param sink receives the frames
     */
    public void accept(float[] samples, int count, RawStatistics raw, Sink sink) {
        int done = 0;
        while (done < count) {
            int n = Math.min(frameLength - filled, count - done);
            System.arraycopy(samples, done, frame, filled, n);
            filled += n;
            done += n;
            if (filled == frameLength) {
                sink.accept(measure(raw));
                System.arraycopy(frame, FrameSpec.HOP, frame, 0, frameLength - FrameSpec.HOP);
                filled = frameLength - FrameSpec.HOP;
            }
        }
    }

    /** @return samples held for the next frame (less than one frame) */
    public int bufferedSamples() {
        return filled;
    }

    private Frame measure(RawStatistics raw) {
        double sumSquares = 0;
        int crossings = 0;
        for (int i = 0; i < frameLength; i++) {
            if (i >= energyFrom && i < energyTo) {
                sumSquares += frame[i] * (double) frame[i];
            }
            if (i > 0 && (frame[i] >= 0) != (frame[i - 1] >= 0)) {
                crossings++;
            }
        }
        double energyDb = Math.max(SILENCE_DB,
                10 * Math.log10(sumSquares / (energyTo - energyFrom) + 1e-12));
        double zcr = crossings / (double) (frameLength - 1);

        double pitch = Double.NaN;
        double periodicity = Double.NaN;
        // A period found in a noise-like frame (a fricative) is not voicing.
        if (zcr < MAX_VOICED_ZCR && energyDb > SILENCE_DB) {
            // FastYin may work on its input in place: give it a copy. Both trackers return a
            // reused result object: read it before the next call.
            System.arraycopy(frame, 0, pitchBuffer, 0, frameLength);
            PitchDetectionResult result = pitchDetector.getPitch(pitchBuffer);
            double hz = result.getPitch();
            if (result.isPitched() && hz >= spec.pitchMinHz() && hz <= spec.pitchMaxHz()) {
                pitch = hz;
                periodicity = Math.max(0, Math.min(1, result.getProbability()));
            }
        }

        for (int i = 0; i < frameLength; i++) {
            spectrum[i] = frame[i] * window[i];
        }
        Arrays.fill(spectrum, frameLength, fftSize, 0f);
        fft.forwardTransform(spectrum);
        power[0] = spectrum[0] * (double) spectrum[0];
        for (int k = 1; k < fftSize / 2; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            power[k] = re * re + im * im;
        }
        power[fftSize / 2] = spectrum[1] * (double) spectrum[1];

        double band = 0;
        double loud = 0;
        double low = 0;
        double high = 0;
        double magnitudeSum = 0;
        double weighted = 0;
        double maxLow = 0;
        double maxHigh = 0;
        double[] bandPower = new double[BANDS];
        for (int k = lowBin; k <= highBin; k++) {
            double p = power[k];
            band += p;
            if (bandOf[k] >= 0) {
                bandPower[bandOf[k]] += p;
            }
            if (k >= loudLowBin && k <= loudHighBin) {
                loud += p;
            }
            if (k < bin1k) {
                low += p;
            } else {
                high += p;
            }
            if (k < bin2k) {
                maxLow = Math.max(maxLow, p);
            } else {
                maxHigh = Math.max(maxHigh, p);
            }
            double magnitude = Math.sqrt(p);
            shape[k] = magnitude;
            magnitudeSum += magnitude;
            weighted += magnitude * k * binHz;
        }
        double floor = RELATIVE_FLOOR * band / (highBin - lowBin + 1) + ABSOLUTE_FLOOR;
        double loudnessDb = 10 * Math.log10(loud + ABSOLUTE_FLOOR);
        double centroid = Double.NaN;
        double alpha = Double.NaN;
        double hammarberg = Double.NaN;
        double slopeLow = Double.NaN;
        double slopeMid = Double.NaN;
        double flux = 0;
        float[] bandLevels = new float[BANDS];
        Arrays.fill(bandLevels, Float.NaN);
        double flatness = Double.NaN;
        double rolloff = Double.NaN;
        double h1h2 = Double.NaN;
        // Below this there is nothing but rounding noise to describe.
        boolean audible = energyDb > -110 && low > 0 && high > 0;
        if (audible) {
            centroid = weighted / magnitudeSum;
            alpha = 10 * Math.log10(high / low);
            hammarberg = 10 * Math.log10((maxLow + floor) / (maxHigh + floor));
            slopeLow = slope(0, bin500, floor);
            slopeMid = slope(bin500, bin1500, floor);
            // Every ratio below has the same gain above and below the line: level-free.
            for (int b = 0; b < BANDS; b++) {
                bandLevels[b] = (float) (10 * Math.log10((bandPower[b] + floor) / (band + floor)));
            }
            double logSum = 0;
            double cumulative = 0;
            rolloff = highBin * binHz;
            boolean rolledOff = false;
            for (int k = lowBin; k <= highBin; k++) {
                logSum += Math.log(power[k] + floor);
                cumulative += power[k];
                if (!rolledOff && cumulative >= ROLLOFF * band) {
                    rolloff = k * binHz;
                    rolledOff = true;
                }
            }
            int bins = highBin - lowBin + 1;
            flatness = 10 * Math.log10(Math.exp(logSum / bins) / (band / bins + floor));
            if (!Double.isNaN(pitch)) {
                h1h2 = 10 * Math.log10((peakNear(pitch) + floor) / (peakNear(2 * pitch) + floor));
            }
            for (int k = lowBin; k <= highBin; k++) {
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
        return new Frame(nextIndex++, spec, energyDb, loudnessDb, pitch, periodicity, zcr,
                centroid, flux, alpha, hammarberg, slopeLow, slopeMid, mfcc, bandLevels,
                flatness, rolloff, h1h2, raw);
    }

    /** The strongest bin power within one bin of a frequency. */
    private double peakNear(double hz) {
        int centre = (int) Math.round(hz / binHz);
        double peak = 0;
        for (int k = Math.max(0, centre - 1); k <= Math.min(fftSize / 2, centre + 1); k++) {
            peak = Math.max(peak, power[k]);
        }
        return peak;
    }

    /** Least-squares slope of 10 log10(power) against frequency in kHz over bins [from, to]. */
    private double slope(int from, int to, double floor) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = from; k <= to; k++) {
            double x = k * binHz / 1000;
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

    private double[][] melFilterbank() {
        double melLow = mel(spec.spectrumLowHz());
        double melHigh = mel(spec.spectrumHighHz());
        double[] edges = new double[MEL_BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(melLow + (melHigh - melLow) * i / (MEL_BANDS + 1));
        }
        double[][] weights = new double[MEL_BANDS][fftSize / 2 + 1];
        for (int b = 0; b < MEL_BANDS; b++) {
            double left = edges[b];
            double centre = edges[b + 1];
            double right = edges[b + 2];
            for (int k = 0; k <= fftSize / 2; k++) {
                double f = k * binHz;
                if (f > left && f < right) {
                    weights[b][k] = f <= centre ? (f - left) / (centre - left)
                            : (right - f) / (right - centre);
                }
            }
            // Bands narrower than a bin at the low end would be empty: give them their
            // nearest bin.
            if (Arrays.stream(weights[b]).sum() == 0) {
                weights[b][(int) Math.round(centre / binHz)] = 1;
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
