package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One detector shared by many threads; close() while calls run. */
class ThreadSafetyTest {

    private static List<AudioClip> clips() {
        List<AudioClip> clips = new ArrayList<>();
        clips.add(TestAudio.speech());
        clips.add(TestAudio.resample(TestAudio.resource("us-fox-aroused.wav"), 44_100));
        clips.add(TestAudio.resource("de-zug-calm.wav"));
        clips.add(TestAudio.resample(TestAudio.resource("usf-seven-calm.wav"), 8_000));
        clips.add(AudioClip.of(TestAudio.noise(22_050, 1, 0.01, 7), 22_050));
        return clips;
    }

    @Test
    void sixteenThreadsGetTheSequentialResults() throws Exception {
        List<AudioClip> clips = clips();
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            List<VoiceAnalysis> expected = new ArrayList<>();
            for (AudioClip clip : clips) {
                expected.add(detector.analyze(clip));
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<VoiceAnalysis>>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int shift = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<VoiceAnalysis> got = new ArrayList<>();
                        for (int i = 0; i < clips.size(); i++) {
                            // Each thread walks the clips in a different order.
                            int k = (i + shift) % clips.size();
                            got.add(detector.analyze(clips.get(k)));
                        }
                        return got;
                    }));
                }
                start.countDown();
                for (int t = 0; t < futures.size(); t++) {
                    List<VoiceAnalysis> got = futures.get(t).get(10, TimeUnit.MINUTES);
                    for (int j = 0; j < got.size(); j++) {
                        int k = (j % clips.size() + t) % clips.size();
                        assertEquals(expected.get(k), got.get(j), "thread " + t + " call " + j);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void streamsOfOneDetectorAreIndependent() throws Exception {
        AudioClip a = TestAudio.resource("us-fox-aroused.wav");
        AudioClip b = TestAudio.resource("gb-fox-calm.wav");
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            VoiceAnalysis expectedA = detector.analyze(a);
            VoiceAnalysis expectedB = detector.analyze(b);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    AudioClip clip = t % 2 == 0 ? a : b;
                    VoiceAnalysis expected = t % 2 == 0 ? expectedA : expectedB;
                    futures.add(pool.submit(() -> {
                        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
                            float[] s = clip.samples();
                            List<io.github.affect4j.VoiceResult> got = new ArrayList<>();
                            for (int from = 0; from < s.length; from += 320) {
                                got.addAll(stream.accept(java.util.Arrays.copyOfRange(s, from,
                                        Math.min(s.length, from + 320))));
                            }
                            got.addAll(stream.flush());
                            return got.equals(expected.segments());
                        }
                    }));
                }
                for (Future<Boolean> f : futures) {
                    assertTrue(f.get(10, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeWhileCallsRunIsSafe() throws Exception {
        AudioClip clip = TestAudio.resource("us-seven-calm.wav");
        ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
        VoiceAnalysis expected = detector.analyze(clip);
        VoiceEmotionStream stream = detector.openStream(16_000);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch running = new CountDownLatch(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    running.countDown();
                    while (true) {
                        try {
                            VoiceAnalysis got = detector.analyze(clip);
                            if (!got.equals(expected)) {
                                fail("a call that ran got a different result");
                            }
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            running.await();
            detector.close();
            detector.close();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every thread ended by being refused, none by another failure.
        assertEquals(4, refused.get());
        assertThrows(IllegalStateException.class, () -> detector.analyze(clip));
        assertThrows(IllegalStateException.class, () -> detector.openStream(16_000));
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[160]));
        assertThrows(IllegalStateException.class, stream::flush);
    }

    /**
     * Two threads feeding one stream at once: each call either works or fails at once with an
     * IllegalStateException that says why; nothing else escapes and nothing hangs. Afterwards
     * the stream still serves a single feeder.
     */
    @Test
    void aStreamFedFromTwoThreadsAtOnceFailsClearly() throws Exception {
        float[] samples = TestAudio.resource("us-fox-aroused.wav").samples();
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
             VoiceEmotionStream stream = detector.openStream(16_000)) {
            java.util.concurrent.atomic.AtomicReference<Throwable> unexpected =
                    new java.util.concurrent.atomic.AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> feeders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread feeder = new Thread(() -> {
                    try {
                        start.await();
                        for (int from = 0; from + 320 <= samples.length; from += 320) {
                            try {
                                stream.accept(java.util.Arrays.copyOfRange(samples, from, from + 320));
                            } catch (IllegalStateException e) {
                                if (!e.getMessage().contains("one thread at a time")) {
                                    throw e;
                                }
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
            stream.accept(new float[320]);
            stream.flush();
        }
    }
}
