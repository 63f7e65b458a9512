package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.testing.SharedDetectorChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
            List<Callable<?>> calls = new ArrayList<>();
            for (ImageFrame image : images) {
                calls.add(() -> detector.analyze(image));
            }
            calls.add(() -> detector.analyzeFace(crop));
            SharedDetectorChecks.sameResultsOnManyThreads(THREADS, 3, calls);
            // Sixteen threads at once, but the pool keeps no more than its bound.
            assertTrue(detector.pooledWorkspaces() >= 1
                    && detector.pooledWorkspaces() <= OnnxFaceEmotionDetector.POOLED_WORKSPACES,
                    "pooled: " + detector.pooledWorkspaces());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void closeWhileThreadsAreRunningWaitsAndThenRefuses() throws Exception {
        FaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of()));
        ImageFrame image = TestImages.twoFaces();
        SharedDetectorChecks.closeWhileCalling(THREADS, detector, () -> detector.analyze(image));
        assertThrows(IllegalStateException.class, () -> detector.analyzeFace(image));
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
