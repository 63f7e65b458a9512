package io.github.affect4j.media;

import io.github.affect4j.media.InvalidMediaException.Problem;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decoding with {@code javax.imageio}, turning every decoder failure into a typed error. */
final class ImageDecoding {

    static {
        // Decode in memory: no temp files, which read-only containers may not allow.
        ImageIO.setUseCache(false);
    }

    private ImageDecoding() {
    }

    static BufferedImage decode(byte[] data, String source, long maxPixels)
            throws InvalidMediaException {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (data.length == 0) {
            throw new InvalidMediaException(Problem.EMPTY, source + ": empty (0 bytes)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source
                        + ": not a JPEG, PNG, BMP or GIF image (starts with bytes "
                        + HexFormat.ofDelimiter(" ").formatHex(data, 0, Math.min(8, data.length))
                        + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return read(reader, source, maxPixels);
            } finally {
                reader.dispose();
            }
        } catch (InvalidMediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, "unreadable image");
        }
    }

    private static BufferedImage read(ImageReader reader, String source, long maxPixels)
            throws IOException {
        String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, format + " header unreadable");
        }
        if (width <= 0 || height <= 0) {
            throw new InvalidMediaException(Problem.CORRUPT, source + ": " + format
                    + " header gives an invalid size " + width + "x" + height);
        }
        if ((long) width * height > maxPixels) {
            throw new InvalidMediaException(Problem.TOO_LARGE, source + ": " + format + " of "
                    + width + "x" + height + " pixels exceeds the limit of " + maxPixels
                    + " pixels");
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IIOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unsupported Image Type")) {
                throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": " + format
                        + " colour encoding not supported (CMYK or YCCK JPEG?): convert it to RGB",
                        e);
            }
            throw classify(e, source, format + " data unreadable");
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, format + " data unreadable");
        }
        if (!warnings.isEmpty()) {
            // The JPEG decoder reports a truncated file only as a warning and fills the rest grey.
            String warning = String.join("; ", warnings);
            Problem problem = warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")
                    ? Problem.TRUNCATED : Problem.CORRUPT;
            throw new InvalidMediaException(problem, source + ": " + format + " " + warning);
        }
        return image;
    }

    private static InvalidMediaException classify(Exception e, String source, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return new InvalidMediaException(Problem.TRUNCATED,
                        source + ": " + what + ": data ends early", e);
            }
        }
        return new InvalidMediaException(Problem.CORRUPT,
                source + ": " + what + ": " + e.getMessage(), e);
    }

    /** Packed 8-bit RGB of any image, without the gamma shift getRGB applies to linear grey. */
    static byte[] toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image has no pixels");
        }
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int type = model.getColorSpace().getType();
        int bands = raster.getNumBands();
        boolean component = model instanceof ComponentColorModel;
        if (component && type == ColorSpace.TYPE_GRAY && bands <= 2) {
            int max = (1 << model.getComponentSize(0)) - 1;
            int[] row = new int[width];
            for (int y = 0, o = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    byte v = (byte) ((row[x] * 255L + max / 2) / max);
                    out[o++] = v;
                    out[o++] = v;
                    out[o++] = v;
                }
            }
        } else if (component && model.getColorSpace().isCS_sRGB() && (bands == 3 || bands == 4)) {
            int[] max = {(1 << model.getComponentSize(0)) - 1, (1 << model.getComponentSize(1)) - 1,
                (1 << model.getComponentSize(2)) - 1};
            int[] row = new int[width * bands];
            for (int y = 0, o = 0; y < height; y++) {
                raster.getPixels(0, y, width, 1, row);
                for (int x = 0, i = 0; x < width; x++, i += bands) {
                    for (int c = 0; c < 3; c++) {
                        out[o++] = (byte) (max[c] == 255 ? row[i + c]
                                : (row[i + c] * 255L + max[c] / 2) / max[c]);
                    }
                }
            }
        } else {
            int[] argb = new int[width];
            for (int y = 0, o = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, argb, 0, width);
                for (int x = 0; x < width; x++) {
                    out[o++] = (byte) (argb[x] >> 16);
                    out[o++] = (byte) (argb[x] >> 8);
                    out[o++] = (byte) argb[x];
                }
            }
        }
        return out;
    }
}
