package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.InvalidMediaException.Problem;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding real encoded images, and every way encoded input can be bad. */
class ImageDecodingTest {

    @TempDir
    Path dir;

    // --- good input ---

    @Test
    void samplePhotoDecodesToTheSamePixelsAsImageIo() throws IOException {
        Path sample = Samples.file("astronaut.jpg");
        ImageFrame frame = ImageFrame.read(sample);
        assertEquals(512, frame.width());
        assertEquals(512, frame.height());

        BufferedImage reference = ImageIO.read(sample.toFile());
        byte[] rgb = frame.toBytes(PixelFormat.RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int argb = reference.getRGB(x, y);
                int i = 3 * (y * 512 + x);
                int actual = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
                if (actual != (argb & 0xFFFFFF)) {
                    throw new AssertionError("pixel " + x + "," + y + ": expected "
                            + Integer.toHexString(argb & 0xFFFFFF) + ", got "
                            + Integer.toHexString(actual));
                }
            }
        }
        try (InputStream in = Files.newInputStream(sample)) {
            assertArrayEquals(rgb, ImageFrame.read(in).toBytes(PixelFormat.RGB));
        }
        assertArrayEquals(rgb, ImageFrame.decode(Files.readAllBytes(sample))
                .toBytes(PixelFormat.RGB));
    }

    @Test
    void rgbPng() throws IOException {
        byte[] rows = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 1, 2, 3};
        ImageFrame frame = decode(TestPng.encode(2, 2, 8, TestPng.RGB, rows, null));
        assertEquals(2, frame.width());
        assertArrayEquals(rows, frame.toBytes(PixelFormat.RGB));
    }

    @Test
    void grayPngKeepsItsValues() throws IOException {
        byte[] gray = {0, 1, 64, (byte) 128, (byte) 200, (byte) 255};
        ImageFrame frame = decode(TestPng.encode(6, 1, 8, TestPng.GRAY, gray, null));
        assertArrayEquals(gray, frame.toBytes(PixelFormat.GRAY));
        assertArrayEquals(new byte[] {(byte) 128, (byte) 128, (byte) 128},
                Arrays.copyOfRange(frame.toBytes(PixelFormat.RGB), 9, 12), "no gamma shift");
    }

    @Test
    void sixteenBitGrayPngIsScaledToEightBits() throws IOException {
        // 257 * v maps exactly to v; 1000 / 65535 * 255 = 3.89 rounds to 4.
        int[] samples = {0, 128 * 257, 255 * 257, 1000, 65535};
        byte[] rows = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            rows[2 * i] = (byte) (samples[i] >> 8);
            rows[2 * i + 1] = (byte) samples[i];
        }
        ImageFrame frame = decode(TestPng.encode(5, 1, 16, TestPng.GRAY, rows, null));
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255, 4, (byte) 255},
                frame.toBytes(PixelFormat.GRAY));
    }

    @Test
    void twoBitGrayPngSpansTheFullRange() throws IOException {
        // Samples 0, 1, 2, 3 packed into one byte.
        ImageFrame frame = decode(TestPng.encode(4, 1, 2, TestPng.GRAY,
                new byte[] {(byte) 0b00_01_10_11}, null));
        assertArrayEquals(new byte[] {0, 85, (byte) 170, (byte) 255},
                frame.toBytes(PixelFormat.GRAY));
    }

    @Test
    void sixteenBitRgbPngIsScaledToEightBits() throws IOException {
        byte[] rows = {(byte) 0xFF, (byte) 0xFF, (byte) 0x80, (byte) 0x80, 0, 0,
            0x12, 0x34, 0, 0x40, (byte) 0xFE, 0x01};
        ImageFrame frame = decode(TestPng.encode(2, 1, 16, TestPng.RGB, rows, null));
        // 0x1234 = 4660 -> 18.13; 0x0040 = 64 -> 0.25; 0xFE01 = 65025 -> 253.01
        assertArrayEquals(new byte[] {(byte) 255, (byte) 128, 0, 18, 0, (byte) 253},
                frame.toBytes(PixelFormat.RGB));
    }

    @Test
    void alphaIsDropped() throws IOException {
        byte[] rgba = {(byte) 200, 100, 50, 0, 10, 20, 30, (byte) 128, 1, 2, 3, (byte) 255};
        ImageFrame frame = decode(TestPng.encode(3, 1, 8, TestPng.RGBA, rgba, null));
        assertArrayEquals(new byte[] {(byte) 200, 100, 50, 10, 20, 30, 1, 2, 3},
                frame.toBytes(PixelFormat.RGB));

        byte[] grayAlpha = {(byte) 128, 0, 77, (byte) 255};
        ImageFrame gray = decode(TestPng.encode(2, 1, 8, TestPng.GRAY_ALPHA, grayAlpha, null));
        assertArrayEquals(new byte[] {(byte) 128, 77}, gray.toBytes(PixelFormat.GRAY));
    }

    @Test
    void palettePng() throws IOException {
        byte[] palette = {(byte) 255, 0, 0, 9, 99, (byte) 199};
        ImageFrame frame = decode(TestPng.encode(3, 1, 8, TestPng.PALETTE,
                new byte[] {1, 0, 1}, palette));
        assertArrayEquals(new byte[] {9, 99, (byte) 199, (byte) 255, 0, 0, 9, 99, (byte) 199},
                frame.toBytes(PixelFormat.RGB));
    }

    @Test
    void bmpAndGif() throws IOException {
        // 16x16 with a full 256-entry palette: the JDK's GIF codec garbles some tiny images
        // (3x2, say) and its BMP writer mishandles short palettes, whatever affect4j does.
        int size = 16;
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0x102030, 0xFFFFFF, 0x000000};
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < colours.length; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
        }
        BufferedImage indexed = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        byte[] expected = new byte[size * size * 3];
        for (int p = 0; p < size * size; p++) {
            int index = (p * 7 + p / size) % colours.length;
            indexed.getRaster().setSample(p % size, p / size, 0, index);
            rgb.setRGB(p % size, p / size, colours[index]);
            expected[3 * p] = (byte) (colours[index] >> 16);
            expected[3 * p + 1] = (byte) (colours[index] >> 8);
            expected[3 * p + 2] = (byte) colours[index];
        }
        assertArrayEquals(expected, decode(encode(rgb, "bmp")).toBytes(PixelFormat.RGB), "BMP");
        assertArrayEquals(expected, decode(encode(indexed, "bmp")).toBytes(PixelFormat.RGB),
                "8-bit BMP");
        assertArrayEquals(expected, decode(encode(indexed, "gif")).toBytes(PixelFormat.RGB), "GIF");
    }

    /**
     * Colour JPEGs are decoded straight into RGB order (see {@code rgbOrderDestination}), which
     * must give the very pixels of ImageIO's own {@code TYPE_3BYTE_BGR} result: baseline and
     * progressive, 4:2:0 chroma (ImageIO's default) and an embedded ICC profile (the reader then
     * converts each row to sRGB). Grey JPEGs keep the default path and keep their grey values.
     */
    @Test
    void jpegsDecodeToTheSamePixelsAsImageIoTheirOwnWay() throws IOException {
        BufferedImage colour = new BufferedImage(61, 37, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage grey = new BufferedImage(61, 37, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < 37; y++) {
            for (int x = 0; x < 61; x++) {
                int rgb = (x * 4) << 16 | (y * 6) << 8 | random.nextInt(256);
                colour.setRGB(x, y, rgb);
                grey.setRGB(x, y, rgb);
            }
        }
        byte[] baseline = encode(colour, "jpeg");
        byte[] progressive = progressiveJpeg(colour);
        byte[] withProfile = withIccProfile(baseline, java.awt.color.ICC_Profile.getInstance(
                java.awt.color.ColorSpace.CS_LINEAR_RGB).getData());
        byte[] greyJpeg = encode(grey, "jpeg");
        for (byte[] jpeg : List.of(baseline, progressive, withProfile, greyJpeg)) {
            BufferedImage reference = ImageIO.read(new ByteArrayInputStream(jpeg));
            byte[] rgb = decode(jpeg).toBytes(PixelFormat.RGB);
            for (int y = 0, i = 0; y < 37; y++) {
                for (int x = 0; x < 61; x++, i += 3) {
                    // Grey: the sample itself (getRGB would shift it, reading linear grey).
                    int expected = reference.getType() == BufferedImage.TYPE_BYTE_GRAY
                            ? reference.getRaster().getSample(x, y, 0) * 0x010101
                            : reference.getRGB(x, y) & 0xFFFFFF;
                    int actual = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
                    if (actual != expected) {
                        throw new AssertionError("JPEG " + List.of(baseline, progressive,
                                withProfile, greyJpeg).indexOf(jpeg) + ", pixel " + x + "," + y
                                + ": expected " + Integer.toHexString(expected) + ", got "
                                + Integer.toHexString(actual));
                    }
                }
            }
        }
        // The profile really was read (and converted from): the result differs from the plain file.
        assertTrue(!Arrays.equals(decode(baseline).toBytes(PixelFormat.RGB),
                decode(withProfile).toBytes(PixelFormat.RGB)), "ICC profile ignored");
    }

    /**
     * The fast path is taken: a colour JPEG comes out of the decoder as packed RGB, whose array
     * becomes the frame's without another copy of the whole image.
     */
    @Test
    void colourJpegIsDecodedIntoPackedRgbAndKept() throws IOException {
        byte[] jpeg = Files.readAllBytes(Samples.file("astronaut.jpg"));
        BufferedImage image = ImageDecoding.decode(jpeg, "sample", ImageFrame.DEFAULT_MAX_PIXELS);
        byte[] array = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        assertTrue(array == ImageDecoding.ownedRgb(image), "the decoded array is not kept");
        // A caller's image is copied, never kept.
        assertTrue(array != ImageDecoding.toRgb(image), "a caller's array would be shared");
    }

    private static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (javax.imageio.stream.MemoryCacheImageOutputStream out =
                     new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with an APP2 ICC_PROFILE segment (one chunk) inserted right after SOI. */
    private static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + tag.length + 2 + profile.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE2);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(tag, 0, tag.length);
        out.write(1);
        out.write(1);
        out.write(profile, 0, profile.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * {@code cmyk-red-blue.jpg}: 16x16, top half red, bottom half blue, in CMYK (see
     * {@code src/test/resources/media/README.md}). Java's JPEG reader handles CMYK since JDK 9,
     * and affect4j converts it to RGB.
     */
    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
        ImageFrame frame = decode(resource("cmyk-red-blue.jpg"));
        assertEquals(16, frame.width());
        assertEquals(16, frame.height());
        byte[] rgb = frame.toBytes(PixelFormat.RGB);
        for (int y = 0; y < 16; y++) {
            int[] expected = y < 8 ? new int[] {255, 0, 0} : new int[] {0, 0, 255};
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 3; c++) {
                    int actual = rgb[3 * (16 * y + x) + c] & 0xff;
                    assertTrue(Math.abs(actual - expected[c]) <= 12, "pixel " + x + "," + y
                            + " channel " + c + " is " + actual + ", expected " + expected[c]);
                }
            }
        }
    }

    @Test
    void thirtyTwoBitTiffSamplesAreReadAsUnsigned() throws IOException {
        // Full-scale red is 0xFFFFFFFF, a negative int: getRGB turns it black.
        ImageFrame frame = decode(resource("int32-red.tif"));
        byte[] rgb = frame.toBytes(PixelFormat.RGB);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0}, Arrays.copyOf(rgb, 3));
        assertArrayEquals(new byte[] {(byte) 255, 0, 0}, Arrays.copyOfRange(rgb, 45, 48));
    }

    @Test
    void tiffInCmykOrLabIsRefusedRatherThanShownInWrongColours() throws IOException {
        // The JDK's TIFF reader labels these pixels sRGB: red would come out cyan.
        Path cmyk = Files.write(dir.resolve("cmyk.tif"), resource("cmyk-red.tif"));
        InvalidMediaException e = assertProblem(Problem.UNSUPPORTED_FORMAT,
                "TIFF in CMYK colour is not supported: convert it to RGB",
                () -> ImageFrame.read(cmyk));
        assertTrue(e.getMessage().startsWith(cmyk.toString()), e.getMessage());
        assertProblem(Problem.UNSUPPORTED_FORMAT, "TIFF in CIE Lab colour is not supported",
                () -> decode(resource("lab-red.tif")));
    }

    @Test
    void pixelLimitIsInclusive() throws IOException {
        byte[] png = TestPng.encode(8, 8, 8, TestPng.GRAY, new byte[64], null);
        assertEquals(8, ImageFrame.decode(png, 64).width());
        InvalidMediaException e = assertThrows(InvalidMediaException.class,
                () -> ImageFrame.decode(png, 63));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertEquals("image data: PNG of 8x8 pixels exceeds the limit of 63 pixels",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageFrame.decode(png, 0));
    }

    // --- bad input ---

    @Test
    void emptyInput() throws IOException {
        assertProblem(Problem.EMPTY, "empty", () -> ImageFrame.decode(new byte[0]));
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        InvalidMediaException e = assertProblem(Problem.EMPTY, "empty",
                () -> ImageFrame.read(empty));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }

    @Test
    void missingFile() {
        assertThrows(NoSuchFileException.class, () -> ImageFrame.read(dir.resolve("none.png")));
        assertThrows(NoSuchFileException.class, () -> ImageFrame.read(dir));
    }

    @Test
    void textRenamedToPngIsNotAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("photo.png"), "hello, this is not an image\n");
        InvalidMediaException e = assertProblem(Problem.UNSUPPORTED_FORMAT,
                "not a JPEG, PNG, BMP or GIF image", () -> ImageFrame.read(text));
        assertTrue(e.getMessage().contains("photo.png"), e.getMessage());
        assertTrue(e.getMessage().contains("68 65 6c 6c 6f"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.00003, 0.002, 0.005, 0.01, 0.1, 0.5, 0.9, 0.999})
    void truncatedJpeg(double fraction) throws IOException {
        byte[] jpeg = Files.readAllBytes(Samples.file("astronaut.jpg"));
        int cut = Math.max(2, (int) (jpeg.length * fraction));
        assertProblem(Problem.TRUNCATED, "", () -> ImageFrame.decode(Arrays.copyOf(jpeg, cut)));
    }

    @Test
    void jpegMissingOnlyItsEndMarkerIsTruncated() throws IOException {
        byte[] jpeg = Files.readAllBytes(Samples.file("astronaut.jpg"));
        assertProblem(Problem.TRUNCATED, "",
                () -> ImageFrame.decode(Arrays.copyOf(jpeg, jpeg.length - 2)));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 20, 33, 40, 60, 500, 1000})
    void truncatedPng(int cut) throws IOException {
        byte[] png = noisePng(64, 64);
        assertProblem(Problem.TRUNCATED, "data ends early",
                () -> ImageFrame.decode(Arrays.copyOf(png, cut)));
    }

    @Test
    void pngClaimingTenGigapixelsIsRejectedBeforeAllocating() {
        byte[] png = TestPng.claimingSize(100_000, 100_000);
        assertTrue(png.length < 100);
        // 3e10 bytes of RGB could never be allocated: getting an answer quickly proves the
        // header was checked first.
        InvalidMediaException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertProblem(Problem.TOO_LARGE, "100000x100000",
                        () -> ImageFrame.decode(png)));
        assertEquals("image data: PNG of 100000x100000 pixels exceeds the limit of 50000000"
                + " pixels", e.getMessage());
    }

    @Test
    void jpegClaimingAHugeSizeIsRejectedBeforeAllocating() throws IOException {
        byte[] jpeg = Files.readAllBytes(Samples.file("astronaut.jpg"));
        int sof = sofOffset(jpeg);
        // SOF: marker(2) length(2) precision(1) height(2) width(2)
        jpeg[sof + 5] = (byte) 0xEA;
        jpeg[sof + 6] = (byte) 0x60;
        jpeg[sof + 7] = (byte) 0xEA;
        jpeg[sof + 8] = (byte) 0x60;
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertProblem(Problem.TOO_LARGE, "60000x60000",
                        () -> ImageFrame.decode(jpeg)));
    }

    @Test
    void streamLongerThanTheByteLimitIsRejected() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertProblem(Problem.TOO_LARGE, "more than " + ImageFrame.DEFAULT_MAX_BYTES + " bytes",
                () -> ImageFrame.read(endless));
    }

    @Test
    void corruptPngData() throws IOException {
        byte[] png = noisePng(16, 16);
        // Replace the compressed image data with bytes that are not a zlib stream.
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        for (int i = idat + 4; i < idat + 40; i++) {
            png[i] = (byte) 0x5A;
        }
        assertProblem(Problem.CORRUPT, "PNG", () -> ImageFrame.decode(png));
    }

    // --- helpers ---

    private static ImageFrame decode(byte[] data) throws InvalidMediaException {
        return ImageFrame.decode(data);
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format);
        return out.toByteArray();
    }

    static byte[] noisePng(int width, int height) {
        byte[] rows = new byte[width * height * 3];
        new java.util.Random(7).nextBytes(rows);
        return TestPng.encode(width, height, 8, TestPng.RGB, rows, null);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageDecodingTest.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IOException("test resource /media/" + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; ) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                throw new AssertionError("lost JPEG marker sync at " + i);
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xC0 || marker == 0xC2) {
                return i;
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | jpeg[i + 3] & 0xff);
        }
        throw new AssertionError("no SOF marker");
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    interface Decoding {
        Object run() throws IOException;
    }

    static InvalidMediaException assertProblem(Problem problem, String messagePart, Decoding call) {
        InvalidMediaException e = assertThrows(InvalidMediaException.class, call::run);
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart),
                "message '" + e.getMessage() + "' should contain '" + messagePart + "'");
        return e;
    }
}
