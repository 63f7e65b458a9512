package io.github.affect4j.voice.features;

import io.github.affect4j.Prosody;
import java.util.Arrays;
import java.util.List;

/**
 * Statistics over the frames of speech spans: the {@link FeatureSet#V2} vector and the
 * {@link Prosody} summary, and the contour tools they are built from (pitch cleaning, the energy
 * envelope, syllable nuclei, percentiles), public for the prosody rules of
 * {@code affect4j-heuristics}. Stateless.
 */
public final class Functionals {

    /** The pitch reference of the {@link FeatureSet} semitones, in Hz (A0). */
    public static final double REFERENCE_HZ = 27.5;
    private static final int MIN_RUN = 3;
    private static final int PEAK_HALF_WIDTH = 5;
    private static final int SMOOTH_HALF_WIDTH = 2;
    private static final double PEAK_DIP_DB = 2;
    private static final int MFCC = FrameAnalyzer.MFCC_COUNT;

    private Functionals() {
    }

    /**
     * The measurements of some spans.
     *
     * @param values the feature vector, {@link FeatureSet#current()} order
     * @param prosody the prosody summary
     * @param speechSeconds seconds of speech frames
     * @param levelDb mean power of the speech frames in dBFS
     */
    record Measurement(double[] values, Prosody prosody, double speechSeconds, double levelDb) {
    }

    static Measurement of(List<SpeechSpan> spans) {
        Accumulator pitch = new Accumulator();
        Accumulator hnr = new Accumulator();
        Accumulator loud = new Accumulator();
        Accumulator alpha = new Accumulator();
        Accumulator hammarberg = new Accumulator();
        Accumulator slopeLow = new Accumulator();
        Accumulator slopeMid = new Accumulator();
        Accumulator centroid = new Accumulator();
        Accumulator flux = new Accumulator();
        Accumulator zcr = new Accumulator();
        Accumulator f0Rise = new Accumulator();
        Accumulator f0Fall = new Accumulator();
        Accumulator loudRise = new Accumulator();
        Accumulator loudFall = new Accumulator();
        Accumulator jitter = new Accumulator();
        Accumulator shimmer = new Accumulator();
        Accumulator voicedRuns = new Accumulator();
        Accumulator unvoicedRuns = new Accumulator();
        Accumulator[] mfcc = accumulators(MFCC);
        Accumulator[] delta = accumulators(MFCC);
        // Version 2: spectral shape over voiced frames only (vowels, not fricatives and pauses).
        Accumulator[] voicedMfcc = accumulators(MFCC);
        Accumulator[] bands = accumulators(FrameAnalyzer.BANDS);
        Accumulator flatness = new Accumulator();
        Accumulator rolloff = new Accumulator();
        Accumulator voicedCentroid = new Accumulator();
        Accumulator h1h2 = new Accumulator();
        Accumulator voicedLoud = new Accumulator();
        // F0 against time over all voiced frames: sums of a least-squares line.
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double power = 0;
        int activeFrames = 0;
        int spanFrames = 0;
        int peaks = 0;

        for (SpeechSpan span : spans) {
            List<Frame> frames = span.frames();
            boolean[] active = span.active();
            int n = frames.size();
            spanFrames += n;
            double[] st = cleanPitch(frames, active, REFERENCE_HZ);
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                Frame f = frames.get(i);
                activeFrames++;
                power += Math.pow(10, f.energyDb() / 10);
                loud.add(f.loudnessDb());
                centroid.add(f.centroidHz());
                zcr.add(f.zeroCrossingRate());
                if (i > 0 && active[i - 1]) {
                    flux.add(f.flux());
                }
                for (int c = 0; c < MFCC; c++) {
                    mfcc[c].add(f.mfcc()[c]);
                }
                if (i > 0 && i < n - 1 && active[i - 1] && active[i + 1]) {
                    for (int c = 0; c < MFCC; c++) {
                        delta[c].add((frames.get(i + 1).mfcc()[c] - frames.get(i - 1).mfcc()[c]) / 2);
                    }
                }
                if (!Double.isNaN(st[i])) {
                    pitch.add(st[i]);
                    double p = Math.min(1 - 1e-3, Math.max(1e-3, f.periodicity()));
                    hnr.add(Math.max(-10, Math.min(30, 10 * Math.log10(p / (1 - p)))));
                    alpha.add(f.alphaRatioDb());
                    hammarberg.add(f.hammarbergDb());
                    slopeLow.add(f.slopeLowDbPerKHz());
                    slopeMid.add(f.slopeMidDbPerKHz());
                    for (int c = 1; c < MFCC; c++) {
                        voicedMfcc[c].add(f.mfcc()[c]);
                    }
                    for (int b = 0; b < FrameAnalyzer.BANDS; b++) {
                        bands[b].add(f.bandLevelsDb()[b]);
                    }
                    flatness.add(f.flatnessDb());
                    rolloff.add(f.rolloffHz());
                    voicedCentroid.add(f.centroidHz());
                    h1h2.add(f.h1h2Db());
                    voicedLoud.add(f.loudnessDb());
                    double t = f.index() * FrameSpec.HOP_SECONDS;
                    sx += t;
                    sy += st[i];
                    sxx += t * t;
                    sxy += t * st[i];
                    if (i > 0 && !Double.isNaN(st[i - 1])) {
                        double hz = hz(st[i]);
                        jitter.add(Math.abs(hz - hz(st[i - 1])) / hz);
                        shimmer.add(Math.abs(f.energyDb() - frames.get(i - 1).energyDb()));
                    }
                }
            }
            runs(st, active, voicedRuns, unvoicedRuns);
            monotonicSlopes(st, f0Rise, f0Fall);
            double[] envelope = envelope(frames);
            double[] activeEnvelope = new double[n];
            for (int i = 0; i < n; i++) {
                activeEnvelope[i] = active[i] ? envelope[i] : Double.NaN;
            }
            monotonicSlopes(activeEnvelope, loudRise, loudFall);
            peaks += syllablePeaks(envelope, active, st);
        }

        double speechSeconds = activeFrames * FrameSpec.HOP_SECONDS;
        double[] sortedPitch = pitch.sorted();
        double[] sortedLoud = loud.sorted();
        double speakingRate = speechSeconds >= 0.2 ? peaks / speechSeconds : Double.NaN;
        FeatureVector v = new FeatureVector(FeatureSet.current());
        v.put("f0.mean", pitch.mean());
        v.put("f0.stddev", pitch.stddev());
        v.put("f0.p20", percentile(sortedPitch, 0.2));
        v.put("f0.p50", percentile(sortedPitch, 0.5));
        v.put("f0.p80", percentile(sortedPitch, 0.8));
        v.put("f0.range", percentile(sortedPitch, 0.8) - percentile(sortedPitch, 0.2));
        v.put("f0.rising.slope", f0Rise.meanOr(0));
        v.put("f0.falling.slope", f0Fall.meanOr(0));
        v.put("f0.jitterLike", jitter.mean());
        v.put("voicing.ratio", activeFrames > 0 ? pitch.count() / (double) activeFrames
                : Double.NaN);
        v.put("voicing.runsPerSecond", speechSeconds > 0 ? voicedRuns.count() / speechSeconds
                : Double.NaN);
        v.put("voicing.runSeconds", voicedRuns.mean());
        v.put("voicing.unvoicedRunSeconds", unvoicedRuns.meanOr(0));
        v.put("hnr.mean", hnr.mean());
        v.put("hnr.stddev", hnr.stddev());
        v.put("shimmerLike", shimmer.mean());
        v.put("loudness.stddev", loud.stddev());
        v.put("loudness.range", percentile(sortedLoud, 0.8) - percentile(sortedLoud, 0.2));
        v.put("loudness.peakToMedian", percentile(sortedLoud, 0.95) - percentile(sortedLoud, 0.5));
        v.put("loudness.rising.slope", loudRise.meanOr(0));
        v.put("loudness.falling.slope", loudFall.meanOr(0));
        v.put("rhythm.speakingRate", speakingRate);
        v.put("rhythm.pauseRatio", spanFrames > 0 ? 1 - activeFrames / (double) spanFrames
                : Double.NaN);
        v.put("spectrum.alphaRatio.mean", alpha.mean());
        v.put("spectrum.alphaRatio.stddev", alpha.stddev());
        v.put("spectrum.hammarberg.mean", hammarberg.mean());
        v.put("spectrum.slope0to500.mean", slopeLow.mean());
        v.put("spectrum.slope500to1500.mean", slopeMid.mean());
        v.put("spectrum.centroid.mean", centroid.mean());
        v.put("spectrum.centroid.stddev", centroid.stddev());
        v.put("spectrum.flux.mean", flux.mean());
        v.put("spectrum.flux.stddev", flux.stddev());
        v.put("zcr.mean", zcr.mean());
        for (int c = 1; c < MFCC; c++) {
            v.put("mfcc" + c + ".mean", mfcc[c].mean());
        }
        for (int c = 0; c < MFCC; c++) {
            v.put("mfcc" + c + ".stddev", mfcc[c].stddev());
        }
        for (int c = 0; c < MFCC; c++) {
            v.put("mfcc" + c + ".delta.stddev", delta[c].stddev());
        }
        // Version 2.
        v.put("f0.p10", percentile(sortedPitch, 0.1));
        v.put("f0.p90", percentile(sortedPitch, 0.9));
        int voiced = pitch.count();
        double d = voiced * sxx - sx * sx;
        v.put("f0.contour.slope", voiced >= 2 && d > 0 ? (voiced * sxy - sx * sy) / d
                : Double.NaN);
        v.put("loudness.voicedToMedian", voicedLoud.mean() - percentile(sortedLoud, 0.5));
        for (int b = 0; b < FrameAnalyzer.BANDS; b++) {
            v.put(FeatureSet.BAND_NAMES.get(b), bands[b].mean());
        }
        v.put("spectrum.flatness.mean", flatness.mean());
        v.put("spectrum.rolloff.mean", rolloff.mean());
        v.put("spectrum.centroid.voiced.mean", voicedCentroid.mean());
        v.put("spectrum.h1h2.mean", h1h2.mean());
        for (int c = 1; c < MFCC; c++) {
            v.put("mfcc" + c + ".voiced.mean", voicedMfcc[c].mean());
            v.put("mfcc" + c + ".voiced.stddev", voicedMfcc[c].stddev());
        }

        Prosody prosody = new Prosody(
                sortedPitch.length > 0 ? hz(percentile(sortedPitch, 0.5)) : Double.NaN,
                sortedPitch.length >= 10
                        ? percentile(sortedPitch, 0.9) - percentile(sortedPitch, 0.1) : Double.NaN,
                activeFrames > 0 ? pitch.count() / (double) activeFrames : Double.NaN,
                sortedLoud.length >= 10
                        ? percentile(sortedLoud, 0.9) - percentile(sortedLoud, 0.1) : Double.NaN,
                speakingRate,
                centroid.mean());
        double levelDb = activeFrames > 0 ? 10 * Math.log10(power / activeFrames + 1e-12)
                : Double.NaN;
        return new Measurement(v.values(), prosody, speechSeconds, levelDb);
    }

    /**
     * Pitch of each frame in semitones after cleaning, NaN where none: voiced runs shorter than
     * 30 ms are dropped, values an octave from their run's median folded back (YIN's typical
     * octave errors), other values more than 7 semitones away dropped, and each run
     * median-filtered over three frames.
     *
     * @param frames the frames of a span
     * @param active which of them are speech; others get NaN
     * @param referenceHz the frequency of 0 semitones
     * @return one value per frame
     */
    public static double[] cleanPitch(List<Frame> frames, boolean[] active, double referenceHz) {
        int n = frames.size();
        double[] st = new double[n];
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            st[i] = active[i] && f.voiced() ? 12 * log2(f.pitchHz() / referenceHz) : Double.NaN;
        }
        int i = 0;
        while (i < n) {
            if (Double.isNaN(st[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Double.isNaN(st[end])) {
                end++;
            }
            cleanRun(st, i, end);
            i = end;
        }
        return st;
    }

    private static void cleanRun(double[] st, int from, int to) {
        if (to - from < MIN_RUN) {
            Arrays.fill(st, from, to, Double.NaN);
            return;
        }
        double[] run = Arrays.copyOfRange(st, from, to);
        Arrays.sort(run);
        double median = percentile(run, 0.5);
        for (int i = from; i < to; i++) {
            double d = st[i] - median;
            if (Math.abs(d - 12) < 3) {
                st[i] -= 12;
            } else if (Math.abs(d + 12) < 3) {
                st[i] += 12;
            } else if (Math.abs(d) > 7) {
                st[i] = Double.NaN;
            }
        }
        double[] smoothed = st.clone();
        for (int i = from + 1; i < to - 1; i++) {
            if (!Double.isNaN(st[i - 1]) && !Double.isNaN(st[i]) && !Double.isNaN(st[i + 1])) {
                smoothed[i] = median3(st[i - 1], st[i], st[i + 1]);
            }
        }
        System.arraycopy(smoothed, from, st, from, to - from);
    }

    /** Lengths in seconds of voiced runs and of the unvoiced active stretches between them. */
    private static void runs(double[] st, boolean[] active, Accumulator voiced,
                             Accumulator unvoiced) {
        int i = 0;
        boolean seenVoiced = false;
        while (i < st.length) {
            boolean isVoiced = !Double.isNaN(st[i]);
            int end = i;
            int activeCount = 0;
            while (end < st.length && !Double.isNaN(st[end]) == isVoiced) {
                if (active[end]) {
                    activeCount++;
                }
                end++;
            }
            if (isVoiced) {
                voiced.add((end - i) * FrameSpec.HOP_SECONDS);
                seenVoiced = true;
            } else if (seenVoiced && end < st.length && activeCount > 0) {
                unvoiced.add(activeCount * FrameSpec.HOP_SECONDS);
            }
            i = end;
        }
    }

    /**
     * Slopes (per second) of the monotonic rising and falling parts of a contour, NaN-separated
     * runs treated apart; parts of a single step are included.
     */
    private static void monotonicSlopes(double[] y, Accumulator rising, Accumulator falling) {
        int i = 0;
        while (i < y.length) {
            if (Double.isNaN(y[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < y.length && !Double.isNaN(y[end])) {
                end++;
            }
            int start = i;
            int direction = 0;
            for (int j = i + 1; j < end; j++) {
                int d = Double.compare(y[j], y[j - 1]);
                if (d != 0 && direction != 0 && d != direction) {
                    addPart(y, start, j - 1, rising, falling);
                    start = j - 1;
                }
                if (d != 0) {
                    direction = d;
                }
            }
            if (end - 1 > start) {
                addPart(y, start, end - 1, rising, falling);
            }
            i = end;
        }
    }

    private static void addPart(double[] y, int from, int to, Accumulator rising,
                                Accumulator falling) {
        double slope = (y[to] - y[from]) / ((to - from) * FrameSpec.HOP_SECONDS);
        if (slope > 0) {
            rising.add(slope);
        } else if (slope < 0) {
            falling.add(-slope);
        }
    }

    /**
     * The energy envelope: {@link Frame#loudnessDb()} smoothed over 50 ms.
     *
     * @param frames the frames of a span
     * @return one value per frame, dB
     */
    public static double[] envelope(List<Frame> frames) {
        int n = frames.size();
        double[] envelope = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int c = 0;
            for (int j = Math.max(0, i - SMOOTH_HALF_WIDTH);
                 j <= Math.min(n - 1, i + SMOOTH_HALF_WIDTH); j++) {
                s += frames.get(j).loudnessDb();
                c++;
            }
            envelope[i] = s / c;
        }
        return envelope;
    }

    /**
     * Syllable nuclei: peaks of the smoothed energy that are local maxima over +-50 ms, above the
     * span's median, near a voiced frame, and separated from the previous peak by a dip of at
     * least 2 dB (after de Jong and Wempe, 2009).
     *
     * @param envelope the span's {@link #envelope}
     * @param active which frames are speech
     * @param st the cleaned pitch ({@link #cleanPitch}), NaN where unvoiced
     * @return the number of nuclei
     */
    public static int syllablePeaks(double[] envelope, boolean[] active, double[] st) {
        int n = envelope.length;
        Accumulator levels = new Accumulator();
        for (int i = 0; i < n; i++) {
            if (active[i]) {
                levels.add(envelope[i]);
            }
        }
        if (levels.count() == 0) {
            return 0;
        }
        double threshold = percentile(levels.sorted(), 0.5);
        int peaks = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (!active[i] || envelope[i] < threshold || !isLocalMaximum(envelope, i)
                    || !voicedNear(st, i)) {
                continue;
            }
            if (previous < 0) {
                previous = i;
                peaks++;
                continue;
            }
            double dip = Double.POSITIVE_INFINITY;
            for (int j = previous; j <= i; j++) {
                dip = Math.min(dip, envelope[j]);
            }
            if (dip <= Math.min(envelope[previous], envelope[i]) - PEAK_DIP_DB) {
                previous = i;
                peaks++;
            } else if (envelope[i] > envelope[previous]) {
                previous = i; // the same syllable: keep its higher peak
            }
        }
        return peaks;
    }

    private static boolean isLocalMaximum(double[] envelope, int i) {
        for (int j = Math.max(0, i - PEAK_HALF_WIDTH);
             j <= Math.min(envelope.length - 1, i + PEAK_HALF_WIDTH); j++) {
            // Ties go to the earliest frame so a plateau gives one peak.
            if (envelope[j] > envelope[i] || (j < i && envelope[j] == envelope[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean voicedNear(double[] st, int i) {
        for (int j = Math.max(0, i - 3); j <= Math.min(st.length - 1, i + 3); j++) {
            if (!Double.isNaN(st[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A percentile with linear interpolation between order statistics.
     *
     * @param sorted values in ascending order
     * @param q the quantile, in [0, 1]
     * @return the percentile, NaN without values
     */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double hz(double semitones) {
        return REFERENCE_HZ * Math.pow(2, semitones / 12);
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Accumulator[] accumulators(int n) {
        Accumulator[] a = new Accumulator[n];
        for (int i = 0; i < n; i++) {
            a[i] = new Accumulator();
        }
        return a;
    }

    /** Values of one measure; NaN values are skipped. */
    private static final class Accumulator {
        private double[] values = new double[64];
        private int count;

        void add(double value) {
            if (Double.isNaN(value)) {
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, 2 * count);
            }
            values[count++] = value;
        }

        int count() {
            return count;
        }

        double mean() {
            if (count == 0) {
                return Double.NaN;
            }
            double s = 0;
            for (int i = 0; i < count; i++) {
                s += values[i];
            }
            return s / count;
        }

        double meanOr(double empty) {
            return count == 0 ? empty : mean();
        }

        double stddev() {
            if (count < 2) {
                return Double.NaN;
            }
            double m = mean();
            double s = 0;
            for (int i = 0; i < count; i++) {
                s += (values[i] - m) * (values[i] - m);
            }
            return Math.sqrt(s / (count - 1));
        }

        double[] sorted() {
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
