package io.github.affect4j.face.onnx.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery with the ONNX provider and a low-priority stand-in on the class path (in a fresh
 * JVM: discovery logs each choice once per JVM).
 */
class OnnxDiscoveryTest {

    @TempDir
    Path temp;

    @Test
    void theOnnxProviderIsChosenByDefault() {
        try (FaceEmotionDetector detector = EmotionDetectors.face()) {
            assertEquals("onnx", detector.info().providerId());
        }
        List<ProviderStatus> providers = EmotionDetectors.faceBuilder().providers();
        assertEquals("onnx", providers.get(0).id());
        assertEquals(100, providers.get(0).priority());
        assertTrue(providers.get(0).usable());
    }

    @Test
    void aMissingModelFileMakesItUnavailableAndDiscoveryFallsBack() {
        Path missing = temp.resolve("no-such-model.onnx");
        var builder = EmotionDetectors.faceBuilder()
                .option("classifier.model", missing.toString())
                .option("classifier.preset", "emotion-ferplus-8");
        ProviderStatus onnx = builder.providers().stream()
                .filter(s -> s.id().equals("onnx")).findFirst().orElseThrow();
        assertTrue(!onnx.usable() && onnx.reason().contains(missing.toString())
                && onnx.reason().contains("not found"), onnx::toString);
        try (FaceEmotionDetector detector = builder.build()) {
            assertEquals("stub", detector.info().providerId());
        }
    }

    @Test
    void aModelThatFailsToLoadMakesCreateFailAndDiscoveryFallsBack() throws Exception {
        Path corrupt = Files.write(temp.resolve("corrupt.onnx"), "this is not an ONNX model".getBytes());
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder()
                .option("classifier.model", corrupt.toString())
                .option("classifier.preset", "ferplus").build()) {
            assertEquals("stub", detector.info().providerId());
        }
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().provider("onnx")
                        .option("classifier.model", corrupt.toString())
                        .option("classifier.preset", "ferplus").build());
        assertTrue(e.getMessage().contains("corrupt.onnx") && e.getMessage().contains("create failed"),
                e.getMessage());
    }

    @Test
    void anInvalidOptionIsReportedAsTheReason() {
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().provider("onnx").option("mode", "turbo").build());
        assertTrue(e.getMessage().contains("mode") && e.getMessage().contains("turbo"), e.getMessage());
    }
}
