package io.github.affect4j.heuristics.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure rules applied to the cascade's detections: merging overlaps and the confidence score.
 * No OpenCV here, so the rules are tested without natives.
 */
final class Detections {

    /** Two detections are one face when their intersection over union exceeds this. */
    static final double MERGE_IOU = 0.3;
    /** ...or when their intersection covers this share of the smaller box (a box inside another). */
    static final double MERGE_CONTAINED = 0.5;
    /** Neighbour count at which the neighbour evidence reaches 1 - 1/e (about 0.63). */
    static final double NEIGHBOUR_SCALE = 15;
    /** Eye-window count (both halves together) at which the eye evidence reaches 1 - 1/e. */
    static final double EYE_SCALE = 20;
    /** Faces below this confidence are flagged {@code LOW_CONFIDENCE}. */
    static final double LOW_CONFIDENCE = 0.5;

    private Detections() {
    }

    /**
     * Merges overlapping detections. OpenCV already groups near-identical windows, but it keeps
     * a box that half-overlaps a stronger one, or a large box around a smaller face: of each such
     * cluster only the detection with the most neighbours is kept (ties: the larger box).
     *
     * @return the surviving detections, strongest first
     */
    static List<FaceCandidate> merge(List<FaceCandidate> detections) {
        List<FaceCandidate> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingInt(FaceCandidate::neighbours).reversed()
                .thenComparing(Comparator.comparingLong(FaceCandidate::area).reversed())
                .thenComparingInt(FaceCandidate::x)
                .thenComparingInt(FaceCandidate::y));
        List<FaceCandidate> kept = new ArrayList<>();
        for (FaceCandidate candidate : sorted) {
            if (kept.stream().noneMatch(strong -> overlaps(strong, candidate))) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static boolean overlaps(FaceCandidate a, FaceCandidate b) {
        long intersection = a.intersection(b);
        if (intersection == 0) {
            return false;
        }
        double iou = intersection / (double) (a.area() + b.area() - intersection);
        double contained = intersection / (double) Math.min(a.area(), b.area());
        return iou > MERGE_IOU || contained > MERGE_CONTAINED;
    }

    /**
     * The confidence that a detection is a face, in [0, 1]: the mean of two saturating
     * evidences, {@code 1 - exp(-neighbours / 15)} from the face cascade and
     * {@code 1 - exp(-eyeHits / 20)} from the eye cascade run inside the upper face. Haar face
     * cascades fire on textured non-faces with a fair neighbour count, but rarely find eyes in
     * them; a real frontal face with open eyes scores about 0.9, a face with closed or hidden eyes
     * about half its neighbour evidence.
     *
     * @param neighbours raw windows grouped into the detection
     * @param eyeHits raw eye-cascade windows found in both upper quadrants of the face
     */
    static double confidence(int neighbours, int eyeHits) {
        double faceEvidence = 1 - Math.exp(-Math.max(0, neighbours) / NEIGHBOUR_SCALE);
        double eyeEvidence = 1 - Math.exp(-Math.max(0, eyeHits) / EYE_SCALE);
        return Math.min(1, Math.max(0, 0.5 * faceEvidence + 0.5 * eyeEvidence));
    }
}
