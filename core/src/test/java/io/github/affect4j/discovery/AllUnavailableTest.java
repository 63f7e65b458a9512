package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every provider reports itself unavailable. */
class AllUnavailableTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }

    @Test
    void exceptionListsEveryProviderWithItsReasonAndCreatesNothing() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.DisabledHeuristic.class, StubProviders.MissingModel.class);
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals("No face emotion detector is available. Providers seen:"
                + "\n  - model (priority 100): model file /nowhere/fer.onnx not found"
                + "\n  - heuristic (priority 10): disabled for this test", e.getMessage());
        assertEquals(List.of(
                new ProviderStatus("model", 100, false, "model file /nowhere/fer.onnx not found"),
                new ProviderStatus("heuristic", 10, false, "disabled for this test")),
                e.rejections());
        assertEquals(List.of(), StubProviders.CREATED);
    }
}
