package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.testing.SharedDetectorChecks;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
            List<Callable<?>> calls = List.of(() -> detector.analyze(image),
                    () -> detector.analyzeFace(crop));
            List<Object> expected = SharedDetectorChecks.sameResultsOnManyThreads(THREADS, 1, calls);
            assertEquals(1, ((FaceAnalysis) expected.get(0)).faces().size());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void closeWhileOtherThreadsAnalyseWaitsForThemAndThenRefusesCalls() throws Exception {
        ImageFrame image = Samples.astronaut();
        FaceEmotionDetector detector = Detectors.create();
        SharedDetectorChecks.closeWhileCalling(THREADS, detector, () -> detector.analyze(image));
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> detector.analyze(image));
        assertTrue(closed.getMessage().contains("closed"), closed::getMessage);
        assertThrows(IllegalStateException.class, () -> detector.analyzeFace(image));
        detector.close(); // idempotent
    }
}
