package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Anchors, decoding and both NMS variants on hand-made rows. */
class BlazeFaceTest {

    @Test
    void anchorsFollowTheSpecification() {
        float[] a = BlazeFace.anchors(256);
        assertEquals(896 * 2, a.length);
        assertEquals(120f, a[2 * 111]);      // README: anchor 111 of the 256 model is (120, 56)
        assertEquals(56f, a[2 * 111 + 1]);
        assertEquals(8f, a[0]);              // stride 16, first cell
        assertEquals(16f, a[2 * 512]);       // stride 32 head starts at row 512
        assertEquals(240f, a[2 * 895]);
        assertEquals(4f, BlazeFace.anchors(128)[0]);
    }

    @Test
    void decodingAddsTheAnchorAndKeepsScoresAboveTheThreshold() {
        float[] raw = new float[896 * 17];
        java.util.Arrays.fill(raw, 0);
        for (int r = 0; r < 896; r++) {
            raw[r * 17] = -10; // hopeless
        }
        int row = 111;
        raw[row * 17] = 2f;            // sigmoid 0.881
        raw[row * 17 + 1] = 3f;        // centre dx
        raw[row * 17 + 2] = -4f;       // centre dy
        raw[row * 17 + 3] = 40f;       // width
        raw[row * 17 + 4] = 50f;       // height
        raw[row * 17 + 5] = -10f;      // first keypoint
        raw[row * 17 + 6] = 1f;
        List<BlazeFace.Candidate> c = new BlazeFace(256).decode(raw, 0, 0.5);
        assertEquals(1, c.size());
        assertEquals(row, c.get(0).index());
        assertEquals(1 / (1 + Math.exp(-2)), c.get(0).score(), 1e-12);
        assertArrayEquals(new float[] {103, 27, 143, 77}, c.get(0).box());
        assertEquals(110f, c.get(0).keypoints()[0]);
        assertEquals(57f, c.get(0).keypoints()[1]);
        assertEquals(0, new BlazeFace(256).decode(raw, 0, 0.9).size(), "0.881 is not above 0.9");
    }

    private static BlazeFace.Candidate candidate(int index, double score, float x1, float y1, float x2, float y2) {
        float[] k = new float[12];
        java.util.Arrays.fill(k, x1);
        return new BlazeFace.Candidate(index, score, new float[] {x1, y1, x2, y2}, k);
    }

    @Test
    void hardNmsKeepsTheBestOfAnOverlappingGroup() {
        List<BlazeFace.Candidate> sorted = List.of(candidate(1, 0.9, 0, 0, 10, 10),
                candidate(2, 0.8, 1, 1, 11, 11), candidate(3, 0.7, 50, 50, 60, 60));
        List<BlazeFace.Candidate> kept = BlazeFace.hardNms(sorted, 10, 0.3);
        assertEquals(List.of(1, 3), kept.stream().map(BlazeFace.Candidate::index).toList());
        assertEquals(1, BlazeFace.hardNms(sorted, 1, 0.3).size(), "maxFaces");
    }

    @Test
    void weightedNmsAveragesAnOverlappingGroupByScore() {
        List<BlazeFace.Candidate> sorted = List.of(candidate(1, 0.6, 0, 0, 10, 10),
                candidate(2, 0.3, 3, 3, 13, 13), candidate(3, 0.2, 50, 50, 60, 60));
        List<BlazeFace.Candidate> kept = BlazeFace.weightedNms(sorted, 10, 0.3);
        assertEquals(2, kept.size());
        BlazeFace.Candidate merged = kept.get(0);
        assertEquals(1, merged.index());
        assertEquals(0.6, merged.score());
        // IoU of the first two is 49 / 151 = 0.32 > 0.3: merged, weights 0.6 and 0.3
        assertEquals(1f, merged.box()[0], 1e-6);
        assertEquals(11f, merged.box()[2], 1e-6);
        assertEquals(1f, merged.keypoints()[0], 1e-6);
        assertEquals(3, kept.get(1).index());
    }

    @Test
    void iouFollowsTfJs() {
        assertEquals(0.0, BlazeFace.iou(new float[] {0, 0, 0, 10}, new float[] {0, 0, 10, 10}));
        assertEquals(1.0, BlazeFace.iou(new float[] {10, 10, 0, 0}, new float[] {0, 0, 10, 10}), 1e-12);
        assertEquals(25.0 / 175, BlazeFace.iou(new float[] {0, 0, 10, 10}, new float[] {5, 5, 15, 15}), 1e-12);
    }
}
