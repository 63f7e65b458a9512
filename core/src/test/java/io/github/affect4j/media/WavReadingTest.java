package io.github.affect4j.media;

import static io.github.affect4j.media.TestWav.A_LAW;
import static io.github.affect4j.media.TestWav.IEEE_FLOAT;
import static io.github.affect4j.media.TestWav.MU_LAW;
import static io.github.affect4j.media.TestWav.PCM;
import static io.github.affect4j.media.TestWav.chunk;
import static io.github.affect4j.media.TestWav.riff;
import static io.github.affect4j.media.TestWav.wav;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading valid WAV data of every supported encoding and layout. */
class WavReadingTest {

    @TempDir
    Path dir;

    static AudioClip read(byte[] wav) throws IOException {
        return AudioClip.readWav(new ByteArrayInputStream(wav));
    }

    @Test
    void bundledSpeechSample() throws Exception {
        Path speech = Samples.file("speech.wav");
        AudioClip clip = AudioClip.readWav(speech);
        assertEquals(16_000, clip.sampleRate());
        assertEquals(113_600, clip.length());
        assertEquals(7.1, clip.durationSeconds(), 1e-9);

        // The same samples as Java Sound reads.
        try (AudioInputStream reference = AudioSystem.getAudioInputStream(speech.toFile())) {
            byte[] pcm = reference.readAllBytes();
            assertEquals(2 * 113_600, pcm.length);
            float[] expected = AudioClip.ofPcm16(pcm, 16_000, 1, false).samples();
            assertArrayEquals(expected, clip.samples());
        }
    }

    @Test
    void pcm8IsUnsignedAroundMidScale() throws IOException {
        AudioClip clip = read(wav(PCM, 1, 8_000, 8, TestWav.pcm8(128, 0, 255, 192)));
        assertArrayEquals(new float[] {0f, -1f, 127 / 128f, 0.5f}, clip.samples());
    }

    @Test
    void pcm16() throws IOException {
        AudioClip clip = read(wav(PCM, 1, 16_000, 16,
                TestWav.pcm16(0, 16_384, -32_768, 32_767, -1)));
        assertArrayEquals(new float[] {0f, 0.5f, -1f, 32_767 / 32_768f, -1 / 32_768f},
                clip.samples());
    }

    @Test
    void pcm24() throws IOException {
        AudioClip clip = read(wav(PCM, 1, 16_000, 24,
                TestWav.pcm24(0, 4_194_304, -8_388_608, 8_388_607, -1, 1)));
        assertArrayEquals(new float[] {0f, 0.5f, -1f, (float) (8_388_607 / 8_388_608.0),
            (float) (-1 / 8_388_608.0), (float) (1 / 8_388_608.0)}, clip.samples());
    }

    @Test
    void pcm32() throws IOException {
        AudioClip clip = read(wav(PCM, 1, 16_000, 32,
                TestWav.pcm32(0, 1 << 30, Integer.MIN_VALUE, -(1 << 29))));
        assertArrayEquals(new float[] {0f, 0.5f, -1f, -0.25f}, clip.samples());
    }

    @Test
    void float32AndFloat64() throws IOException {
        float[] values = {0f, 0.5f, -1f, 1.25f, -0.001f};
        assertArrayEquals(values, read(wav(IEEE_FLOAT, 1, 16_000, 32, TestWav.float32(values)))
                .samples());
        assertArrayEquals(values, read(wav(IEEE_FLOAT, 1, 16_000, 64,
                TestWav.float64(0, 0.5, -1, 1.25, -0.001))).samples());
    }

    @Test
    void aLawKnownValues() throws IOException {
        // ITU-T G.711 A-law: 0xD5/0x55 are the smallest steps, 0xAA/0x2A full scale.
        AudioClip clip = read(wav(A_LAW, 1, 8_000, 8,
                TestWav.pcm8(0xD5, 0x55, 0xAA, 0x2A, 0x80, 0x00, 0xD4)));
        assertArrayEquals(new float[] {8, -8, 32_256, -32_256, 5_504, -5_504, 24},
                times32768(clip.samples()));
    }

    @Test
    void muLawKnownValues() throws IOException {
        // ITU-T G.711 mu-law: 0xFF and 0x7F are the two zeros, 0x80/0x00 full scale.
        AudioClip clip = read(wav(MU_LAW, 1, 8_000, 8,
                TestWav.pcm8(0xFF, 0x7F, 0x80, 0x00, 0xFE, 0x7E, 0xEF)));
        assertArrayEquals(new float[] {0, 0, 32_124, -32_124, 8, -8, 132},
                times32768(clip.samples()));
    }

    @Test
    void g711AgreesWithJavaSoundForEveryCode() throws IOException {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        for (AudioFormat.Encoding encoding : new AudioFormat.Encoding[] {
            AudioFormat.Encoding.ALAW, AudioFormat.Encoding.ULAW}) {
            AudioFormat format = new AudioFormat(encoding, 8_000, 8, 1, 1, 8_000, false);
            AudioInputStream coded = new AudioInputStream(new ByteArrayInputStream(codes), format,
                    256);
            byte[] linear = AudioSystem.getAudioInputStream(
                    new AudioFormat(8_000, 16, 1, true, false), coded).readAllBytes();
            float[] expected = AudioClip.ofPcm16(linear, 8_000, 1, false).samples();
            int tag = encoding == AudioFormat.Encoding.ALAW ? A_LAW : MU_LAW;
            assertArrayEquals(expected, read(wav(tag, 1, 8_000, 8, codes)).samples(),
                    encoding.toString());
        }
    }

    @Test
    void extensibleHeader() throws IOException {
        byte[] pcm = riff(TestWav.extensibleFmt(PCM, 2, 48_000, 24, 24, 0x3),
                chunk("data", TestWav.pcm24(4_194_304, 0, -4_194_304, -4_194_304)));
        assertArrayEquals(new float[] {0.25f, -0.5f}, read(pcm).samples());
        byte[] floats = riff(TestWav.extensibleFmt(IEEE_FLOAT, 1, 44_100, 32, 32, 0x4),
                chunk("data", TestWav.float32(0.75f, -0.125f)));
        assertArrayEquals(new float[] {0.75f, -0.125f}, read(floats).samples());
        assertEquals(44_100, read(floats).sampleRate());
    }

    @Test
    void stereoIsMixedDownByAveraging() throws IOException {
        AudioClip clip = read(wav(PCM, 2, 44_100, 16,
                TestWav.pcm16(16_384, -8_192, 32_767, 32_767, -32_768, 0)));
        assertArrayEquals(new float[] {0.125f, 32_767 / 32_768f, -0.5f}, clip.samples());
    }

    @Test
    void sixChannelsAreMixedDownByAveraging() throws IOException {
        float[] frames = {0.6f, 0.6f, 0f, 0f, -0.3f, 0.3f, 1f, 1f, 1f, 1f, 1f, -1f};
        AudioClip clip = read(wav(IEEE_FLOAT, 6, 48_000, 32, TestWav.float32(frames)));
        assertEquals(2, clip.length());
        assertEquals(1.2f / 6, clip.sample(0), 1e-7f);
        assertEquals(4f / 6, clip.sample(1), 1e-7f);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000})
    void commonRates(int rate) throws IOException {
        byte[] data = TestWav.pcm16(new int[rate / 10]); // 100 ms
        AudioClip clip = read(wav(PCM, 1, rate, 16, data));
        assertEquals(rate, clip.sampleRate());
        assertEquals(rate / 10, clip.length());
        assertEquals(0.1, clip.durationSeconds(), 1e-4);
    }

    @Test
    void chunksBeforeAndAfterTheDataAreSkipped() throws IOException {
        byte[] wav = riff(chunk("LIST", TestWav.ascii("INFOISFT\5\0\0\0odd!\0")),
                chunk("junk", new byte[3]), // odd size: followed by a pad byte
                TestWav.fmt(PCM, 1, 16_000, 16),
                chunk("fact", TestWav.le32(2)),
                chunk("data", TestWav.pcm16(16_384, -16_384)),
                chunk("LIST", TestWav.ascii("INFOICMT\4\0\0\0late")));
        assertArrayEquals(new float[] {0.5f, -0.5f}, read(wav).samples());
    }

    @Test
    void dataSizeBoundsTheSamplesRead() throws IOException {
        // Declared size 4 bytes: the two samples after it belong to the next chunk.
        byte[] wav = TestWav.concat(riff(TestWav.fmt(PCM, 1, 16_000, 16)),
                chunk("data", 4, TestWav.pcm16(16_384, 8_192, 1_000, 2_000)));
        assertArrayEquals(new float[] {0.5f, 0.25f}, read(wav).samples());
    }

    @Test
    void streamingHeaderWithUnknownSizesReadsToTheEnd() throws IOException {
        // Streaming writers cannot seek back, so they leave 0xFFFFFFFF (or 0) in the size fields.
        for (long unknown : new long[] {0xFFFFFFFFL, 0}) {
            byte[] wav = TestWav.concat(TestWav.ascii("RIFF"), TestWav.le32(unknown),
                    TestWav.ascii("WAVE"), TestWav.fmt(PCM, 1, 16_000, 16),
                    chunk("data", unknown, TestWav.pcm16(100, 200, 300)));
            assertEquals(3, read(wav).length(), "size field " + unknown);
        }
    }

    @Test
    void exactlyTheDurationLimitIsAccepted() throws IOException {
        byte[] wav = wav(PCM, 1, 8_000, 16, TestWav.pcm16(new int[8_000]));
        assertEquals(8_000, AudioClip.readWav(new ByteArrayInputStream(wav), 1.0).length());
    }

    @Test
    void longFileIsReadCompletely() throws IOException {
        // Larger than the reader's 64 KiB block and initial sample buffer.
        int n = 200_000;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i * 37) % 65_536 - 32_768;
        }
        Path file = Files.write(dir.resolve("long.wav"), wav(PCM, 1, 16_000, 16,
                TestWav.pcm16(values)));
        AudioClip clip = AudioClip.readWav(file);
        assertEquals(n, clip.length());
        for (int i = 0; i < n; i += 9_999) {
            assertEquals(values[i] / 32_768f, clip.sample(i), "sample " + i);
        }
        assertEquals(values[n - 1] / 32_768f, clip.sample(n - 1));
    }

    @Test
    void streamIsNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(wav(PCM, 1, 16_000, 16, TestWav.pcm16(1))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        AudioClip.readWav(in);
        assertEquals(false, closed[0]);
    }

    private static float[] times32768(float[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] * 32_768;
        }
        return out;
    }
}
