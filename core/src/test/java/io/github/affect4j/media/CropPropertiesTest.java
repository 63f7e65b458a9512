package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ImageFrame#crop} clips any box to the image (jqwik, generated sizes and boxes): the
 * crop is the intersection, its pixels are the source's, and a box that misses the image is
 * refused, never turned into an empty or out-of-bounds read.
 */
class CropPropertiesTest {

    @Property(tries = 400)
    void cropsAreClippedToTheImage(@ForAll @IntRange(min = 1, max = 64) int width,
                                   @ForAll @IntRange(min = 1, max = 64) int height,
                                   @ForAll @IntRange(min = -2_000_000_000, max = 2_000_000_000) int x,
                                   @ForAll @IntRange(min = -200, max = 200) int y,
                                   @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int boxWidth,
                                   @ForAll @IntRange(min = 1, max = 300) int boxHeight,
                                   @ForAll long seed) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        ImageFrame frame = ImageFrame.fromPixels(rgb, width, height, width * 3, PixelFormat.RGB);
        BoundingBox box = new BoundingBox(x, y, boxWidth, boxHeight);
        long x0 = Math.max(0, x);
        long y0 = Math.max(0, y);
        long x1 = Math.min(width, (long) x + boxWidth);
        long y1 = Math.min(height, (long) y + boxHeight);
        if (x1 <= x0 || y1 <= y0) {
            assertThrows(IllegalArgumentException.class, () -> frame.crop(box));
            return;
        }
        ImageFrame crop = frame.crop(box);
        assertEquals(x1 - x0, crop.width());
        assertEquals(y1 - y0, crop.height());
        assertTrue(crop.width() <= width && crop.height() <= height);
        byte[] pixels = crop.toBytes(PixelFormat.RGB);
        for (int row = 0; row < crop.height(); row++) {
            int from = (int) (((y0 + row) * width + x0) * 3);
            assertArrayEquals(Arrays.copyOfRange(rgb, from, from + crop.width() * 3),
                    Arrays.copyOfRange(pixels, row * crop.width() * 3, (row + 1) * crop.width() * 3));
        }
    }
}
