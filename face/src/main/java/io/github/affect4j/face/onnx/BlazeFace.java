package io.github.affect4j.face.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decoding of BlazeFace's raw output ({@code [896, 17]} per image) into scored boxes with six
 * keypoints, and non-maximum suppression. Follows the specification in
 * {@code face/model-conversion/README.md} ("BlazeFace decoding"), which the parity fixtures
 * check against the JavaScript original.
 */
final class BlazeFace {

    /** Anchors (rows) per image. */
    static final int ANCHORS = 896;
    /** Values per row: score logit, 4 box values, 6 keypoints (x, y). */
    static final int COLUMNS = 17;
    /** Keypoints per face. */
    static final int KEYPOINTS = 6;

    /** Keypoint indices: the eye on the image's left (the person's right eye). */
    static final int EYE_IMAGE_LEFT = 0;
    static final int EYE_IMAGE_RIGHT = 1;
    static final int NOSE = 2;
    static final int MOUTH = 3;
    static final int EAR_IMAGE_LEFT = 4;
    static final int EAR_IMAGE_RIGHT = 5;

    private final int inputSize;
    private final float[] anchors;

    BlazeFace(int inputSize) {
        if (inputSize % 16 != 0) {
            throw new IllegalArgumentException("BlazeFace input size must be a multiple of 16, got "
                    + inputSize);
        }
        this.inputSize = inputSize;
        this.anchors = anchors(inputSize);
    }

    int inputSize() {
        return inputSize;
    }

    /** Anchor centres (x, y) in input pixels, in the row order of the model output. */
    static float[] anchors(int size) {
        float[] out = new float[ANCHORS * 2];
        int n = 0;
        int[][] layers = {{size / 16, 2}, {size / 8, 6}};
        for (int[] layer : layers) {
            int stride = layer[0];
            int grid = (size + stride - 1) / stride;
            for (int gy = 0; gy < grid; gy++) {
                for (int gx = 0; gx < grid; gx++) {
                    for (int k = 0; k < layer[1]; k++) {
                        out[n++] = stride * (gx + 0.5f);
                        out[n++] = stride * (gy + 0.5f);
                    }
                }
            }
        }
        if (n != out.length) {
            throw new IllegalStateException("anchor layout gives " + n / 2 + " anchors, not "
                    + ANCHORS);
        }
        return out;
    }

    /**
     * The rows of one image whose score is strictly above {@code minScore}, decoded into input
     * pixels, best first (equal scores: lower row first).
     *
     * @param raw the model output
     * @param offset where this image's {@code 896 x 17} block starts in {@code raw}
     */
    List<Candidate> decode(float[] raw, int offset, double minScore) {
        // Compare logits, not sigmoids, so hopeless rows cost no exp().
        double minLogit = Math.log(minScore / (1 - minScore));
        List<Candidate> out = new ArrayList<>();
        for (int r = 0; r < ANCHORS; r++) {
            int p = offset + r * COLUMNS;
            if (!(raw[p] > minLogit - 1e-6)) {
                continue;
            }
            double score = 1.0 / (1.0 + Math.exp(-(double) raw[p]));
            if (!(score > minScore)) {
                continue;
            }
            float ax = anchors[2 * r];
            float ay = anchors[2 * r + 1];
            float cx = raw[p + 1] + ax;
            float cy = raw[p + 2] + ay;
            float halfW = raw[p + 3] / 2f;
            float halfH = raw[p + 4] / 2f;
            float[] box = {cx - halfW, cy - halfH, cx + halfW, cy + halfH};
            float[] keypoints = new float[KEYPOINTS * 2];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[2 * k] = raw[p + 5 + 2 * k] + ax;
                keypoints[2 * k + 1] = raw[p + 6 + 2 * k] + ay;
            }
            out.add(new Candidate(r, score, box, keypoints));
        }
        out.sort(BEST_FIRST);
        return out;
    }

    static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> -c.score()).thenComparingInt(Candidate::index);

    /**
     * Greedy non-maximum suppression with TF.js {@code tf.image.nonMaxSuppression} semantics:
     * visit best first, keep a candidate unless its IoU with a kept one is {@code >= iouThreshold},
     * stop after {@code maxFaces}.
     *
     * @param sorted candidates, best first
     */
    static List<Candidate> hardNms(List<Candidate> sorted, int maxFaces, double iouThreshold) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : sorted) {
            if (kept.size() >= maxFaces) {
                break;
            }
            boolean suppressed = false;
            for (Candidate k : kept) {
                if (iou(candidate.box(), k.box()) >= iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /**
     * MediaPipe's weighted non-maximum suppression: the best remaining candidate and every other
     * remaining one overlapping it by IoU {@code > iouThreshold} form a cluster; the cluster
     * becomes one face whose box and keypoints are the score-weighted mean of its members and
     * whose score and row are the best member's. Steadier boxes than plain NMS, because the
     * dozen anchors that fire on one face all contribute.
     *
     * @param sorted candidates, best first
     */
    static List<Candidate> weightedNms(List<Candidate> sorted, int maxFaces, double iouThreshold) {
        List<Candidate> remaining = new ArrayList<>(sorted);
        List<Candidate> kept = new ArrayList<>();
        while (!remaining.isEmpty() && kept.size() < maxFaces) {
            Candidate best = remaining.get(0);
            double[] box = new double[4];
            double[] keypoints = new double[KEYPOINTS * 2];
            double total = 0;
            List<Candidate> rest = new ArrayList<>(remaining.size());
            for (Candidate c : remaining) {
                if (c == best || iou(best.box(), c.box()) > iouThreshold) {
                    for (int i = 0; i < 4; i++) {
                        box[i] += c.score() * c.box()[i];
                    }
                    for (int i = 0; i < keypoints.length; i++) {
                        keypoints[i] += c.score() * c.keypoints()[i];
                    }
                    total += c.score();
                } else {
                    rest.add(c);
                }
            }
            float[] meanBox = new float[4];
            float[] meanKeypoints = new float[KEYPOINTS * 2];
            for (int i = 0; i < 4; i++) {
                meanBox[i] = (float) (box[i] / total);
            }
            for (int i = 0; i < keypoints.length; i++) {
                meanKeypoints[i] = (float) (keypoints[i] / total);
            }
            kept.add(new Candidate(best.index(), best.score(), meanBox, meanKeypoints));
            remaining = rest;
        }
        return kept;
    }

    /** IoU of two (x1, y1, x2, y2) boxes; 0 if either has no area (TF.js semantics). */
    static double iou(float[] a, float[] b) {
        double ax1 = Math.min(a[0], a[2]);
        double ax2 = Math.max(a[0], a[2]);
        double ay1 = Math.min(a[1], a[3]);
        double ay2 = Math.max(a[1], a[3]);
        double bx1 = Math.min(b[0], b[2]);
        double bx2 = Math.max(b[0], b[2]);
        double by1 = Math.min(b[1], b[3]);
        double by2 = Math.max(b[1], b[3]);
        double areaA = (ax2 - ax1) * (ay2 - ay1);
        double areaB = (bx2 - bx1) * (by2 - by1);
        if (areaA <= 0 || areaB <= 0) {
            return 0;
        }
        double inter = Math.max(Math.min(ax2, bx2) - Math.max(ax1, bx1), 0)
                * Math.max(Math.min(ay2, by2) - Math.max(ay1, by1), 0);
        return inter / (areaA + areaB - inter);
    }

    /**
     * One decoded row.
     *
     * @param index the row (anchor) index
     * @param score sigmoid of the score logit
     * @param box x1, y1, x2, y2
     * @param keypoints six (x, y) pairs, in the order of the constants above
     */
    record Candidate(int index, double score, float[] box, float[] keypoints) {

        @Override
        public String toString() {
            return "Candidate[" + index + ", " + score + ", " + Arrays.toString(box) + "]";
        }
    }
}
