package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One detector shared by many threads, and closed while they use it. */
class ConcurrencyTest {

    private static final int THREADS = 16;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sharedDetectorGivesTheSequentialResultOnEveryThread() throws Exception {
        ImageFrame image = Samples.astronaut();
        ImageFrame crop = image.crop(Samples.FACE);
        try (FaceEmotionDetector detector = Detectors.create()) {
            FaceAnalysis expected = detector.analyze(image);
            FaceResult expectedCrop = detector.analyzeFace(crop);
            assertEquals(1, expected.faces().size());

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        assertEquals(expected, detector.analyze(image));
                        assertEquals(expectedCrop, detector.analyzeFace(crop));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(); // rethrows any assertion failure from the thread
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void closeWhileOtherThreadsAnalyseWaitsForThemAndThenRefusesCalls() throws Exception {
        ImageFrame image = Samples.astronaut();
        FaceEmotionDetector detector = Detectors.create();
        FaceAnalysis expected = detector.analyze(image);
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    running.countDown();
                    try {
                        while (true) {
                            FaceAnalysis analysis = detector.analyze(image);
                            // A call that returns must have run on intact natives.
                            assertEquals(expected, analysis);
                            completed.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        return e;
                    }
                }));
            }
            assertTrue(running.await(1, TimeUnit.MINUTES));
            while (completed.get() < THREADS) {
                Thread.sleep(10);
            }

            detector.close();

            for (Future<Throwable> future : futures) {
                Throwable ended = future.get(2, TimeUnit.MINUTES);
                if (!(ended instanceof IllegalStateException)) {
                    fail("a thread ended with " + ended + " instead of IllegalStateException", ended);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> detector.analyze(image));
        assertTrue(closed.getMessage().contains("closed"), closed::getMessage);
        assertThrows(IllegalStateException.class, () -> detector.analyzeFace(image));
        detector.close(); // idempotent
    }
}
