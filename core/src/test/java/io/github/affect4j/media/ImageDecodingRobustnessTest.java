package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Damaged files of every supported format either decode or fail with
 * {@link InvalidMediaException}: no other exception escapes, nothing hangs.
 */
class ImageDecodingRobustnessTest {

    private static final int MUTANTS = 400;

    @Test
    void damagedJpeg() throws IOException {
        survives("JPEG", Files.readAllBytes(Samples.file("astronaut.jpg")), 1);
    }

    @Test
    void damagedPng() throws IOException {
        survives("PNG", ImageDecodingTest.noisePng(48, 48), 2);
    }

    @Test
    void damagedBmpAndGif() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(3);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        survives("BMP", write(image, "bmp"), 3);
        survives("GIF", write(image, "gif"), 4);
        survives("TIFF", write(image, "tiff"), 6);
    }

    @Test
    void damagedTiffs() throws IOException {
        survives("32-bit TIFF", ImageDecodingTest.resource("int32-red.tif"), 7);
        survives("CMYK TIFF", ImageDecodingTest.resource("cmyk-red.tif"), 8);
    }

    @Test
    void damagedCmykJpeg() throws IOException {
        survives("CMYK JPEG", ImageDecodingTest.resource("cmyk-red-blue.jpg"), 5);
    }

    private static void survives(String format, byte[] original, long seed) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(seed);
            for (int m = 0; m < MUTANTS; m++) {
                byte[] data = original.clone();
                int changes = 1 + random.nextInt(8);
                for (int c = 0; c < changes; c++) {
                    // Damage the headers more often than the bulk of the data.
                    int limit = random.nextBoolean() ? Math.min(original.length, 700) : data.length;
                    data[random.nextInt(limit)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
                }
                try {
                    ImageFrame frame = ImageFrame.decode(data, 4_000_000);
                    assertTrue(frame.width() > 0 && frame.height() > 0);
                } catch (InvalidMediaException expected) {
                    assertTrue(expected.getMessage().startsWith("image data: "),
                            expected.getMessage());
                } catch (RuntimeException | Error e) {
                    throw new AssertionError(format + " mutant " + m + " (seed " + seed
                            + ") escaped as " + e, e);
                }
            }
        });
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
