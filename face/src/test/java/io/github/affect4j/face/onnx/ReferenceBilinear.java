package io.github.affect4j.face.onnx;

/**
 * Bilinear sampling as {@link Resampling} did it before its loops were rewritten for C1
 * (2026-12-06): the plain per-channel formula with clamped neighbours, kept as the reference
 * the rewritten loops must match value for value ({@link ResamplingTest}).
 */
final class ReferenceBilinear {

    private ReferenceBilinear() {
    }

    /**
     * Bilinear sampling with pixel centres at {@code i + 0.5}; inside the image the border pixels
     * are repeated for the last half pixel, outside it the value is {@code outside}.
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
        int o = 0;
        for (int v = 0; v < height; v++) {
            double x = map.x(0.5, v + 0.5);
            double y = map.y(0.5, v + 0.5);
            for (int u = 0; u < width; u++, x += map.a(), y += map.d()) {
                if (!(x >= 0 && x < w && y >= 0 && y < h)) {
                    dst[o++] = outside;
                    dst[o++] = outside;
                    dst[o++] = outside;
                    continue;
                }
                // x, y are inside the image, so px, py > -1 and truncating px + 1 floors
                double px = x - 0.5;
                double py = y - 0.5;
                int ix = (int) (px + 1) - 1;
                int iy = (int) (py + 1) - 1;
                float fx = (float) (px - ix);
                float fy = (float) (py - iy);
                int xa = Math.max(ix, 0) * 3;
                int xb = Math.min(ix + 1, w - 1) * 3;
                int ya = Math.max(iy, 0) * stride;
                int yb = Math.min(iy + 1, h - 1) * stride;
                int p00 = ya + xa;
                int p01 = ya + xb;
                int p10 = yb + xa;
                int p11 = yb + xb;
                for (int ch = 0; ch < 3; ch++) {
                    float top = (in[p00 + ch] & 0xff) + fx * ((in[p01 + ch] & 0xff) - (in[p00 + ch] & 0xff));
                    float bottom = (in[p10 + ch] & 0xff) + fx * ((in[p11 + ch] & 0xff) - (in[p10 + ch] & 0xff));
                    dst[o++] = top + fy * (bottom - top);
                }
            }
        }
    }

    /**
     * {@link #warpBilinear} for maps without rotation (the detector input, unaligned crops): the
     * source columns and weights of each destination column are computed once, not per pixel,
     * and the columns outside the image are filled in one go.
     */
    static void scaleBilinear(RgbImage src, Affine map, int width, int height,
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
                float t0 = (in[a0] & 0xff) + gx * ((in[a1] & 0xff) - (in[a0] & 0xff));
                float t1 = (in[a0 + 1] & 0xff) + gx * ((in[a1 + 1] & 0xff) - (in[a0 + 1] & 0xff));
                float t2 = (in[a0 + 2] & 0xff) + gx * ((in[a1 + 2] & 0xff) - (in[a0 + 2] & 0xff));
                float d0 = (in[b0] & 0xff) + gx * ((in[b1] & 0xff) - (in[b0] & 0xff));
                float d1 = (in[b0 + 1] & 0xff) + gx * ((in[b1 + 1] & 0xff) - (in[b0 + 1] & 0xff));
                float d2 = (in[b0 + 2] & 0xff) + gx * ((in[b1 + 2] & 0xff) - (in[b0 + 2] & 0xff));
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

}
