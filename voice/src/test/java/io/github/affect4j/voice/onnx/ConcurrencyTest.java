package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.testing.SharedDetectorChecks;
import io.github.affect4j.voice.fixtures.TestClips;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The onnx voice detector (with the committed synthetic model) shared by sixteen threads,
 * closed while they run, and its streams used from several threads.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConcurrencyTest {

    private static final int THREADS = 16;

    private static VoiceEmotionDetector load() {
        return EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", FixtureModels.syntheticModel().toString()).build();
    }

    private static List<AudioClip> clips() {
        return List.of(TestClips.synthetic("03-01-03-01-02-01-04.wav"),
                TestClips.resample(TestClips.synthetic("03-01-05-01-01-01-01.wav"), 44_100),
                TestClips.resample(TestClips.synthetic("03-01-01-01-01-01-02.wav"), 8_000),
                AudioClip.of(new float[16_000], 16_000));
    }

    @Test
    void sixteenThreadsGetExactlyTheSequentialResults() throws Exception {
        try (VoiceEmotionDetector detector = load()) {
            List<Callable<?>> calls = new ArrayList<>();
            for (AudioClip clip : clips()) {
                calls.add(() -> detector.analyze(clip));
            }
            SharedDetectorChecks.sameResultsOnManyThreads(THREADS, 1, calls);
        }
    }

    @Test
    void closeRacingWithCallsWaitsForThemAndThenRefusesEveryCall() throws Exception {
        VoiceEmotionDetector detector = load();
        AudioClip clip = TestClips.synthetic("03-01-03-01-02-01-04.wav");
        VoiceEmotionStream stream = detector.openStream(16_000);
        SharedDetectorChecks.closeWhileCalling(THREADS, detector, () -> detector.analyze(clip));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> detector.analyze(clip));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> detector.openStream(16_000));
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[320]));
        assertThrows(IllegalStateException.class, stream::flush);
    }

    /** Chunks fed in order, each from whichever pool thread is free: as on one thread. */
    @Test
    void aStreamHandedFromThreadToThreadGivesTheSingleThreadSegments() throws Exception {
        float[] samples = TestClips.synthetic("03-01-03-01-02-01-04.wav").samples();
        try (VoiceEmotionDetector detector = load()) {
            List<VoiceResult> alone = feed(detector, samples, null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                assertEquals(alone, feed(detector, samples, pool));
            } finally {
                pool.shutdownNow();
            }
            assertTrue(!alone.isEmpty(), "the clip has speech");
        }
    }

    /**
     * Two threads feeding one stream at once: each call either works or fails at once with an
     * IllegalStateException that says why; nothing else escapes and nothing hangs.
     */
    @Test
    void aStreamFedFromTwoThreadsAtOnceFailsClearly() throws Exception {
        float[] samples = TestClips.synthetic("03-01-03-01-02-01-04.wav").samples();
        try (VoiceEmotionDetector detector = load();
             VoiceEmotionStream stream = detector.openStream(16_000)) {
            SharedDetectorChecks.twoFeedersAtOnce(stream, samples);
        }
    }

    private static List<VoiceResult> feed(VoiceEmotionDetector detector, float[] samples,
                                          ExecutorService pool) throws Exception {
        List<VoiceResult> results = new ArrayList<>();
        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
            for (int from = 0; from < samples.length; from += 320) {
                float[] chunk = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 320));
                results.addAll(pool == null ? stream.accept(chunk)
                        : pool.submit(() -> stream.accept(chunk)).get(30, TimeUnit.SECONDS));
            }
            results.addAll(pool == null ? stream.flush()
                    : pool.submit(stream::flush).get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
