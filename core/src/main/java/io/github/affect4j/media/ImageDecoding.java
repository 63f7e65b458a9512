package io.github.affect4j.media;

import io.github.affect4j.media.InvalidMediaException.Problem;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Decoding with {@code javax.imageio}, turning every decoder failure into a typed error. */
final class ImageDecoding {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImageFrame.class);

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
                return read(reader, data, source, maxPixels);
            } finally {
                reader.dispose();
            }
        } catch (InvalidMediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, "unreadable image", false);
        }
    }

    private static BufferedImage read(ImageReader reader, byte[] data, String source,
                                      long maxPixels) throws IOException {
        String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        boolean jpeg = "JPEG".equals(format);
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, format + " header unreadable", jpeg && jpegCutShort(data));
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
        if ("TIF".equals(format) || "TIFF".equals(format)) {
            checkTiff(reader, source, data.length);
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
        ImageReadParam rgbOrder = rgbOrderDestination(reader, width, height);
        BufferedImage image;
        try {
            image = rgbOrder == null ? reader.read(0) : reader.read(0, rgbOrder);
        } catch (IIOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unsupported Image Type")) {
                throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": " + format
                        + " colour encoding not supported (CMYK or YCCK JPEG?): convert it to RGB",
                        e);
            }
            throw classify(e, source, format + " data unreadable", jpeg && jpegCutShort(data));
        } catch (IOException | RuntimeException e) {
            throw classify(e, source, format + " data unreadable", jpeg && jpegCutShort(data));
        }
        if (!warnings.isEmpty() && !jpeg) {
            // Other decoders warn about recoverable oddities (a duplicate palette, a missing
            // optional TIFF field) and still return the right pixels.
            LOG.debug("{}: {} decoder warnings: {}", source, format, warnings);
        } else if (!warnings.isEmpty()) {
            // The JPEG decoder reports a truncated file only as a warning and fills the rest grey.
            String warning = String.join("; ", warnings);
            String lower = warning.toLowerCase(java.util.Locale.ROOT);
            Problem problem = lower.contains("premature end") || lower.contains("truncated")
                    || jpeg && jpegCutShort(data) ? Problem.TRUNCATED : Problem.CORRUPT;
            throw new InvalidMediaException(problem, source + ": " + format + " " + warning);
        }
        return image;
    }

    /** The JDK's JPEG reader, the only one {@link #rgbOrderDestination} is known to suit. */
    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    /**
     * A read parameter that has the JDK's JPEG reader write into an image with the colour bytes
     * in RGB order, or null to read as the reader likes. That reader's own choice for colour
     * JPEGs is {@code TYPE_3BYTE_BGR}, while its decoder hands over every row in RGB order: the
     * row is then reordered byte by byte ({@code ByteInterleavedRaster.putByteData}) and
     * {@link #toRgb} reorders the whole image back, two per-byte passes that C1-compiled code (the
     * example server's JVM) runs slowly. Into an RGB-ordered destination of the same colour space
     * each row is one {@code System.arraycopy}, and the decoded array is already the frame's
     * layout ({@link #ownedRgb}). The pixels are the same bytes: only where they are stored
     * changes, and any colour conversion (an embedded ICC profile) runs on the row before it is
     * stored, as before.
     *
     * <p>Only for readers whose default destination is {@code TYPE_3BYTE_BGR} (YCbCr and RGB
     * JPEGs); grey, CMYK and YCCK JPEGs, other formats and other JPEG plugins keep the default.
     * Any failure here also keeps the default, so that the read itself reports it as before.
     */
    private static ImageReadParam rgbOrderDestination(ImageReader reader, int width, int height) {
        if (!JDK_JPEG_READER.equals(reader.getClass().getName())) {
            return null;
        }
        try {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            if (types == null || !types.hasNext()
                    || types.next().getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(rgbImage(width, height));
            return param;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** An opaque sRGB image whose array holds packed RGB bytes, rows without padding. */
    private static BufferedImage rgbImage(int width, int height) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {8, 8, 8}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width,
                height, Math.multiplyExact(width, 3), 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * Classifies a decoder failure.
     *
     * @param cutShort whether the data is known to end early; the JPEG decoder's errors for a
     *     file cut inside its headers ("No image data present to read", "Bogus marker length")
     *     do not say so themselves
     */
    private static InvalidMediaException classify(Exception e, String source, String what,
                                                  boolean cutShort) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return new InvalidMediaException(Problem.TRUNCATED,
                        source + ": " + what + ": data ends early", e);
            }
        }
        if (cutShort) {
            return new InvalidMediaException(Problem.TRUNCATED, source + ": " + what
                    + ": data ends early, without the JPEG end-of-image marker (" + e.getMessage()
                    + ")", e);
        }
        return new InvalidMediaException(Problem.CORRUPT,
                source + ": " + what + ": " + e.getMessage(), e);
    }

    /**
     * Checks what the JDK's TIFF reader would trust blindly. It hands out CMYK and CIE Lab pixels
     * labelled as sRGB, which would turn red into cyan without any error: such files are refused.
     * And it allocates each strip or tile at the byte count the header declares before reading
     * it (a 300-byte file claiming a 500 MB strip exhausts the heap): a count larger than the
     * whole data is a lie, refused before decoding.
     */
    private static void checkTiff(ImageReader reader, String source, int dataLength)
            throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(0);
        String name = metadata == null ? null : metadata.getNativeMetadataFormatName();
        if (name == null) {
            return;
        }
        Node tree = metadata.getAsTree(name);
        List<Long> photometric = tiffField(tree, "262");
        String colour = photometric.isEmpty() ? null : switch (photometric.get(0).intValue()) {
            case 5 -> "CMYK";
            case 8, 9, 10 -> "CIE Lab";
            case 32844, 32845 -> "LogLuv";
            default -> null;
        };
        if (colour != null) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": TIFF in "
                    + colour + " colour is not supported: convert it to RGB");
        }
        // 279 StripByteCounts, 325 TileByteCounts.
        for (String field : List.of("279", "325")) {
            for (long count : tiffField(tree, field)) {
                if (count > dataLength) {
                    throw new InvalidMediaException(Problem.CORRUPT, source + ": TIFF declares a "
                            + (field.equals("279") ? "strip" : "tile") + " of " + count
                            + " bytes in " + dataLength + " bytes of data");
                }
            }
        }
    }

    /**
     * The values of a numbered field in the JDK's native TIFF metadata tree (the first such
     * field found), none when it is absent; values that are not integers are left out.
     */
    private static List<Long> tiffField(Node node, String number) {
        if (node instanceof Element element && "TIFFField".equals(element.getNodeName())
                && number.equals(element.getAttribute("number"))) {
            List<Long> values = new ArrayList<>();
            Node list = element.getFirstChild();
            for (Node v = list == null ? null : list.getFirstChild(); v != null;
                    v = v.getNextSibling()) {
                if (v instanceof Element value) {
                    try {
                        values.add(Long.parseLong(value.getAttribute("value")));
                    } catch (NumberFormatException e) {
                        // A rational or text value: not a count.
                    }
                }
            }
            return values;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            List<Long> found = tiffField(child, number);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * Whether JPEG data lacks the end-of-image marker (FF D9) after its last start-of-scan marker
     * (FF DA), as a file cut short does. Neither pair occurs inside entropy-coded data, where FF
     * is always followed by 00 or a restart marker; the markers of an embedded thumbnail come
     * before the main image's scans.
     */
    private static boolean jpegCutShort(byte[] data) {
        int lastScan = -1;
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xDA) {
                lastScan = i;
            }
        }
        if (lastScan < 0) {
            return true;
        }
        for (int i = lastScan + 2; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xD9) {
                return false;
            }
        }
        return true;
    }

    /**
     * Packed 8-bit RGB of an image nobody else holds (one this class decoded): its own array
     * when that already is packed RGB (the JPEG reader's {@link #rgbOrderDestination}, 8-bit RGB
     * PNGs), saving a copy of the whole frame; otherwise {@link #toRgb}.
     */
    static byte[] ownedRgb(BufferedImage image) {
        byte[] packed = packedRgbArray(image);
        return packed != null ? packed : toRgb(image);
    }

    /**
     * The image's array if it holds exactly {@code width * height} packed 8-bit RGB pixels
     * (sRGB, opaque, bands in RGB order, no row padding, no offset), else null.
     */
    private static byte[] packedRgbArray(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        if (!(model instanceof ComponentColorModel) || model.hasAlpha()
                || !model.getColorSpace().isCS_sRGB() || raster.getNumBands() != 3
                || !interleavedBytes(raster, model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || raster.getParent() != null) {
            return null;
        }
        ComponentSampleModel samples = (ComponentSampleModel) raster.getSampleModel();
        DataBufferByte data = (DataBufferByte) raster.getDataBuffer();
        int[] offsets = samples.getBandOffsets();
        boolean packed = offsets[0] == 0 && offsets[1] == 1 && offsets[2] == 2
                && samples.getPixelStride() == 3 && samples.getScanlineStride() == width * 3
                && data.getOffset() == 0 && data.getData().length == width * height * 3;
        return packed ? data.getData() : null;
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
        int transfer = raster.getTransferType();
        // The fast paths read raw integer samples (32-bit ones as unsigned, which getRGB gets
        // wrong). Premultiplied and floating-point samples need the colour model's own
        // conversion below.
        boolean component = model instanceof ComponentColorModel && !model.isAlphaPremultiplied()
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                    || transfer == DataBuffer.TYPE_INT);
        if (component && type == ColorSpace.TYPE_GRAY && bands <= 2) {
            long max = maxSample(model, 0);
            int[] row = new int[width];
            for (int y = 0, o = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    byte v = scale(row[x], max);
                    out[o++] = v;
                    out[o++] = v;
                    out[o++] = v;
                }
            }
        } else if (component && model.getColorSpace().isCS_sRGB() && (bands == 3 || bands == 4)
                && interleavedBytes(raster, model)) {
            copyInterleavedBytes(raster, width, height, out);
        } else if (component && model.getColorSpace().isCS_sRGB() && (bands == 3 || bands == 4)) {
            long[] max = {maxSample(model, 0), maxSample(model, 1), maxSample(model, 2)};
            int[] row = new int[width * bands];
            for (int y = 0, o = 0; y < height; y++) {
                raster.getPixels(0, y, width, 1, row);
                for (int x = 0, i = 0; x < width; x++, i += bands) {
                    for (int c = 0; c < 3; c++) {
                        out[o++] = max[c] == 255 ? (byte) row[i + c] : scale(row[i + c], max[c]);
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

    /**
     * Whether the raster keeps 8-bit samples interleaved in one byte array, as ImageIO's JPEG and
     * PNG readers make them (3BYTE_BGR, 4BYTE_ABGR): then the colour bytes can be copied straight
     * from the array. The general path reads every sample through the raster's sample model,
     * several calls a pixel; for a 640x480 frame that was most of the Java-side cost of an
     * upload in the server (whose JVM runs C1 only, which inlines little).
     */
    private static boolean interleavedBytes(Raster raster, ColorModel model) {
        if (!(raster.getSampleModel() instanceof ComponentSampleModel samples)
                || !(raster.getDataBuffer() instanceof DataBufferByte data)
                || data.getNumBanks() != 1) {
            return false;
        }
        for (int c = 0; c < 3; c++) {
            if (model.getComponentSize(c) != 8 || samples.getBankIndices()[c] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The RGB bytes of an {@link #interleavedBytes} raster, row by row, into {@code out}. */
    private static void copyInterleavedBytes(Raster raster, int width, int height, byte[] out) {
        ComponentSampleModel samples = (ComponentSampleModel) raster.getSampleModel();
        DataBufferByte data = (DataBufferByte) raster.getDataBuffer();
        byte[] bytes = data.getData();
        int[] offsets = samples.getBandOffsets();
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        int stride = samples.getPixelStride();
        // A sub-image shares its parent's array: its pixel (0, 0) sits at the translation.
        int tx = -raster.getSampleModelTranslateX();
        int ty = -raster.getSampleModelTranslateY();
        if (r == 0 && g == 1 && b == 2 && stride == 3) {
            // Already RGB order: whole rows at once.
            for (int y = 0; y < height; y++) {
                System.arraycopy(bytes, data.getOffset() + (y + ty) * samples.getScanlineStride()
                        + tx * stride, out, y * width * 3, width * 3);
            }
            return;
        }
        for (int y = 0, o = 0; y < height; y++) {
            int i = data.getOffset() + (y + ty) * samples.getScanlineStride() + tx * stride;
            for (int x = 0; x < width; x++, i += stride) {
                out[o++] = bytes[i + r];
                out[o++] = bytes[i + g];
                out[o++] = bytes[i + b];
            }
        }
    }

    private static long maxSample(ColorModel model, int component) {
        return (1L << model.getComponentSize(component)) - 1;
    }

    /** A sample of {@code 0..max} (read as unsigned) scaled to 8 bits, rounded. */
    private static byte scale(int sample, long max) {
        long value = sample & 0xFFFFFFFFL;
        // For 32-bit samples value * 255 still fits a long: 2^32 * 2^8 = 2^40.
        return (byte) ((value * 255 + max / 2) / max);
    }
}
