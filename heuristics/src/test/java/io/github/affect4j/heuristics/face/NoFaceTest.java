package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Images without a human face give an empty analysis, not an error. */
class NoFaceTest {

    private static FaceEmotionDetector detector;
    /** Keeps every detection, however weak, so a false face cannot hide behind the filter. */
    private static FaceEmotionDetector permissive;

    @BeforeAll
    static void create() {
        detector = Detectors.create();
        permissive = Detectors.create(Map.of("minConfidence", "0", "minNeighbors", "3"));
    }

    @AfterAll
    static void close() {
        detector.close();
        permissive.close();
    }

    @Test
    void smoothGradient() {
        assertNoFace(Samples.gradient(640, 480));
    }

    @Test
    void seededNoise() {
        assertNoFace(Samples.noise(640, 480, 42));
    }

    @Test
    void flatGrey() {
        assertNoFace(Samples.flat(300, 200, 128));
    }

    @Test
    void photoOfACat() {
        assertNoFace(Samples.resource("chelsea.png"));
    }

    @Test
    void photoOfACoffeeCup() {
        assertNoFace(Samples.resource("coffee.png"));
    }

    private static void assertNoFace(ImageFrame image) {
        FaceAnalysis analysis = detector.analyze(image);
        assertEquals(image.width(), analysis.imageWidth());
        assertEquals(image.height(), analysis.imageHeight());
        assertEquals(0, analysis.faces().size(), () -> "faces: " + analysis.faces());
        FaceAnalysis raw = permissive.analyze(image);
        assertEquals(0, raw.faces().size(), () -> "even with minConfidence 0: " + raw.faces());
    }
}
