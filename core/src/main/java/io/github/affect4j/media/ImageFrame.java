package io.github.affect4j.media;

import io.github.affect4j.BoundingBox;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An immutable 8-bit colour image, the input of face analysis.
 *
 * <p>Made from encoded bytes or files (JPEG, PNG, BMP, GIF, TIFF: whatever {@code javax.imageio} reads),
 * from a {@link BufferedImage}, or from raw interleaved pixels. Grey, alpha and 16-bit images are
 * converted to 8-bit RGB (alpha is dropped, 16-bit samples are scaled); CMYK JPEGs are converted
 * too, while TIFFs in CMYK or CIE Lab colour, which the JDK's reader mislabels as RGB, are refused
 * with {@link InvalidMediaException.Problem#UNSUPPORTED_FORMAT}. Decoding checks the pixel count
 * from the header before allocating, so a small file that claims a huge image is rejected with
 * {@link InvalidMediaException.Problem#TOO_LARGE}.
 */
public final class ImageFrame {

    /** The default limit on the number of pixels of a decoded image: 50 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** The default limit on the size of an encoded image read from a stream: 64 MiB. */
    public static final int DEFAULT_MAX_BYTES = 64 << 20;

    private final int width;
    private final int height;
    /** Packed RGB, three bytes per pixel, rows without padding. */
    private final byte[] rgb;

    ImageFrame(int width, int height, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * Decodes an image file with the default pixel limit.
     *
     * @param file the image file
     * @return the image
     * @throws InvalidMediaException if the file is empty, not an image, truncated, corrupt or
     *     larger than {@link #DEFAULT_MAX_PIXELS}
     * @throws IOException if the file cannot be read
     */
    public static ImageFrame read(Path file) throws IOException {
        return read(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes an image file.
     *
     * @param maxPixels the largest width times height accepted
     * @param file the image file
     * @return the image
     * @throws InvalidMediaException if the file is empty, not an image, truncated, corrupt or too
     *     large
     * @throws IOException if the file cannot be read
     */
    public static ImageFrame read(Path file, long maxPixels) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a readable file");
        }
        // No encoding of an image within the pixel limit needs more than 4 bytes a pixel plus
        // its headers (uncompressed 32-bit BMP); a larger file is refused unread.
        long size = Files.size(file);
        long limit = Math.min(Integer.MAX_VALUE - 16L, 4 * Math.max(0, maxPixels) + (1 << 20));
        if (size > limit) {
            throw new InvalidMediaException(InvalidMediaException.Problem.TOO_LARGE,
                    file + ": " + size + " bytes is more than an image of at most " + maxPixels
                    + " pixels needs (" + limit + " bytes)");
        }
        return fromDecoded(ImageDecoding.decode(Files.readAllBytes(file), file.toString(),
                maxPixels));
    }

    /**
     * Decodes an image from a stream (read to its end, not closed), with the default limits.
     *
     * @param in the encoded image
     * @return the image
     * @throws InvalidMediaException if the data is empty, not an image, truncated, corrupt or too
     *     large ({@link #DEFAULT_MAX_BYTES} bytes, {@link #DEFAULT_MAX_PIXELS} pixels)
     * @throws IOException if the stream cannot be read
     */
    public static ImageFrame read(InputStream in) throws IOException {
        byte[] data = in.readNBytes(DEFAULT_MAX_BYTES + 1);
        if (data.length > DEFAULT_MAX_BYTES) {
            throw new InvalidMediaException(InvalidMediaException.Problem.TOO_LARGE,
                    "image stream: more than " + DEFAULT_MAX_BYTES + " bytes");
        }
        return decode(data);
    }

    /**
     * Decodes an encoded image with the default pixel limit.
     *
     * @param encoded the encoded image
     * @return the image
     * @throws InvalidMediaException if the data is empty, not an image, truncated, corrupt or too
     *     large
     */
    public static ImageFrame decode(byte[] encoded) throws InvalidMediaException {
        return decode(encoded, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes an encoded image.
     *
     * @param maxPixels the largest width times height accepted
     * @param encoded the encoded image
     * @return the image
     * @throws InvalidMediaException if the data is empty, not an image, truncated, corrupt or too
     *     large
     */
    public static ImageFrame decode(byte[] encoded, long maxPixels) throws InvalidMediaException {
        return fromDecoded(ImageDecoding.decode(encoded, "image data", maxPixels));
    }

    /**
     * Copies a {@link BufferedImage} of any type.
     *
     * @param image the image to copy
     * @return the copy
     * @throws IllegalArgumentException if the image has no pixels
     */
    public static ImageFrame fromBufferedImage(BufferedImage image) {
        return fromImage(image);
    }

    private static ImageFrame fromImage(BufferedImage image) {
        return new ImageFrame(image.getWidth(), image.getHeight(), ImageDecoding.toRgb(image));
    }

    /** An image just decoded, which nothing else holds: its array may become the frame's. */
    private static ImageFrame fromDecoded(BufferedImage image) {
        return new ImageFrame(image.getWidth(), image.getHeight(), ImageDecoding.ownedRgb(image));
    }

    /**
     * Copies raw interleaved 8-bit pixels.
     *
     * @param data the pixels, row after row
     * @param width image width in pixels
     * @param height image height in pixels
     * @param stride bytes from the start of one row to the start of the next, at least
     *     {@code width * format.bytesPerPixel()}
     * @param format the layout of each pixel
     * @return the image
     * @throws IllegalArgumentException if a size is not positive, the stride is too small or the
     *     array is too short for the given size
     */
    public static ImageFrame fromPixels(byte[] data, int width, int height, int stride,
                                        PixelFormat format) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got "
                    + width + "x" + height);
        }
        int bpp = format.bytesPerPixel();
        long rowBytes = (long) width * bpp;
        if (stride < rowBytes) {
            throw new IllegalArgumentException("stride " + stride + " is less than width "
                    + width + " times " + bpp + " bytes per " + format + " pixel");
        }
        long needed = (long) stride * (height - 1) + rowBytes;
        if (data.length < needed) {
            throw new IllegalArgumentException(format + " data for " + width + "x" + height
                    + " with stride " + stride + " needs " + needed + " bytes, got " + data.length);
        }
        if ((long) width * height * 3 > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " is too large");
        }
        byte[] rgb = new byte[width * height * 3];
        int out = 0;
        for (int y = 0; y < height; y++) {
            int in = y * stride;
            for (int x = 0; x < width; x++, in += bpp) {
                switch (format) {
                    case GRAY -> {
                        rgb[out++] = data[in];
                        rgb[out++] = data[in];
                        rgb[out++] = data[in];
                    }
                    case RGB, RGBA -> {
                        rgb[out++] = data[in];
                        rgb[out++] = data[in + 1];
                        rgb[out++] = data[in + 2];
                    }
                    case BGR, BGRA -> {
                        rgb[out++] = data[in + 2];
                        rgb[out++] = data[in + 1];
                        rgb[out++] = data[in];
                    }
                }
            }
        }
        return new ImageFrame(width, height, rgb);
    }

    /** {@return the width in pixels} */
    public int width() {
        return width;
    }

    /** {@return the height in pixels} */
    public int height() {
        return height;
    }

    /**
     * The pixels in the requested layout, as a fresh array without row padding. {@link
     * PixelFormat#GRAY} gives the luminance {@code 0.299 R + 0.587 G + 0.114 B}, rounded; the
     * four-byte layouts get an opaque alpha.
     * @param format the layout wanted
     * @return the pixels
     */
    public byte[] toBytes(PixelFormat format) {
        int pixels = width * height;
        if (format == PixelFormat.RGB) {
            return rgb.clone();
        }
        byte[] out = new byte[pixels * format.bytesPerPixel()];
        for (int p = 0, in = 0, o = 0; p < pixels; p++, in += 3) {
            int r = rgb[in] & 0xff;
            int g = rgb[in + 1] & 0xff;
            int b = rgb[in + 2] & 0xff;
            switch (format) {
                case GRAY -> out[o++] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
                case BGR -> {
                    out[o++] = (byte) b;
                    out[o++] = (byte) g;
                    out[o++] = (byte) r;
                }
                case RGBA -> {
                    out[o++] = (byte) r;
                    out[o++] = (byte) g;
                    out[o++] = (byte) b;
                    out[o++] = (byte) 0xff;
                }
                case BGRA -> {
                    out[o++] = (byte) b;
                    out[o++] = (byte) g;
                    out[o++] = (byte) r;
                    out[o++] = (byte) 0xff;
                }
                case RGB -> throw new AssertionError("handled above");
            }
        }
        return out;
    }

    /** {@return the image as a new {@link BufferedImage#TYPE_3BYTE_BGR}} */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setDataElements(0, 0, width, height, rgb);
        return image;
    }

    /**
     * The part of this image inside a box, clipped to the image.
     *
     * @param box the region, in this image's pixels
     * @return the region's pixels
     * @throws IllegalArgumentException if the box does not overlap the image
     */
    public ImageFrame crop(BoundingBox box) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        // In long: x + width overflows int for a box reaching far past the image.
        int x1 = (int) Math.min(width, (long) box.x() + box.width());
        int y1 = (int) Math.min(height, (long) box.y() + box.height());
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException(box + " lies outside the " + width + "x" + height
                    + " image");
        }
        int w = x1 - x0;
        byte[] out = new byte[w * (y1 - y0) * 3];
        for (int y = y0; y < y1; y++) {
            System.arraycopy(rgb, (y * width + x0) * 3, out, (y - y0) * w * 3, w * 3);
        }
        return new ImageFrame(w, y1 - y0, out);
    }

    @Override
    public String toString() {
        return "ImageFrame[" + width + "x" + height + "]";
    }
}
