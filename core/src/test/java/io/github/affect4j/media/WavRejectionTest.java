package io.github.affect4j.media;

import static io.github.affect4j.media.ImageDecodingTest.assertProblem;
import static io.github.affect4j.media.TestWav.IEEE_FLOAT;
import static io.github.affect4j.media.TestWav.PCM;
import static io.github.affect4j.media.TestWav.chunk;
import static io.github.affect4j.media.TestWav.riff;
import static io.github.affect4j.media.TestWav.wav;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.InvalidMediaException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad WAV input fails with the right {@link Problem} and a message naming it. */
class WavRejectionTest {

    @TempDir
    Path dir;

    private static AudioClip read(byte[] wav) throws IOException {
        return AudioClip.readWav(new ByteArrayInputStream(wav));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        InvalidMediaException e = assertProblem(Problem.EMPTY, "empty (0 bytes)",
                () -> AudioClip.readWav(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
    }

    @Test
    void wavWithoutSamples() {
        assertProblem(Problem.EMPTY, "WAV stream: WAV file has no samples",
                () -> read(wav(PCM, 1, 16_000, 16, new byte[0])));
        // One byte of a 16-bit sample is no sample either.
        assertProblem(Problem.EMPTY, "has no samples",
                () -> read(wav(PCM, 1, 16_000, 16, new byte[1])));
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void nonFiniteFloatSamplesAreCorruptNamingTheSample(float bad) {
        byte[] data = TestWav.float32(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, bad, 0.1f, 0.2f);
        assertProblem(Problem.CORRUPT, "sample 2 of channel 1 is " + bad,
                () -> read(wav(IEEE_FLOAT, 2, 16_000, 32, data)));
        assertProblem(Problem.CORRUPT, "sample 1 of channel 0 is NaN",
                () -> read(wav(IEEE_FLOAT, 1, 16_000, 64, TestWav.float64(0, Double.NaN))));
    }

    @Test
    void floatSamplesFarOutOfRangeAreCorrupt() {
        assertProblem(Problem.CORRUPT, "float sample 1 is 12000.0, far outside [-1, 1]",
                () -> read(wav(IEEE_FLOAT, 1, 16_000, 32, TestWav.float32(0.5f, 12_000f))));
        // Finite as a double, infinite as a float.
        assertProblem(Problem.CORRUPT, "float sample 0 is Infinity",
                () -> read(wav(IEEE_FLOAT, 1, 16_000, 64, TestWav.float64(1e300))));
    }

    @Test
    void compressedEncodingsAreUnsupportedByName() {
        byte[] adpcm = riff(chunk("fmt ", TestWav.fmtBody(2, 1, 8_000, 4, 256)),
                chunk("data", new byte[256]));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "WAV encoding MS ADPCM (format tag 0x0002) is not"
                + " supported; convert to PCM or float", () -> read(adpcm));
        byte[] mp3 = riff(chunk("fmt ", TestWav.fmtBody(0x55, 1, 16_000, 0, 1)),
                chunk("data", new byte[100]));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "MPEG Layer 3 (format tag 0x0055)",
                () -> read(mp3));
        byte[] unknown = riff(chunk("fmt ", TestWav.fmtBody(0x1234, 1, 16_000, 16, 2)),
                chunk("data", new byte[100]));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "with format tag 0x1234", () -> read(unknown));
        byte[] extensibleAdpcm = riff(TestWav.extensibleFmt(0x11, 1, 16_000, 4, 4, 0x4),
                chunk("data", new byte[100]));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "IMA ADPCM (format tag 0x0011)",
                () -> read(extensibleAdpcm));
    }

    @Test
    void unsupportedSampleSizes() {
        assertProblem(Problem.UNSUPPORTED_FORMAT, "12-bit PCM samples are not supported",
                () -> read(riff(chunk("fmt ", TestWav.fmtBody(PCM, 1, 16_000, 12, 2)),
                        chunk("data", new byte[4]))));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "16-bit IEEE float samples are not supported",
                () -> read(wav(IEEE_FLOAT, 1, 16_000, 16, new byte[4])));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "16-bit A-law samples are not supported",
                () -> read(wav(TestWav.A_LAW, 1, 16_000, 16, new byte[4])));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4_000, 7_999, 192_001, 384_000})
    void sampleRatesOutsideTheRange(int rate) {
        assertProblem(Problem.UNSUPPORTED_FORMAT, "sample rate " + rate + " Hz is outside 8000 to"
                + " 192000 Hz", () -> read(wav(PCM, 1, rate, 16, new byte[4])));
    }

    @Test
    void inconsistentFormat() {
        assertProblem(Problem.CORRUPT, "invalid channel count 0",
                () -> read(wav(PCM, 0, 16_000, 16, new byte[4])));
        assertProblem(Problem.CORRUPT, "block size 3 does not match 1 channels of 16 bits",
                () -> read(riff(chunk("fmt ", TestWav.fmtBody(PCM, 1, 16_000, 16, 3)),
                        chunk("data", new byte[6]))));
        assertProblem(Problem.CORRUPT, "fmt chunk of 12 bytes",
                () -> read(riff(chunk("fmt ", new byte[12]), chunk("data", new byte[6]))));
        assertProblem(Problem.CORRUPT, "extensible fmt chunk too short (16 bytes)",
                () -> read(riff(chunk("fmt ", TestWav.fmtBody(0xFFFE, 1, 16_000, 16, 2)),
                        chunk("data", new byte[6]))));
    }

    @Test
    void notAWavFile() throws IOException {
        Path text = Files.writeString(dir.resolve("speech.wav"), "this is a text file, not audio");
        InvalidMediaException e = assertProblem(Problem.UNSUPPORTED_FORMAT,
                "not a WAV file (no RIFF/WAVE header)", () -> AudioClip.readWav(text));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        // A RIFF file of another kind (AVI).
        byte[] avi = TestWav.concat(TestWav.ascii("RIFF"), TestWav.le32(4), TestWav.ascii("AVI "));
        assertProblem(Problem.UNSUPPORTED_FORMAT, "not a WAV file", () -> read(avi));
    }

    @Test
    void bigEndianRifxAndRf64AreUnsupportedByName() {
        for (String variant : new String[] {"RIFX", "RF64"}) {
            byte[] wav = wav(PCM, 1, 16_000, 16, TestWav.pcm16(1, 2, 3));
            System.arraycopy(TestWav.ascii(variant), 0, wav, 0, 4);
            assertProblem(Problem.UNSUPPORTED_FORMAT, variant + " WAV variant is not supported",
                    () -> read(wav));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 11, 12, 15, 20, 30, 36, 40})
    void truncatedHeader(int cut) {
        byte[] wav = wav(PCM, 1, 16_000, 16, TestWav.pcm16(1, 2, 3));
        // 12 bytes RIFF header, 8 + 16 bytes fmt chunk, 8 bytes data chunk header.
        InvalidMediaException e = assertThrows(InvalidMediaException.class,
                () -> read(Arrays.copyOf(wav, cut)));
        assertEquals(Problem.TRUNCATED, e.problem(), e.getMessage());
    }

    @Test
    void unknownChunkCutShort() {
        byte[] wav = TestWav.concat(riff(TestWav.fmt(PCM, 1, 16_000, 16)),
                chunk("LIST", 1_000, new byte[10]));
        assertProblem(Problem.TRUNCATED, "'LIST' chunk cut short before any data chunk",
                () -> read(wav));
    }

    @Test
    void noDataChunk() {
        assertProblem(Problem.CORRUPT, "no data chunk",
                () -> read(riff(TestWav.fmt(PCM, 1, 16_000, 16), chunk("LIST", new byte[4]))));
    }

    @Test
    void dataBeforeFmt() {
        byte[] wav = riff(chunk("data", TestWav.pcm16(1, 2)), TestWav.fmt(PCM, 1, 16_000, 16));
        assertProblem(Problem.CORRUPT, "data chunk comes before the fmt chunk", () -> read(wav));
    }

    @Test
    void dataChunkClaimingFourGigabytesReadsWhatIsThere() {
        byte[] wav = TestWav.concat(riff(TestWav.fmt(PCM, 2, 48_000, 24)),
                chunk("data", 0xFFFF_FFF0L, TestWav.pcm24(1_000, 3_000, -5, 5, 7, 9)));
        AudioClip clip = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(wav));
        assertEquals(3, clip.length());
        assertEquals(2_000 / 8_388_608f, clip.sample(0), 1e-9f);
    }

    @Test
    void longerThanTheLimitIsTooLarge() {
        byte[] wav = wav(PCM, 1, 8_000, 16, TestWav.pcm16(new int[8_001]));
        assertProblem(Problem.TOO_LARGE, "WAV stream: longer than the limit of 1.0 seconds",
                () -> AudioClip.readWav(new ByteArrayInputStream(wav), 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> AudioClip.readWav(new ByteArrayInputStream(wav), 0));
        assertThrows(IllegalArgumentException.class,
                () -> AudioClip.readWav(new ByteArrayInputStream(wav), Double.NaN));
    }

    @Test
    void endlessStreamStopsAtTheLimit() {
        // A streaming header (unknown sizes) followed by silence that never ends.
        byte[] header = TestWav.concat(TestWav.ascii("RIFF"), TestWav.le32(0xFFFFFFFFL),
                TestWav.ascii("WAVE"), TestWav.fmt(PCM, 1, 48_000, 16),
                TestWav.ascii("data"), TestWav.le32(0xFFFFFFFFL));
        InputStream endless = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < header.length ? header[position++] & 0xff : 0;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertProblem(Problem.TOO_LARGE,
                "longer than the limit of 20.0 seconds",
                () -> AudioClip.readWav(new java.io.BufferedInputStream(endless), 20.0)));
    }
}
