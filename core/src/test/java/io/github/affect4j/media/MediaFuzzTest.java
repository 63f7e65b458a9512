package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for every reader of outside bytes in {@code io.github.affect4j.media}.
 *
 * <p>{@code ./mvnw verify} replays the committed corpus under
 * {@code src/test/resources/io/github/affect4j/media/MediaFuzzTestInputs/<method>/} (regression
 * mode); {@code scripts/fuzz.sh} fuzzes each target for minutes ({@code JAZZER_FUZZ=1}). Each
 * target lets through only the documented failure, {@link InvalidMediaException}: any other
 * exception, an {@link OutOfMemoryError} (the module's tests run with a 256 MB heap) or a run
 * longer than the timeout is a finding.
 */
class MediaFuzzTest {

    /** Small, so a header that lies about its size must be refused before the pixels exist. */
    private static final long MAX_PIXELS = 1 << 16;

    /** Two seconds, so a data chunk that claims gigabytes must be cut off by the duration. */
    private static final double MAX_SECONDS = 2.0;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sniffFormat(byte[] data) {
        MediaFormat format = MediaFormat.of(data);
        // Recognition looks at no more than the first 12 bytes.
        byte[] head = java.util.Arrays.copyOf(data, Math.min(12, data.length));
        assertEquals(format, MediaFormat.of(head));
        assertTrue(!(format.isImage() && format.isAudio()), format::toString);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void decodeImage(byte[] data) {
        ImageFrame frame;
        try {
            frame = ImageFrame.decode(data, MAX_PIXELS);
        } catch (InvalidMediaException expected) {
            return;
        }
        assertTrue(frame.width() > 0 && frame.height() > 0, frame::toString);
        assertTrue((long) frame.width() * frame.height() <= MAX_PIXELS, frame::toString);
        assertEquals(3 * frame.width() * frame.height(), frame.toBytes(PixelFormat.RGB).length);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readWav(byte[] data) throws java.io.IOException {
        AudioClip clip;
        try {
            clip = AudioClip.readWav(new ByteArrayInputStream(data), MAX_SECONDS);
        } catch (InvalidMediaException expected) {
            return;
        }
        assertTrue(clip.length() > 0, clip::toString);
        assertTrue(clip.durationSeconds() <= MAX_SECONDS + 1.0 / clip.sampleRate(), clip::toString);
        for (float s : clip.samples()) {
            assertTrue(Float.isFinite(s) && Math.abs(s) <= AudioClip.MAX_MAGNITUDE, () -> clip + ": " + s);
        }
    }
}
