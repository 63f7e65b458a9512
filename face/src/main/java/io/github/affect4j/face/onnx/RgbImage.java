package io.github.affect4j.face.onnx;

/**
 * Packed 8-bit RGB pixels, rows without padding. The array may be longer than
 * {@code width * height * 3} (a reused buffer); only that prefix is read.
 */
record RgbImage(byte[] rgb, int width, int height) {

    RgbImage {
        if (width <= 0 || height <= 0 || rgb.length < width * height * 3) {
            throw new IllegalArgumentException("bad raster " + width + "x" + height
                    + " over " + rgb.length + " bytes");
        }
    }
}
