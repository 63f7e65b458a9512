package io.github.affect4j.face.onnx.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime's natives cannot load (this JVM is told to take them from an empty folder before
 * ONNX Runtime initialises; the class runs in a JVM of its own): the provider still reports
 * itself available (its check is cheap), {@code create} fails with advice, and discovery falls
 * back.
 */
class NativesMissingTest {

    @BeforeAll
    static void pointTheNativesAtAnEmptyFolder() throws Exception {
        Path empty = Files.createTempDirectory("no-onnxruntime-natives");
        System.setProperty("onnxruntime.native.path", empty.toString());
    }

    @Test
    void discoveryFallsBackWhenTheNativesCannotLoad() {
        try (FaceEmotionDetector detector = EmotionDetectors.face()) {
            assertEquals("stub", detector.info().providerId());
        }
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().provider("onnx").build());
        assertTrue(e.getMessage().contains("ONNX Runtime natives could not be loaded")
                && e.getMessage().contains("onnxruntime.native.path"), e.getMessage());
        assertTrue(!e.getMessage().contains(": null)"), "names the real cause: " + e.getMessage());
    }
}
