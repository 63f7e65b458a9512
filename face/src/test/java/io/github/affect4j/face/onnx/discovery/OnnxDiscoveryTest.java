package io.github.affect4j.face.onnx.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
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
    void aMissingModelFileMakesItUnavailableAndTheFallbackRefusesTheModelOption() {
        Path missing = temp.resolve("no-such-model.onnx");
        var builder = EmotionDetectors.faceBuilder()
                .option("model", missing.toString())
                .option("preset", "emotion-ferplus-8");
        ProviderStatus onnx = builder.providers().stream()
                .filter(s -> s.id().equals("onnx")).findFirst().orElseThrow();
        assertTrue(!onnx.usable() && onnx.reason().contains(missing.toString())
                && onnx.reason().contains("not found"), onnx::toString);
        // The stub takes no options: rather than silently dropping the model, the build fails.
        InvalidOptionException e = assertThrows(InvalidOptionException.class, builder::build);
        assertTrue(e.getMessage().startsWith("unknown option 'model' for the face provider 'stub'"
                + " (chosen because onnx: model file " + missing + " not found"), e.getMessage());
        assertTrue(e.getMessage().contains("it is an option of onnx"), e.getMessage());
    }

    @Test
    void aModelThatFailsToLoadIsReportedNotDropped() throws Exception {
        Path corrupt = Files.write(temp.resolve("corrupt.onnx"), "this is not an ONNX model".getBytes());
        InvalidOptionException dropped = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder()
                        .option("model", corrupt.toString())
                        .option("preset", "ferplus").build());
        assertTrue(dropped.getMessage().contains("'stub' (chosen because onnx: create failed")
                && dropped.getMessage().contains("corrupt.onnx"), dropped.getMessage());
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().provider("onnx")
                        .option("model", corrupt.toString())
                        .option("preset", "ferplus").build());
        assertTrue(e.getMessage().contains("corrupt.onnx") && e.getMessage().contains("create failed"),
                e.getMessage());
    }

    @Test
    void anInvalidOptionFailsInsteadOfFallingBack() {
        // Not forced: the stub would be available, but the typo must not downgrade silently.
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().option("mode", "turbo").build());
        assertEquals("face provider 'onnx': option mode must be one of accurate, fast, got"
                + " 'turbo'", e.getMessage());
        InvalidOptionException old = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().option("intraOpThreads", "2").build());
        assertTrue(old.getMessage().startsWith("unknown option 'intraOpThreads' for the face"
                + " provider 'onnx'; valid options of 'onnx': align, card, classifiers, crops,"
                + " detector, flip, iouThreshold, letterbox, maxFaces, minConfidence,"
                + " minFaceSize, mode, model, nms, preset, temperature, threads, weights"),
                old.getMessage());
    }
}
