package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The choice of provider, and why better-ranked ones were passed over, is logged at INFO once per
 * JVM (slf4j-simple writes to System.err; this class has its own JVM, so nothing was logged
 * before).
 */
class ChoiceLoggingTest {

    @Test
    void choiceIsLoggedOnceWithTheFallbackReason() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.MissingModel.class, StubProviders.Heuristic.class);
        List<String> lines = captureStandardError(() -> {
            for (int i = 0; i < 3; i++) {
                try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder()
                        .classLoader(loader).build()) {
                    assertEquals("heuristic", detector.info().providerId());
                }
            }
        });
        List<String> choices = lines.stream().filter(line -> line.contains("emotion detector:"))
                .toList();
        assertEquals(List.of("[main] INFO io.github.affect4j.EmotionDetectors - face emotion"
                + " detector: heuristic, fell back from model: model file /nowhere/fer.onnx not"
                + " found"), choices, () -> String.join("\n", lines));
    }

    @Test
    void requestedProviderIsLoggedAsRequested() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.Model.class, StubProviders.Heuristic.class);
        List<String> lines = captureStandardError(() -> {
            try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                    .provider("heuristic").build()) {
                assertEquals("heuristic", detector.info().providerId());
            }
        });
        assertEquals(List.of("[main] INFO io.github.affect4j.EmotionDetectors - face emotion"
                + " detector: heuristic (requested)"),
                lines.stream().filter(line -> line.contains("emotion detector:")).toList());
    }

    private static List<String> captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R"));
    }
}
