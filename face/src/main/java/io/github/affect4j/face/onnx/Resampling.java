package io.github.affect4j.face.onnx;

/**
 * Resampling of {@link RgbImage}s into float patches: bilinear sampling through an
 * {@link Affine} map, preceded by area averaging (an integer box filter) when the map shrinks
 * by {@value #SHRINK_FROM} or more, because bilinear sampling alone skips most pixels there and
 * aliases. (Below that it still reads most pixels; the box filter would cost about 1 ms on a
 * 640x480 frame for little gain.)
 *
 * <p>Everything works on primitive arrays, without per-pixel objects; callers pass reusable
 * buffers.
 */
final class Resampling {

    /** Reduction factor from which the source is area-averaged first. */
    static final int SHRINK_FROM = 3;

    /**
     * The float value of each byte, {@code BYTE_VALUES[i] == i}. The bilinear loops look bytes up
     * here instead of converting them from int: compiled by C1 (the example server's JVM) that
     * measured 6 to 8% faster on the detector input and 20% on rotated crops (BENCHMARKS.md).
     * The values, and so the results, are the same.
     */
    private static final float[] BYTE_VALUES = new float[256];

    static {
        for (int i = 0; i < BYTE_VALUES.length; i++) {
            BYTE_VALUES[i] = i;
        }
    }

    private Resampling() {
    }

    /**
     * Samples a patch through {@code map}, area-averaging first where the map shrinks a lot.
     *
     * @param src the source image
     * @param map destination -> source map
     * @param width patch width
     * @param height patch height
     * @param outside value for destination pixels whose source point lies outside the image
     * @param dst receives {@code height * width * 3} floats, HWC RGB, 0..255
     * @param scratch a reusable holder for the shrunk source
     */
    static void sample(RgbImage src, Affine map, int width, int height, float outside,
                       float[] dst, Scratch scratch) {
        int k = (int) Math.floor(map.maxStep());
        if (k < SHRINK_FROM) {
            warpBilinear(src, map, width, height, outside, dst);
            return;
        }
        // The source region the patch covers, clipped to the image.
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) == 0 ? 0 : width;
            double v = (corner & 2) == 0 ? 0 : height;
            minX = Math.min(minX, map.x(u, v));
            maxX = Math.max(maxX, map.x(u, v));
            minY = Math.min(minY, map.y(u, v));
            maxY = Math.max(maxY, map.y(u, v));
        }
        int x0 = Math.max(0, (int) Math.floor(minX));
        int y0 = Math.max(0, (int) Math.floor(minY));
        int x1 = Math.min(src.width(), (int) Math.ceil(maxX));
        int y1 = Math.min(src.height(), (int) Math.ceil(maxY));
        if (x1 - x0 < k || y1 - y0 < k) {
            warpBilinear(src, map, width, height, outside, dst);
            return;
        }
        RgbImage shrunk = boxShrink(src, x0, y0, x1, y1, k, scratch);
        warpBilinear(shrunk, map.intoShrunk(x0, y0, k), width, height, outside, dst);
    }

    /**
     * Averages each {@code k x k} block of the region {@code [x0, x1) x [y0, y1)} into one pixel
     * (the last, partial blocks are dropped, so the result covers
     * {@code [x0, x0 + k*w) x [y0, y0 + k*h)}).
     */
    static RgbImage boxShrink(RgbImage src, int x0, int y0, int x1, int y1, int k,
                              Scratch scratch) {
        int w = (x1 - x0) / k;
        int h = (y1 - y0) / k;
        byte[] out = scratch.bytes(w * h * 3);
        int[] sums = scratch.ints(w * 3);
        byte[] in = src.rgb();
        int stride = src.width() * 3;
        int area = k * k;
        int half = area / 2;
        for (int by = 0; by < h; by++) {
            java.util.Arrays.fill(sums, 0, w * 3, 0);
            for (int dy = 0; dy < k; dy++) {
                int row = (y0 + by * k + dy) * stride + x0 * 3;
                for (int bx = 0, s = 0; bx < w; bx++, s += 3) {
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    for (int dx = 0, p = row + bx * k * 3; dx < k; dx++, p += 3) {
                        r += in[p] & 0xff;
                        g += in[p + 1] & 0xff;
                        b += in[p + 2] & 0xff;
                    }
                    sums[s] += r;
                    sums[s + 1] += g;
                    sums[s + 2] += b;
                }
            }
            int o = by * w * 3;
            for (int s = 0; s < w * 3; s++) {
                out[o + s] = (byte) ((sums[s] + half) / area);
            }
        }
        return new RgbImage(out, w, h);
    }

    /**
     * Bilinear sampling with pixel centres at {@code i + 0.5}; inside the image the border pixels
     * are repeated for the last half pixel, outside it the value is {@code outside}.
     *
     * <p>Written for C1, which the example server runs (no loop unrolling, little inlining, a
     * bounds check on every array access): the three channels are spelled out, a pixel whose
     * 2x2 neighbourhood lies inside the image (all but the border ones) takes its neighbours at
     * fixed offsets without clamping, and each byte is read once and converted through
     * {@link #BYTE_VALUES}. The arithmetic, and so every output value, is the same as the plain
     * per-channel formula
     * {@code top = p00 + fx * (p01 - p00)}, {@code bottom = p10 + fx * (p11 - p10)},
     * {@code top + fy * (bottom - top)} in float.
     */
    static void warpBilinear(RgbImage src, Affine map, int width, int height, float outside,
                             float[] dst) {
        if (map.b() == 0 && map.d() == 0) {
            scaleBilinear(src, map, width, height, outside, dst);
            return;
        }
        byte[] in = src.rgb();
        int w = src.width();
        int h = src.height();
        int stride = w * 3;
        double stepX = map.a();
        double stepY = map.d();
        int o = 0;
        for (int v = 0; v < height; v++) {
            double x = map.x(0.5, v + 0.5);
            double y = map.y(0.5, v + 0.5);
            for (int u = 0; u < width; u++, x += stepX, y += stepY, o += 3) {
                if (!(x >= 0 && x < w && y >= 0 && y < h)) {
                    dst[o] = outside;
                    dst[o + 1] = outside;
                    dst[o + 2] = outside;
                    continue;
                }
                // x, y are inside the image, so px, py > -1 and truncating px + 1 floors
                double px = x - 0.5;
                double py = y - 0.5;
                int ix = (int) (px + 1) - 1;
                int iy = (int) (py + 1) - 1;
                float fx = (float) (px - ix);
                float fy = (float) (py - iy);
                int p00;
                int right;
                int down;
                if (ix >= 0 && ix < w - 1 && iy >= 0 && iy < h - 1) {
                    p00 = iy * stride + ix * 3;
                    right = 3;
                    down = stride;
                } else {
                    int xa = Math.max(ix, 0) * 3;
                    int ya = Math.max(iy, 0) * stride;
                    p00 = ya + xa;
                    right = Math.min(ix + 1, w - 1) * 3 - xa;
                    down = Math.min(iy + 1, h - 1) * stride - ya;
                }
                int p10 = p00 + down;
                float a = BYTE_VALUES[in[p00] & 0xff];
                float b = BYTE_VALUES[in[p00 + right] & 0xff];
                float c = BYTE_VALUES[in[p10] & 0xff];
                float d = BYTE_VALUES[in[p10 + right] & 0xff];
                float top = a + fx * (b - a);
                float bottom = c + fx * (d - c);
                dst[o] = top + fy * (bottom - top);
                a = BYTE_VALUES[in[p00 + 1] & 0xff];
                b = BYTE_VALUES[in[p00 + right + 1] & 0xff];
                c = BYTE_VALUES[in[p10 + 1] & 0xff];
                d = BYTE_VALUES[in[p10 + right + 1] & 0xff];
                top = a + fx * (b - a);
                bottom = c + fx * (d - c);
                dst[o + 1] = top + fy * (bottom - top);
                a = BYTE_VALUES[in[p00 + 2] & 0xff];
                b = BYTE_VALUES[in[p00 + right + 2] & 0xff];
                c = BYTE_VALUES[in[p10 + 2] & 0xff];
                d = BYTE_VALUES[in[p10 + right + 2] & 0xff];
                top = a + fx * (b - a);
                bottom = c + fx * (d - c);
                dst[o + 2] = top + fy * (bottom - top);
            }
        }
    }

    /**
     * {@link #warpBilinear} for maps without rotation (the detector input, unaligned crops): the
     * source columns and weights of each destination column are computed once, not per pixel,
     * and the columns outside the image are filled in one go. The twelve bytes of a pixel are
     * read first and converted through {@link #BYTE_VALUES}, then combined; the arithmetic is
     * the same as there.
     */
    private static void scaleBilinear(RgbImage src, Affine map, int width, int height,
                                      float outside, float[] dst) {
        byte[] in = src.rgb();
        int w = src.width();
        int h = src.height();
        int stride = w * 3;
        int[] xa = new int[width];
        int[] xb = new int[width];
        float[] fx = new float[width];
        int first = width;
        int last = -1;
        for (int u = 0; u < width; u++) {
            double x = map.a() * (u + 0.5) + map.c();
            if (x >= 0 && x < w) {
                first = Math.min(first, u);
                last = u;
            }
            double px = x - 0.5;
            int ix = (int) Math.floor(px);
            fx[u] = (float) (px - ix);
            xa[u] = 3 * Math.min(Math.max(ix, 0), w - 1);
            xb[u] = 3 * Math.min(Math.max(ix + 1, 0), w - 1);
        }
        float[] value = BYTE_VALUES;
        int o = 0;
        for (int v = 0; v < height; v++) {
            double y = map.e() * (v + 0.5) + map.f();
            if (!(y >= 0 && y < h) || last < 0) {
                java.util.Arrays.fill(dst, o, o + width * 3, outside);
                o += width * 3;
                continue;
            }
            double py = y - 0.5;
            int iy = (int) Math.floor(py);
            float fy = (float) (py - iy);
            int rowA = Math.max(iy, 0) * stride;
            int rowB = Math.min(iy + 1, h - 1) * stride;
            java.util.Arrays.fill(dst, o, o + first * 3, outside);
            o += first * 3;
            for (int u = first; u <= last; u++) {
                float gx = fx[u];
                int a0 = rowA + xa[u];
                int a1 = rowA + xb[u];
                int b0 = rowB + xa[u];
                int b1 = rowB + xb[u];
                // Stored only after all loads: storing each channel as soon as it was computed
                // made this loop 1.7 times slower under C1.
                float r00 = value[in[a0] & 0xff];
                float r01 = value[in[a1] & 0xff];
                float g00 = value[in[a0 + 1] & 0xff];
                float g01 = value[in[a1 + 1] & 0xff];
                float b00 = value[in[a0 + 2] & 0xff];
                float b01 = value[in[a1 + 2] & 0xff];
                float t0 = r00 + gx * (r01 - r00);
                float t1 = g00 + gx * (g01 - g00);
                float t2 = b00 + gx * (b01 - b00);
                float r10 = value[in[b0] & 0xff];
                float r11 = value[in[b1] & 0xff];
                float g10 = value[in[b0 + 1] & 0xff];
                float g11 = value[in[b1 + 1] & 0xff];
                float b10 = value[in[b0 + 2] & 0xff];
                float b11 = value[in[b1 + 2] & 0xff];
                float d0 = r10 + gx * (r11 - r10);
                float d1 = g10 + gx * (g11 - g10);
                float d2 = b10 + gx * (b11 - b10);
                dst[o] = t0 + fy * (d0 - t0);
                dst[o + 1] = t1 + fy * (d1 - t1);
                dst[o + 2] = t2 + fy * (d2 - t2);
                o += 3;
            }
            int rest = (width - 1 - last) * 3;
            java.util.Arrays.fill(dst, o, o + rest, outside);
            o += rest;
        }
    }

    /** Reusable buffers of one thread. */
    static final class Scratch {
        private byte[] bytes = new byte[0];
        private int[] ints = new int[0];

        byte[] bytes(int length) {
            if (bytes.length < length) {
                bytes = new byte[length];
            }
            return bytes;
        }

        int[] ints(int length) {
            if (ints.length < length) {
                ints = new int[length];
            }
            return ints;
        }
    }
}
