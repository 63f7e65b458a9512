package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioClipTest {

    @Test
    void ofCopiesTheSamples() {
        float[] samples = {0.5f, -0.25f, 1f, -1f};
        AudioClip clip = AudioClip.of(samples, 16_000);
        samples[0] = 0;
        assertArrayEquals(new float[] {0.5f, -0.25f, 1f, -1f}, clip.samples());
        clip.samples()[1] = 7;
        assertEquals(-0.25f, clip.sample(1));
        assertEquals(4, clip.length());
        assertEquals(16_000, clip.sampleRate());
        assertEquals(4 / 16_000.0, clip.durationSeconds(), 0.0);
        assertEquals("AudioClip[0.000 s at 16000 Hz]", clip.toString());
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void ofRejectsNonFiniteSamplesNamingTheIndex(float bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.of(new float[] {0, 0.1f, bad}, 16_000));
        assertEquals("sample 2 is " + bad, e.getMessage());
    }

    @Test
    void ofRejectsSixteenBitValuesPassedAsFloats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.of(new float[] {0, 120, -3000, 32767}, 16_000));
        assertEquals("sample 1 is 120.0: float PCM is expected in [-1, 1] (use ofPcm16 for 16-bit"
                + " values)", e.getMessage());
        // A little over full scale is normal for float audio.
        assertEquals(1.5f, AudioClip.of(new float[] {1.5f, -8f}, 16_000).sample(0));
    }

    @Test
    void ofRejectsAnEmptyClip() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.of(new float[0], 16_000));
        assertEquals("an audio clip needs at least one sample", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -16_000, 7_999, 192_001, Integer.MAX_VALUE})
    void ofRejectsOutOfRangeRates(int rate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.of(new float[] {0}, rate));
        assertEquals("sample rate " + rate + " Hz is outside 8000 to 192000 Hz", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 44_100, 48_000, 96_000, 192_000})
    void acceptsTheRateRange(int rate) {
        assertEquals(rate, AudioClip.of(new float[] {0}, rate).sampleRate());
    }

    @Test
    void ofInterleavedAveragesTheChannels() {
        AudioClip clip = AudioClip.ofInterleaved(new float[] {0.5f, -0.25f, 1f, 1f, -1f, 0f},
                2, 8_000);
        assertArrayEquals(new float[] {0.125f, 1f, -0.5f}, clip.samples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.ofInterleaved(new float[5], 2, 8_000));
        assertEquals("5 samples do not divide into 2 channels", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AudioClip.ofInterleaved(new float[4], 0, 8_000));
        assertThrows(IllegalArgumentException.class,
                () -> AudioClip.ofInterleaved(new float[] {Float.NaN, 0}, 2, 8_000));
    }

    @Test
    void ofPcm16DecodesBothByteOrders() {
        byte[] little = {0x00, 0x40, (byte) 0x00, (byte) 0x80, (byte) 0xFF, 0x7F, 0x01, 0x00};
        assertArrayEquals(new float[] {0.5f, -1f, 32767 / 32768f, 1 / 32768f},
                AudioClip.ofPcm16(little, 16_000, 1, false).samples());
        byte[] big = {0x40, 0x00, (byte) 0x80, 0x00};
        assertArrayEquals(new float[] {0.5f, -1f}, AudioClip.ofPcm16(big, 16_000, 1, true).samples());
        // Stereo: (0.5 + -1) / 2
        assertArrayEquals(new float[] {-0.25f},
                AudioClip.ofPcm16(new byte[] {0x00, 0x40, 0x00, (byte) 0x80}, 16_000, 2, false)
                        .samples());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> AudioClip.ofPcm16(new byte[6], 16_000, 2, false));
        assertEquals("6 bytes are not whole 16-bit frames of 2 channels", odd.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AudioClip.ofPcm16(new byte[0], 16_000, 1, false));
    }

    @Test
    void sliceAndCopy() {
        AudioClip clip = AudioClip.of(new float[] {0, 0.1f, 0.2f, 0.3f, 0.4f}, 8_000);
        AudioClip slice = clip.slice(1, 4);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, slice.samples());
        assertEquals(8_000, slice.sampleRate());
        float[] target = new float[4];
        clip.copySamples(3, target, 1, 2);
        assertArrayEquals(new float[] {0, 0.3f, 0.4f, 0}, target);
        for (int[] bad : new int[][] {{-1, 2}, {2, 2}, {3, 2}, {0, 6}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> clip.slice(bad[0], bad[1]));
            assertTrue(e.getMessage().endsWith("is not within a clip of 5 samples"),
                    e.getMessage());
        }
    }
}
