package io.github.affect4j.heuristics.face;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expression cues measured on one face, each mapped to [0, 1] from a raw measurement taken
 * on the face resized to {@value CueMeter#PATCH} x {@value CueMeter#PATCH} pixels. The mappings
 * are saturating ramps with hand-set constants, chosen on a handful of real photos; see
 * {@link HeuristicFaceDetectorProvider} for what each cue means and where it fails.
 *
 * @param smile smile cascade evidence in the lower face
 * @param eyesOpen eye cascade evidence in both upper quadrants (open eyes are found, closed ones
 *     mostly not)
 * @param mouthOpen a dark gap (open mouth) in the middle of the mouth region
 * @param browFurrow vertical edges between the brows, relative to the whole face
 * @param smileHits raw smile-cascade windows centred on the mouth
 * @param leftEyeHits raw eye-cascade windows in the image-left upper quadrant
 * @param rightEyeHits raw eye-cascade windows in the image-right upper quadrant
 * @param mouthGap height of the dark mouth gap as a share of the face height
 * @param furrowRatio mean horizontal gradient between the brows over the face's mean gradient
 */
record FaceCues(double smile, double eyesOpen, double mouthOpen, double browFurrow,
                int smileHits, int leftEyeHits, int rightEyeHits, double mouthGap,
                double furrowRatio) {

    /** Smile windows expected even on a closed, relaxed mouth; only hits beyond count. */
    static final int SMILE_BASELINE = 20;
    /** Smile windows beyond the baseline at which the smile cue reaches 1 - 1/e. */
    static final double SMILE_SCALE = 100;
    /** Geometric mean of the two eye counts at which the eyes-open cue reaches 1 - 1/e. */
    static final double EYE_SCALE = 25;
    /** Mouth gap (share of face height) from which the mouth counts as opening... */
    static final double GAP_START = 0.06;
    /** ...and at which it counts as wide open. */
    static final double GAP_FULL = 0.16;
    /** Furrow ratio of a relaxed brow region; only the excess counts. */
    static final double FURROW_START = 0.45;
    /** Furrow ratio at which the furrow cue saturates. */
    static final double FURROW_FULL = 0.85;

    /** Maps raw measurements to cues. */
    static FaceCues of(int smileHits, int leftEyeHits, int rightEyeHits, double mouthGap,
                       double furrowRatio) {
        double smile = 1 - Math.exp(-Math.max(0, smileHits - SMILE_BASELINE) / SMILE_SCALE);
        double eyesOpen = 1 - Math.exp(-Math.sqrt((double) leftEyeHits * rightEyeHits) / EYE_SCALE);
        double mouthOpen = ramp(mouthGap, GAP_START, GAP_FULL);
        double browFurrow = ramp(furrowRatio, FURROW_START, FURROW_FULL);
        return new FaceCues(smile, eyesOpen, mouthOpen, browFurrow, smileHits, leftEyeHits,
                rightEyeHits, mouthGap, furrowRatio);
    }

    /** 0 below {@code start}, 1 above {@code full}, linear between; NaN counts as 0. */
    static double ramp(double value, double start, double full) {
        if (!(value > start)) {
            return 0;
        }
        return Math.min(1, (value - start) / (full - start));
    }

    /** The cues and raw measurements under stable names, for {@code FaceQuality.measures()}. */
    Map<String, Double> asMeasures() {
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("cue.smile", smile);
        measures.put("cue.eyesOpen", eyesOpen);
        measures.put("cue.mouthOpen", mouthOpen);
        measures.put("cue.browFurrow", browFurrow);
        measures.put("raw.smileHits", (double) smileHits);
        measures.put("raw.leftEyeHits", (double) leftEyeHits);
        measures.put("raw.rightEyeHits", (double) rightEyeHits);
        measures.put("raw.mouthGap", mouthGap);
        measures.put("raw.furrowRatio", furrowRatio);
        return measures;
    }
}
