package io.github.affect4j.face.onnx;

/**
 * Maps a point of a destination patch to the source image:
 * {@code X = a*u + b*v + c}, {@code Y = d*u + e*v + f}, in continuous pixel coordinates where
 * pixel {@code (i, j)} covers {@code [i, i+1) x [j, j+1)} (its centre is at {@code i + 0.5}).
 */
record Affine(double a, double b, double c, double d, double e, double f) {

    /**
     * A square region of the source, {@code side} pixels wide, centred on {@code (cx, cy)} and
     * turned by {@code angle} radians (the destination's x axis runs along that angle), mapped
     * onto a {@code width x height} patch.
     */
    static Affine squareRegion(double cx, double cy, double side, double angle,
                               int width, int height) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double sx = side / width;
        double sy = side / height;
        // (u, v) -> offset from the patch centre, scaled, then rotated into the source.
        double a = cos * sx;
        double b = -sin * sy;
        double d = sin * sx;
        double e = cos * sy;
        double c = cx - a * width / 2.0 - b * height / 2.0;
        double f = cy - d * width / 2.0 - e * height / 2.0;
        return new Affine(a, b, c, d, e, f);
    }

    /**
     * The map from the square {@code size x size} detector input to a {@code width x height}
     * source image. With {@code letterbox}, the aspect ratio is kept: the longer side is scaled
     * to the input size and the rest padded equally on both sides (the source occupies
     * {@code [padX, size - padX] x [padY, size - padY]} of the input); without it, each axis is
     * stretched to fill the input.
     */
    static Affine detectorInput(int width, int height, int size, boolean letterbox) {
        return detectorInput(width, height, size, letterbox, 1);
    }

    /**
     * Like {@link #detectorInput(int, int, int, boolean)}, with the letterboxed image shrunk by
     * {@code pad} inside a black border (2: the longer side fills half the input), so a face
     * that fills a small image sits at a scale the detector knows; without letterboxing
     * {@code pad} is not used.
     */
    static Affine detectorInput(int width, int height, int size, boolean letterbox, double pad) {
        double sx;
        double sy;
        double padX;
        double padY;
        if (letterbox) {
            // Keep the aspect ratio, as BlazeFace saw square images in training.
            sx = sy = size / (pad * Math.max(width, height));
            padX = (size - width * sx) / 2;
            padY = (size - height * sy) / 2;
        } else {
            sx = size / (double) width;
            sy = size / (double) height;
            padX = padY = 0;
        }
        return new Affine(1 / sx, 0, -padX / sx, 0, 1 / sy, -padY / sy);
    }

    /** The source point of destination point (u, v), x coordinate. */
    double x(double u, double v) {
        return a * u + b * v + c;
    }

    /** The source point of destination point (u, v), y coordinate. */
    double y(double u, double v) {
        return d * u + e * v + f;
    }

    /** This map followed by the shrink of the source by {@code k} with origin {@code (x0, y0)}. */
    Affine intoShrunk(int x0, int y0, int k) {
        return new Affine(a / k, b / k, (c - x0) / k, d / k, e / k, (f - y0) / k);
    }

    /** How many source pixels one destination pixel spans, at most, along either axis. */
    double maxStep() {
        return Math.max(Math.hypot(a, d), Math.hypot(b, e));
    }
}
