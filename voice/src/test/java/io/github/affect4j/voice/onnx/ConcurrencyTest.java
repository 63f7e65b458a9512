package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.fixtures.TestClips;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
        List<AudioClip> clips = clips();
        try (VoiceEmotionDetector detector = load()) {
            List<VoiceAnalysis> expected = new ArrayList<>();
            for (AudioClip clip : clips) {
                expected.add(detector.analyze(clip));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int shift = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        int checked = 0;
                        for (int i = 0; i < clips.size(); i++) {
                            int k = (i + shift) % clips.size();
                            assertEquals(expected.get(k), detector.analyze(clips.get(k)),
                                    "clip " + k + " on thread " + shift);
                            checked++;
                        }
                        return checked;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get(90, TimeUnit.SECONDS);
                }
                assertEquals(THREADS * clips.size(), total);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeRacingWithCallsWaitsForThemAndThenRefusesEveryCall() throws Exception {
        VoiceEmotionDetector detector = load();
        AudioClip clip = TestClips.synthetic("03-01-03-01-02-01-04.wav");
        VoiceAnalysis expected = detector.analyze(clip);
        VoiceEmotionStream stream = detector.openStream(16_000);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                running.countDown();
                while (true) {
                    try {
                        VoiceAnalysis got = detector.analyze(clip);
                        if (!got.equals(expected)) {
                            unexpected.compareAndSet(null, new AssertionError("wrong result " + got));
                        }
                        completed.incrementAndGet();
                    } catch (IllegalStateException e) {
                        if (!e.getMessage().contains("closed")) {
                            unexpected.compareAndSet(null, e);
                        }
                        refused.incrementAndGet();
                        return;
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                        return;
                    }
                }
            }, "analyze-" + t);
            thread.start();
            threads.add(thread);
        }
        running.await();
        Thread.sleep(200);
        detector.close();
        detector.close();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!thread.isAlive(), thread.getName() + " still running");
        }
        if (unexpected.get() != null) {
            throw new AssertionError("a call failed other than by IllegalStateException",
                    unexpected.get());
        }
        assertEquals(THREADS, refused.get(), "every thread ends refused after close");
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
            AtomicInteger clashes = new AtomicInteger();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> feeders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread feeder = new Thread(() -> {
                    try {
                        start.await();
                        for (int from = 0; from + 320 <= samples.length; from += 320) {
                            try {
                                stream.accept(Arrays.copyOfRange(samples, from, from + 320));
                            } catch (IllegalStateException e) {
                                if (!e.getMessage().contains("one thread at a time")) {
                                    throw e;
                                }
                                clashes.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                    }
                }, "feeder-" + t);
                feeder.start();
                feeders.add(feeder);
            }
            start.countDown();
            for (Thread feeder : feeders) {
                feeder.join(TimeUnit.SECONDS.toMillis(60));
                assertTrue(!feeder.isAlive(), feeder.getName() + " still running");
            }
            if (unexpected.get() != null) {
                throw new AssertionError("a stream call failed unclearly", unexpected.get());
            }
            // After the clash the stream still works for a single feeder.
            stream.accept(new float[320]);
            stream.flush();
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
