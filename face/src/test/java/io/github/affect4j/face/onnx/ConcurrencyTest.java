package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One detector shared by many threads; closing it while they run. */
class ConcurrencyTest {

    private static final int THREADS = 16;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sixteenThreadsGetExactlyTheSequentialResults() throws Exception {
        List<ImageFrame> images = List.of(TestImages.astronaut(), TestImages.twoFaces(),
                TestImages.placed(640, 480, 140, 60, 360), TestImages.gradient(320, 240),
                TestImages.placed(256, 256, 60, 50, 140));
        ImageFrame crop = TestImages.astronaut().crop(new io.github.affect4j.BoundingBox(160, 50, 130, 150));
        try (OnnxFaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of()))) {
            List<FaceAnalysis> expected = new ArrayList<>();
            for (ImageFrame image : images) {
                expected.add(detector.analyze(image));
            }
            FaceResult expectedCrop = detector.analyzeFace(crop);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        int checked = 0;
                        for (int i = 0; i < 3 * images.size(); i++) {
                            int k = (i + offset) % images.size();
                            assertEquals(expected.get(k), detector.analyze(images.get(k)),
                                    "image " + k + " on thread " + offset);
                            checked++;
                            if (i % 5 == 0) {
                                assertEquals(expectedCrop, detector.analyzeFace(crop));
                            }
                        }
                        return checked;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get();
                }
                assertEquals(THREADS * 3 * images.size(), total);
                // Sixteen threads at once, but the pool keeps no more than its bound.
                assertTrue(detector.pooledWorkspaces() >= 1
                        && detector.pooledWorkspaces() <= OnnxFaceEmotionDetector.POOLED_WORKSPACES,
                        "pooled: " + detector.pooledWorkspaces());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void closeWhileThreadsAreRunningWaitsAndThenRefuses() throws Exception {
        FaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of()));
        ImageFrame image = TestImages.twoFaces();
        FaceAnalysis expected = detector.analyze(image);
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
                        FaceAnalysis result = detector.analyze(image);
                        if (!result.equals(expected)) {
                            unexpected.compareAndSet(null, new AssertionError("wrong result " + result));
                        }
                        completed.incrementAndGet();
                    } catch (IllegalStateException e) {
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
        Thread.sleep(300);
        detector.close();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!thread.isAlive(), thread.getName() + " still running");
        }
        if (unexpected.get() != null) {
            throw new AssertionError("a thread failed other than by IllegalStateException",
                    unexpected.get());
        }
        assertEquals(THREADS, refused.get(), "every thread ends refused after close");
        assertTrue(completed.get() > 0, "calls ran before close");
    }

    @Test
    void closeEmptiesTheWorkspacePool() throws Exception {
        OnnxFaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of()));
        assertEquals(0, detector.pooledWorkspaces(), "no workspace before the first call");
        detector.analyze(TestImages.twoFaces());
        assertEquals(1, detector.pooledWorkspaces(), "the call gave its workspace back");
        assertTrue(detector.pooledFloats() > 0);
        detector.close();
        assertEquals(0, detector.pooledWorkspaces(), "close() drops the pool");
        assertEquals(0, detector.pooledFloats());
    }

    @Test
    void aHugeBatchDoesNotGrowThePooledWorkspace() throws Exception {
        ImageFrame face = TestImages.astronaut().crop(new io.github.affect4j.BoundingBox(160, 50, 130, 150));
        try (OnnxFaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of()))) {
            FaceResult one = detector.analyzeFace(face);
            long small = detector.pooledFloats();
            // 40 crops and their mirror images: 80 samples per classifier, in runs of MAX_BATCH.
            List<FaceResult> many = detector.analyzeFaces(java.util.Collections.nCopies(40, face));
            assertEquals(40, many.size());
            for (FaceResult r : many) {
                assertEquals(one, r, "a crop in a large batch scores as it does alone");
            }
            assertEquals(1, detector.pooledWorkspaces());
            assertTrue(detector.pooledFloats() <= 8L * OnnxFaceEmotionDetector.KEPT_FLOATS,
                    "kept " + detector.pooledFloats());
            assertEquals(small, detector.pooledFloats(), "the pooled workspace did not grow");
        }
    }
}
