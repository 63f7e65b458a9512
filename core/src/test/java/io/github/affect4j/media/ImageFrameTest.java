package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.BoundingBox;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-memory side of {@link ImageFrame}: raw pixels, BufferedImages, layouts and crops. */
class ImageFrameTest {

    private static final int W = 5;
    private static final int H = 3;

    /** A distinct colour for every pixel of the 5x3 test image. */
    private static int[] colour(int x, int y) {
        return new int[] {10 * x + 1, 50 * y + 7, 200 - 13 * x - 31 * y};
    }

    private static byte[] expectedRgb() {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0, o = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c : colour(x, y)) {
                    rgb[o++] = (byte) c;
                }
            }
        }
        return rgb;
    }

    /** The test image in a layout, each row padded to the stride with junk bytes. */
    private static byte[] pixels(PixelFormat format, int stride) {
        byte[] data = new byte[stride * H];
        Arrays.fill(data, (byte) 0xEE);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] rgb = colour(x, y);
                int i = y * stride + x * format.bytesPerPixel();
                switch (format) {
                    case GRAY -> data[i] = (byte) rgb[0];
                    case RGB, RGBA -> {
                        data[i] = (byte) rgb[0];
                        data[i + 1] = (byte) rgb[1];
                        data[i + 2] = (byte) rgb[2];
                    }
                    case BGR, BGRA -> {
                        data[i] = (byte) rgb[2];
                        data[i + 1] = (byte) rgb[1];
                        data[i + 2] = (byte) rgb[0];
                    }
                }
                if (format.bytesPerPixel() == 4) {
                    data[i + 3] = (byte) 0x40; // alpha is ignored
                }
            }
        }
        return data;
    }

    /** What toBytes should give back: the input without padding and with opaque alpha. */
    private static byte[] unpadded(byte[] data, PixelFormat format, int stride) {
        int rowBytes = W * format.bytesPerPixel();
        byte[] out = new byte[rowBytes * H];
        for (int y = 0; y < H; y++) {
            System.arraycopy(data, y * stride, out, y * rowBytes, rowBytes);
        }
        if (format.bytesPerPixel() == 4) {
            for (int i = 3; i < out.length; i += 4) {
                out[i] = (byte) 0xff;
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void fromPixelsWithStridePaddingRoundTripsThroughToBytes(PixelFormat format) {
        int stride = W * format.bytesPerPixel() + 7;
        byte[] data = pixels(format, stride);
        // The last row needs no padding: the array may end right after its last pixel.
        byte[] shortest = Arrays.copyOf(data, stride * (H - 1) + W * format.bytesPerPixel());
        ImageFrame frame = ImageFrame.fromPixels(shortest, W, H, stride, format);

        assertEquals(W, frame.width());
        assertEquals(H, frame.height());
        assertArrayEquals(unpadded(data, format, stride), frame.toBytes(format));
        if (format != PixelFormat.GRAY) {
            assertArrayEquals(expectedRgb(), frame.toBytes(PixelFormat.RGB));
        } else {
            byte[] rgb = frame.toBytes(PixelFormat.RGB);
            for (int p = 0; p < W * H; p++) {
                assertEquals(rgb[3 * p], rgb[3 * p + 1]);
                assertEquals(rgb[3 * p], rgb[3 * p + 2]);
            }
        }
    }

    @Test
    void fromPixelsCopiesItsInput() {
        byte[] data = pixels(PixelFormat.RGB, W * 3);
        ImageFrame frame = ImageFrame.fromPixels(data, W, H, W * 3, PixelFormat.RGB);
        Arrays.fill(data, (byte) 0);
        assertArrayEquals(expectedRgb(), frame.toBytes(PixelFormat.RGB));
        frame.toBytes(PixelFormat.RGB)[0] = 99;
        assertArrayEquals(expectedRgb(), frame.toBytes(PixelFormat.RGB));
    }

    @Test
    void fromPixelsValidatesSizes() {
        byte[] data = new byte[100];
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ImageFrame.fromPixels(data, 0, 3, 15, PixelFormat.RGB));
        assertEquals("image size must be positive, got 0x3", size.getMessage());
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> ImageFrame.fromPixels(data, 5, 3, 14, PixelFormat.RGB));
        assertEquals("stride 14 is less than width 5 times 3 bytes per RGB pixel",
                stride.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> ImageFrame.fromPixels(new byte[59], 5, 3, 20, PixelFormat.BGRA));
        assertEquals("BGRA data for 5x3 with stride 20 needs 60 bytes, got 59",
                tooShort.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageFrame.fromPixels(new byte[8], 65536, 65536, 65536, PixelFormat.GRAY));
    }

    @Test
    void grayLayoutIsRoundedLuminance() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255,
            (byte) 255, (byte) 255, 0, 0, 0, 10, 20, 30};
        ImageFrame frame = ImageFrame.fromPixels(rgb, 6, 1, 18, PixelFormat.RGB);
        // 0.299 * 255 = 76.2, 0.587 * 255 = 149.7, 0.114 * 255 = 29.1,
        // 0.299 * 10 + 0.587 * 20 + 0.114 * 30 = 18.15
        assertArrayEquals(new byte[] {76, (byte) 150, 29, (byte) 255, 0, 18},
                frame.toBytes(PixelFormat.GRAY));
    }

    @Test
    void toBufferedImageKeepsColours() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 12, 34, 56};
        BufferedImage image = ImageFrame.fromPixels(rgb, 2, 2, 6, PixelFormat.RGB)
                .toBufferedImage();
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertEquals(0xFFFF0000, image.getRGB(0, 0), "red stays red");
        assertEquals(0xFF00FF00, image.getRGB(1, 0));
        assertEquals(0xFF0000FF, image.getRGB(0, 1));
        assertEquals(0xFF0C2238, image.getRGB(1, 1));
        assertArrayEquals(rgb, ImageFrame.fromBufferedImage(image).toBytes(PixelFormat.RGB));
    }

    @Test
    void cropInsideTheImage() {
        ImageFrame frame = ImageFrame.fromPixels(pixels(PixelFormat.RGB, W * 3), W, H, W * 3,
                PixelFormat.RGB);
        ImageFrame crop = frame.crop(new BoundingBox(1, 1, 3, 2));
        assertEquals(3, crop.width());
        assertEquals(2, crop.height());
        assertArrayEquals(rgbOf(1, 1, 3, 2), crop.toBytes(PixelFormat.RGB));
    }

    @Test
    void cropIsClippedToTheImage() {
        ImageFrame frame = ImageFrame.fromPixels(pixels(PixelFormat.RGB, W * 3), W, H, W * 3,
                PixelFormat.RGB);
        ImageFrame topLeft = frame.crop(new BoundingBox(-10, -2, 12, 3));
        assertEquals(2, topLeft.width());
        assertEquals(1, topLeft.height());
        assertArrayEquals(rgbOf(0, 0, 2, 1), topLeft.toBytes(PixelFormat.RGB));

        ImageFrame bottomRight = frame.crop(new BoundingBox(3, 1, 100, 100));
        assertArrayEquals(rgbOf(3, 1, 2, 2), bottomRight.toBytes(PixelFormat.RGB));

        ImageFrame all = frame.crop(new BoundingBox(-1, -1, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertArrayEquals(expectedRgb(), all.toBytes(PixelFormat.RGB));
        ImageFrame wide = frame.crop(new BoundingBox(2, 0, Integer.MAX_VALUE, 1));
        assertArrayEquals(rgbOf(2, 0, 3, 1), wide.toBytes(PixelFormat.RGB));
    }

    @Test
    void cropOutsideTheImageIsRejected() {
        ImageFrame frame = ImageFrame.fromPixels(new byte[W * H], W, H, W, PixelFormat.GRAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> frame.crop(new BoundingBox(5, 0, 3, 3)));
        assertEquals("BoundingBox[x=5, y=0, width=3, height=3] lies outside the 5x3 image",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> frame.crop(new BoundingBox(-3, -3, 3, 3)));
    }

    private static byte[] rgbOf(int x0, int y0, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int y = y0, o = 0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                for (int c : colour(x, y)) {
                    out[o++] = (byte) c;
                }
            }
        }
        return out;
    }

    // --- BufferedImage inputs of every kind ---

    @Test
    void fromBufferedImageOfCommonTypes() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_ARGB_PRE}) {
            BufferedImage image = new BufferedImage(W, H, type);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int[] c = colour(x, y);
                    image.setRGB(x, y, 0xFF000000 | c[0] << 16 | c[1] << 8 | c[2]);
                }
            }
            assertArrayEquals(expectedRgb(), ImageFrame.fromBufferedImage(image)
                    .toBytes(PixelFormat.RGB), "type " + type);
        }
    }

    /**
     * Byte-interleaved images are copied straight from their array: a sub-image (which shares
     * its parent's array from an offset) and a raster with its own band order and a padding byte
     * per pixel must still give their own pixels.
     */
    @Test
    void interleavedByteImagesGiveTheirOwnPixels() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage parent = new BufferedImage(W + 3, H + 2, type);
            for (int y = 0; y < H + 2; y++) {
                for (int x = 0; x < W + 3; x++) {
                    parent.setRGB(x, y, 0xFF000000 | (x * 31) << 16 | (y * 47) << 8 | (x + y));
                }
            }
            BufferedImage sub = parent.getSubimage(2, 1, W, H);
            assertArrayEquals(rgbOfParent(2, 1, W, H), ImageFrame.fromBufferedImage(sub)
                    .toBytes(PixelFormat.RGB), "sub-image of type " + type);
        }
        // R, G, B at offsets 1, 2, 3 of 4 bytes a pixel; byte 0 of each pixel is padding.
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(
                ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W, H, W * 4,
                4, new int[] {1, 2, 3}, null);
        byte[] array = ((DataBufferByte) raster.getDataBuffer()).getData();
        Arrays.fill(array, (byte) 0x5A);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                raster.setPixel(x, y, colour(x, y));
            }
        }
        BufferedImage padded = new BufferedImage(model, raster, false, null);
        assertArrayEquals(expectedRgb(), ImageFrame.fromBufferedImage(padded)
                .toBytes(PixelFormat.RGB));
    }

    /**
     * Images already in packed RGB order (as ImageIO's PNG reader and affect4j's JPEG decoding
     * make them) are copied a row at a time: a whole one, a sub-image of one, and one with
     * padding at the end of each row must give their own pixels, and the frame must not share
     * the caller's array.
     */
    @Test
    void rgbOrderedImagesAreCopiedWholeRowsAtATime() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(
                ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        for (int rowPadding : new int[] {0, 5}) {
            int stride = (W + 3) * 3 + rowPadding;
            WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W + 3,
                    H + 2, stride, 3, new int[] {0, 1, 2}, null);
            for (int y = 0; y < H + 2; y++) {
                for (int x = 0; x < W + 3; x++) {
                    raster.setPixel(x, y, new int[] {(x * 31) & 0xff, (y * 47) & 0xff, x + y});
                }
            }
            BufferedImage parent = new BufferedImage(model, raster, false, null);
            byte[] whole = ImageFrame.fromBufferedImage(parent).toBytes(PixelFormat.RGB);
            assertArrayEquals(rgbOfParent(0, 0, W + 3, H + 2), whole, "padding " + rowPadding);
            assertArrayEquals(rgbOfParent(2, 1, W, H), ImageFrame.fromBufferedImage(
                    parent.getSubimage(2, 1, W, H)).toBytes(PixelFormat.RGB),
                    "sub-image, padding " + rowPadding);
            ImageFrame copy = ImageFrame.fromBufferedImage(parent);
            Arrays.fill(((DataBufferByte) raster.getDataBuffer()).getData(), (byte) 0);
            assertArrayEquals(whole, copy.toBytes(PixelFormat.RGB), "the frame shares the array");
        }
    }

    private static byte[] rgbOfParent(int x0, int y0, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int y = y0, o = 0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                out[o++] = (byte) (x * 31);
                out[o++] = (byte) (y * 47);
                out[o++] = (byte) (x + y);
            }
        }
        return out;
    }

    @Test
    void grayImagesKeepTheirValuesWithoutGammaShift() {
        BufferedImage gray8 = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage gray16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {0, 64, 128, 255};
        for (int x = 0; x < 4; x++) {
            gray8.getRaster().setSample(x, 0, 0, values[x]);
            gray16.getRaster().setSample(x, 0, 0, values[x] * 257);
        }
        byte[] expected = {0, 64, (byte) 128, (byte) 255};
        assertArrayEquals(expected, ImageFrame.fromBufferedImage(gray8).toBytes(PixelFormat.GRAY));
        assertArrayEquals(expected, ImageFrame.fromBufferedImage(gray16).toBytes(PixelFormat.GRAY));
        byte[] rgb = ImageFrame.fromBufferedImage(gray8).toBytes(PixelFormat.RGB);
        assertArrayEquals(new byte[] {(byte) 128, (byte) 128, (byte) 128},
                Arrays.copyOfRange(rgb, 6, 9));
    }

    @Test
    void indexedImageUsesItsPalette() {
        byte[] r = {(byte) 255, 0, 0, 17};
        byte[] g = {0, (byte) 255, 0, 34};
        byte[] b = {0, 0, (byte) 255, 51};
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 4, r, g, b));
        for (int x = 0; x < 4; x++) {
            image.getRaster().setSample(x, 0, 0, x);
        }
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 17, 34,
            51}, ImageFrame.fromBufferedImage(image).toBytes(PixelFormat.RGB));
    }

    @Test
    void premultipliedAlphaIsUndoneLikeForOtherImages() {
        // Half-transparent pure red, stored premultiplied: the stored red sample is 128.
        BufferedImage premultiplied = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR_PRE);
        premultiplied.setRGB(0, 0, 0x80FF0000);
        BufferedImage straight = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR);
        straight.setRGB(0, 0, 0x80FF0000);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0},
                ImageFrame.fromBufferedImage(straight).toBytes(PixelFormat.RGB));
        assertArrayEquals(new byte[] {(byte) 255, 0, 0},
                ImageFrame.fromBufferedImage(premultiplied).toBytes(PixelFormat.RGB));
    }

    @Test
    void floatImageIsConverted() {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_FLOAT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new float[] {1f, 0f, 0f});
        raster.setPixel(1, 0, new float[] {0f, 0f, 1f});
        BufferedImage image = new BufferedImage(model, raster, false, null);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255},
                ImageFrame.fromBufferedImage(image).toBytes(PixelFormat.RGB));
    }

    @Test
    void toStringGivesTheSize() {
        assertEquals("ImageFrame[5x3]",
                ImageFrame.fromPixels(new byte[15], 5, 3, 5, PixelFormat.GRAY).toString());
    }
}
