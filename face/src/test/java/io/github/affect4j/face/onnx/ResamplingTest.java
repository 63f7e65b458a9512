package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bilinear sampling, area averaging and the maps built on them. */
class ResamplingTest {

    private static RgbImage gradient(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0, p = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[p++] = (byte) x;
                rgb[p++] = (byte) y;
                rgb[p++] = (byte) 200;
            }
        }
        return new RgbImage(rgb, w, h);
    }

    @Test
    void identityMapReproducesThePixels() {
        RgbImage src = gradient(40, 30);
        float[] out = new float[40 * 30 * 3];
        Resampling.sample(src, new Affine(1, 0, 0, 0, 1, 0), 40, 30, -1, out, new Resampling.Scratch());
        for (int i = 0; i < out.length; i++) {
            assertEquals(src.rgb()[i] & 0xff, out[i], 1e-4, "value " + i);
        }
    }

    @Test
    void rotatedIdentityPathAgreesWithTheAxisAlignedPath() {
        RgbImage src = gradient(64, 48);
        Affine straight = Affine.squareRegion(30, 20, 24, 0, 16, 16);
        Affine almost = Affine.squareRegion(30, 20, 24, 1e-12, 16, 16);
        float[] a = new float[16 * 16 * 3];
        float[] b = new float[16 * 16 * 3];
        Resampling.warpBilinear(src, straight, 16, 16, 0, a);
        Resampling.warpBilinear(src, almost, 16, 16, 0, b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-3, "value " + i);
        }
    }

    @Test
    void pointsOutsideTheImageGetTheOutsideValue() {
        RgbImage src = gradient(10, 10);
        float[] out = new float[20 * 20 * 3];
        // letterbox-like: the 10x10 image in the middle of a 20x20 patch
        Resampling.sample(src, new Affine(1, 0, -5, 0, 1, -5), 20, 20, -7f, out, new Resampling.Scratch());
        assertEquals(-7f, out[0]);
        assertEquals(-7f, out[(19 * 20 + 19) * 3]);
        assertEquals(0f, out[(5 * 20 + 5) * 3], 1e-4);     // source pixel (0, 0), red = x = 0
        assertEquals(9f, out[(14 * 20 + 14) * 3], 1e-4);   // source pixel (9, 9)
    }

    @Test
    void areaAveragingKicksInForLargeReductions() {
        // stripes one pixel wide: bilinear alone would alias, averaging gives the mean
        int w = 120;
        byte[] rgb = new byte[w * w * 3];
        for (int y = 0, p = 0; y < w; y++) {
            for (int x = 0; x < w; x++, p += 3) {
                byte v = (byte) (x % 2 == 0 ? 0 : 200);
                rgb[p] = v;
                rgb[p + 1] = v;
                rgb[p + 2] = v;
            }
        }
        float[] out = new float[10 * 10 * 3];
        Resampling.sample(new RgbImage(rgb, w, w), new Affine(12, 0, 0, 0, 12, 0), 10, 10, 0, out,
                new Resampling.Scratch());
        for (float v : out) {
            assertEquals(100f, v, 1f);
        }
    }

    @Test
    void boxShrinkAveragesBlocks() {
        RgbImage src = gradient(9, 6);
        RgbImage shrunk = Resampling.boxShrink(src, 0, 0, 9, 6, 3, new Resampling.Scratch());
        assertEquals(3, shrunk.width());
        assertEquals(2, shrunk.height());
        assertEquals(1, shrunk.rgb()[0] & 0xff);    // block (0, 0): red = mean of x 0..2
        assertEquals(4, shrunk.rgb()[3] & 0xff);    // block (1, 0): red = mean of x 3..5
        assertEquals(1, shrunk.rgb()[4] & 0xff);    //               green = mean of y 0..2
        assertEquals(4, shrunk.rgb()[3 * 3 + 1] & 0xff); // block (0, 1): green = mean of y 3..5
        assertEquals(200, shrunk.rgb()[5] & 0xff);
    }

    /**
     * The loops written for C1 give exactly the values of the plain formula
     * ({@link ReferenceBilinear}), bit for bit, so that no model output moves: rotated and
     * axis-aligned maps, shrinking and enlarging, regions reaching past every border, the
     * detector's letterbox, on random images of odd sizes (including one pixel wide or high).
     */
    @Test
    void rewrittenLoopsMatchThePlainFormulaExactly() {
        Random random = new Random(6);
        int[][] sizes = {{640, 480}, {97, 61}, {1, 9}, {9, 1}, {2, 2}, {33, 200}};
        int cases = 0;
        for (int[] size : sizes) {
            byte[] rgb = new byte[size[0] * size[1] * 3];
            random.nextBytes(rgb);
            RgbImage src = new RgbImage(rgb, size[0], size[1]);
            for (int trial = 0; trial < 40; trial++) {
                int patch = 1 + random.nextInt(trial % 4 == 0 ? 130 : 40);
                double side = (0.2 + 2.5 * random.nextDouble()) * Math.max(size[0], size[1]);
                double angle = trial % 3 == 0 ? 0 : (random.nextDouble() - 0.5) * 2;
                Affine map = Affine.squareRegion(
                        (random.nextDouble() * 1.4 - 0.2) * size[0],
                        (random.nextDouble() * 1.4 - 0.2) * size[1], side, angle, patch, patch);
                float outside = trial % 2 == 0 ? 0f : Float.NaN;
                float[] expected = new float[patch * patch * 3];
                float[] actual = new float[patch * patch * 3];
                ReferenceBilinear.warpBilinear(src, map, patch, patch, outside, expected);
                Resampling.warpBilinear(src, map, patch, patch, outside, actual);
                assertArrayEquals(expected, actual, "map " + map + " on " + size[0] + "x" + size[1]);
                cases++;
            }
            for (int input : new int[] {128, 256}) {
                for (double pad : new double[] {1, 2}) {
                    Affine map = Affine.detectorInput(size[0], size[1], input, true, pad);
                    float[] expected = new float[input * input * 3];
                    float[] actual = new float[input * input * 3];
                    ReferenceBilinear.warpBilinear(src, map, input, input, 0f, expected);
                    Resampling.warpBilinear(src, map, input, input, 0f, actual);
                    assertArrayEquals(expected, actual, "detector input " + input + " pad " + pad);
                    cases++;
                }
            }
        }
        assertEquals(sizes.length * 44, cases);
    }
}
