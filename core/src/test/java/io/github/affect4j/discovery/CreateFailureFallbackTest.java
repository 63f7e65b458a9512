package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider that claims to be available but fails in create() gives way to the next. */
class CreateFailureFallbackTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }

    @Test
    void fallsBackThroughEveryFailingCreateInPriorityOrder() {
        ServicesClassLoader loader = new ServicesClassLoader().face(
                StubProviders.Heuristic.class, StubProviders.NullCreate.class,
                StubProviders.FailingCreate.class, StubProviders.LinkageFailingCreate.class);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        assertEquals(List.of("FailingCreate", "LinkageFailingCreate", "NullCreate", "Heuristic"),
                StubProviders.CREATED);
    }

    @Test
    void whenEveryCreateFailsTheReasonsAreListed() {
        ServicesClassLoader loader = new ServicesClassLoader().face(
                StubProviders.FailingCreate.class, StubProviders.LinkageFailingCreate.class,
                StubProviders.NullCreate.class, StubProviders.DisabledHeuristic.class);
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals("No face emotion detector is available. Providers seen:"
                + "\n  - corrupt-model (priority 300): create failed: IOException: model file"
                + " fer.onnx is corrupt"
                + "\n  - no-natives (priority 200): create failed: UnsatisfiedLinkError: no"
                + " onnxruntime in java.library.path"
                + "\n  - null-create (priority 150): create failed: IllegalStateException:"
                + " create() returned null"
                + "\n  - heuristic (priority 10): disabled for this test", e.getMessage());
    }
}
