package io.github.affect4j.heuristics.voice;

import static io.github.affect4j.voice.features.Functionals.percentile;

import io.github.affect4j.Prosody;
import io.github.affect4j.voice.features.Frame;
import io.github.affect4j.voice.features.FrameSpec;
import io.github.affect4j.voice.features.Functionals;
import io.github.affect4j.voice.features.SpeechSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cues the affect rules read, measured over one or more speech segments from their frames
 * ({@link ProsodyAnalysis#frameSpec}) with the shared tools of {@link Functionals}: pitch cleaned
 * of octave jumps and short runs ({@link Functionals#cleanPitch}), the speaking rate as syllable
 * nuclei of the 300-2500 Hz envelope ({@link Functionals#syllablePeaks}). Specific to the rules:
 * pitch in semitones re 100 Hz, 10th-90th percentile ranges, tilt over voiced frames only, and
 * the length-weighted least-squares pitch slope of voiced runs of at least 100 ms.
 *
 * @param prosody the public prosody summary
 * @param cues the cues the affect rules read ({@link AffectRules})
 * @param speechSeconds seconds of frames judged to be speech
 * @param voicedFrames speech frames with a pitch after cleaning
 * @param levelDb mean power of the speech frames, dBFS
 */
record SpeechMeasurement(Prosody prosody, double[] cues, double speechSeconds, int voicedFrames,
                         double levelDb) {

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

        for (SpeechSpan span : spans) {
            List<Frame> frames = span.frames();
            boolean[] active = span.active();
            double[] semitones = Functionals.cleanPitch(frames, active, REFERENCE_HZ);
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
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
                    if (!Double.isNaN(f.alphaRatioDb())) {
                        tiltSum += f.alphaRatioDb();
                        tiltCount++;
                    }
                }
            }
            peaks += Functionals.syllablePeaks(Functionals.envelope(frames), active, semitones);
            double[] slope = runSlopes(semitones);
            slopeSum += slope[0];
            slopeWeight += slope[1];
        }

        double seconds = activeCount * FrameSpec.HOP_SECONDS;
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
        return new SpeechMeasurement(prosody, cues, seconds, pitch.length, levelDb);
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
                sum += length * (sxy / sxx) / FrameSpec.HOP_SECONDS;
                weight += length;
            }
            i = end;
        }
        return new double[] {sum, weight};
    }

    private static double[] toSortedArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        Arrays.sort(array);
        return array;
    }
}
