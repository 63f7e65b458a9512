package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Media is recognised from its first bytes. */
class MediaFormatTest {

    private static byte[] bytes(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return data;
    }

    @Test
    void recognisesTheSignatures() {
        assertEquals(MediaFormat.JPEG, MediaFormat.of(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals(MediaFormat.PNG, MediaFormat.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
        assertEquals(MediaFormat.GIF, MediaFormat.of("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaFormat.BMP, MediaFormat.of("BM......".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaFormat.WAV, MediaFormat.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaFormat.TIFF, MediaFormat.of(bytes('I', 'I', 0x2A, 0x00, 8, 0, 0, 0)));
        assertEquals(MediaFormat.TIFF, MediaFormat.of(bytes('M', 'M', 0x00, 0x2A, 0, 0, 0, 8)));
    }

    @Test
    void aTiffWrittenByImageIoIsRecognisedAndDecodes() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 3,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF0000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(image, "tiff", out));
        byte[] tiff = out.toByteArray();
        assertEquals(MediaFormat.TIFF, MediaFormat.of(tiff));
        assertTrue(MediaFormat.TIFF.isImage());
        ImageFrame frame = ImageFrame.decode(tiff);
        assertEquals(4, frame.width());
        assertEquals(3, frame.height());
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.of(new byte[0]));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.of(bytes(0xFF, 0xD8)));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.of(bytes('I', 'I', 0x2B, 0x00)));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.of("RIFF\0\0\0\0AVI ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.of("{\"json\":true}".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void variantsOfWavAreRecognisedSoTheDecoderCanNameThem() {
        assertEquals(MediaFormat.WAV, MediaFormat.of("RF64\0\0\0\0WAVEds64".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaFormat.WAV, MediaFormat.of("RIFX\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void kinds() {
        assertTrue(MediaFormat.JPEG.isImage() && MediaFormat.BMP.isImage());
        assertFalse(MediaFormat.WAV.isImage() || MediaFormat.UNKNOWN.isImage());
        assertTrue(MediaFormat.WAV.isAudio());
        assertFalse(MediaFormat.PNG.isAudio() || MediaFormat.UNKNOWN.isAudio());
    }
}
