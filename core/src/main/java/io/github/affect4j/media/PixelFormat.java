package io.github.affect4j.media;

/** Layouts of interleaved 8-bit pixel data accepted by {@link ImageFrame#fromPixels}. */
public enum PixelFormat {
    /** One byte per pixel, luminance. */
    GRAY(1),
    /** Three bytes per pixel: red, green, blue. */
    RGB(3),
    /** Three bytes per pixel: blue, green, red (OpenCV's default). */
    BGR(3),
    /** Four bytes per pixel: red, green, blue, alpha (alpha is ignored). */
    RGBA(4),
    /** Four bytes per pixel: blue, green, red, alpha (alpha is ignored). */
    BGRA(4);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    /** {@return the bytes per pixel in this layout} */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
