package io.github.affect4j.heuristics.voice;

import io.github.affect4j.Prosody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prosodic measurements over one or more speech segments, from their frames.
 *
 * <p>Pitch is cleaned before use: voiced runs shorter than 30 ms are dropped, values an octave
 * away from their run's median are folded back (YIN's typical octave errors), other values more
 * than 7 semitones away are dropped, and each run is median-filtered over three frames.
 *
 * <p>The speaking rate counts syllable nuclei as peaks of the 300-2500 Hz energy envelope
 * (smoothed over 50 ms): local maxima over +-50 ms, above the span's median envelope, on or
 * next to a voiced frame, and separated from the previous peak by a dip of at least 2 dB (after
 * de Jong and Wempe, 2009).
 *
 * @param prosody the public prosody summary
 * @param cues the cues the affect rules read ({@link AffectRules})
 * @param speechSeconds seconds of frames judged to be speech
 * @param voicedFrames speech frames with a pitch after cleaning
 * @param levelDb mean power of the speech frames, dBFS
 * @param raw raw-input statistics over the frames
 */
record SpeechMeasurement(Prosody prosody, double[] cues, double speechSeconds, int voicedFrames,
                         double levelDb, SignalConditioner.RawBin raw) {

    /** Cue indices into {@link #cues()}. */
    static final int PITCH = 0;
    static final int RANGE = 1;
    static final int RATE = 2;
    static final int LOUDNESS_RANGE = 3;
    static final int CENTROID = 4;
    static final int TILT = 5;
    static final int FLUX = 6;
    static final int SLOPE = 7;
    static final int LEVEL = 8;
    static final int CUE_COUNT = 9;

    private static final double REFERENCE_HZ = 100;
    private static final int MIN_RUN = 3;
    private static final int PEAK_HALF_WIDTH = 5;
    private static final int SMOOTH_HALF_WIDTH = 2;
    private static final double PEAK_DIP_DB = 2;
    private static final int SLOPE_MIN_RUN = 10;

    /**
     * Measures the speech frames of the given segments.
     *
     * @param spans the segments, at least one
     */
    static SpeechMeasurement of(List<SpeechSpan> spans) {
        List<Double> pitches = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        double centroidSum = 0;
        int centroidCount = 0;
        double tiltSum = 0;
        int tiltCount = 0;
        double fluxSum = 0;
        double powerSum = 0;
        int activeCount = 0;
        int peaks = 0;
        double slopeSum = 0;
        double slopeWeight = 0;
        long count = 0;
        double sum = 0;
        double sumSquares = 0;
        long clipped = 0;

        for (SpeechSpan span : spans) {
            List<Frame> frames = span.frames();
            boolean[] active = span.active();
            double[] semitones = cleanPitch(frames, active);
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                count += f.raw().count();
                sum += f.raw().sum();
                sumSquares += f.raw().sumSquares();
                clipped += f.raw().clipped();
                if (!active[i]) {
                    continue;
                }
                activeCount++;
                energies.add(f.energyDb());
                powerSum += Math.pow(10, f.energyDb() / 10);
                fluxSum += f.flux();
                if (!Double.isNaN(f.centroidHz())) {
                    centroidSum += f.centroidHz();
                    centroidCount++;
                }
                if (!Double.isNaN(semitones[i])) {
                    pitches.add(semitones[i]);
                    // Tilt from voiced frames only: fricatives would make it track phonemes.
                    if (!Double.isNaN(f.tiltDb())) {
                        tiltSum += f.tiltDb();
                        tiltCount++;
                    }
                }
            }
            peaks += syllablePeaks(frames, active, semitones);
            double[] slope = runSlopes(semitones);
            slopeSum += slope[0];
            slopeWeight += slope[1];
        }

        double seconds = activeCount * Frame.HOP_SECONDS;
        double[] pitch = toSortedArray(pitches);
        double[] energy = toSortedArray(energies);
        double pitchSt = pitch.length >= MIN_RUN ? percentile(pitch, 0.5) : Double.NaN;
        double rangeSt = pitch.length >= 10
                ? percentile(pitch, 0.9) - percentile(pitch, 0.1) : Double.NaN;
        double loudnessRange = energy.length >= 10
                ? percentile(energy, 0.9) - percentile(energy, 0.1) : Double.NaN;
        double rate = seconds >= 0.2 ? peaks / seconds : Double.NaN;
        double centroid = centroidCount > 0 ? centroidSum / centroidCount : Double.NaN;
        double tilt = tiltCount > 0 ? tiltSum / tiltCount : Double.NaN;
        double flux = activeCount > 1 ? fluxSum / activeCount : Double.NaN;
        double slope = slopeWeight > 0 ? slopeSum / slopeWeight : Double.NaN;
        double levelDb = activeCount > 0 ? 10 * Math.log10(powerSum / activeCount + 1e-12)
                : Double.NaN;

        double[] cues = new double[CUE_COUNT];
        cues[PITCH] = pitchSt;
        cues[RANGE] = rangeSt;
        cues[RATE] = rate;
        cues[LOUDNESS_RANGE] = loudnessRange;
        cues[CENTROID] = centroid;
        cues[TILT] = tilt;
        cues[FLUX] = flux;
        cues[SLOPE] = slope;
        cues[LEVEL] = levelDb;

        Prosody prosody = new Prosody(
                Double.isNaN(pitchSt) ? Double.NaN : REFERENCE_HZ * Math.pow(2, pitchSt / 12),
                rangeSt,
                activeCount > 0 ? pitch.length / (double) activeCount : Double.NaN,
                loudnessRange,
                rate,
                centroid);
        return new SpeechMeasurement(prosody, cues, seconds, pitch.length, levelDb,
                new SignalConditioner.RawBin(count, sum, sumSquares, clipped));
    }

    /** Pitch of each frame in semitones re 100 Hz after cleaning; NaN where none. */
    static double[] cleanPitch(List<Frame> frames, boolean[] active) {
        int n = frames.size();
        double[] st = new double[n];
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            st[i] = active[i] && f.voiced() ? 12 * log2(f.pitchHz() / REFERENCE_HZ) : Double.NaN;
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

    /** Syllable nuclei in one span; see the class comment. */
    static int syllablePeaks(List<Frame> frames, boolean[] active, double[] semitones) {
        int n = frames.size();
        double[] envelope = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int c = 0;
            for (int j = Math.max(0, i - SMOOTH_HALF_WIDTH);
                 j <= Math.min(n - 1, i + SMOOTH_HALF_WIDTH); j++) {
                s += frames.get(j).bandDb();
                c++;
            }
            envelope[i] = s / c;
        }
        List<Double> activeLevels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (active[i]) {
                activeLevels.add(envelope[i]);
            }
        }
        if (activeLevels.isEmpty()) {
            return 0;
        }
        double threshold = percentile(toSortedArray(activeLevels), 0.5);
        int peaks = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (!active[i] || envelope[i] < threshold || !isLocalMaximum(envelope, i)
                    || !voicedNear(semitones, i)) {
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

    private static boolean voicedNear(double[] semitones, int i) {
        for (int j = Math.max(0, i - 3); j <= Math.min(semitones.length - 1, i + 3); j++) {
            if (!Double.isNaN(semitones[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Length-weighted sum of the least-squares pitch slopes (semitones per second) of voiced
     * runs of at least 100 ms, and the total weight.
     */
    private static double[] runSlopes(double[] st) {
        double sum = 0;
        double weight = 0;
        int i = 0;
        while (i < st.length) {
            if (Double.isNaN(st[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < st.length && !Double.isNaN(st[end])) {
                end++;
            }
            int length = end - i;
            if (length >= SLOPE_MIN_RUN) {
                double meanX = (length - 1) / 2.0;
                double meanY = 0;
                for (int j = i; j < end; j++) {
                    meanY += st[j];
                }
                meanY /= length;
                double sxy = 0;
                double sxx = 0;
                for (int j = i; j < end; j++) {
                    double dx = j - i - meanX;
                    sxy += dx * (st[j] - meanY);
                    sxx += dx * dx;
                }
                sum += length * (sxy / sxx) / Frame.HOP_SECONDS;
                weight += length;
            }
            i = end;
        }
        return new double[] {sum, weight};
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    private static double[] toSortedArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        Arrays.sort(array);
        return array;
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
