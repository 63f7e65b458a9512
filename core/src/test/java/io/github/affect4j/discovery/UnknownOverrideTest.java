package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking for a provider id nobody has lists what was there instead. */
class UnknownOverrideTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }

    @Test
    void exceptionListsEveryProviderSeen() {
        ServicesClassLoader loader = new ServicesClassLoader().face(StubProviders.Heuristic.class,
                StubProviders.MissingModel.class, StubProviders.ThrowingId.class);
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).provider("onnx").build());
        String throwingId = StubProviders.ThrowingId.class.getName();
        assertEquals("No face emotion detector with provider id 'onnx' is available. Providers"
                + " seen:"
                + "\n  - " + throwingId + " (priority " + Integer.MIN_VALUE + "): provider failed:"
                + " IllegalStateException: id() failed"
                + "\n  - model (priority 100): not requested (asked for 'onnx')"
                + "\n  - heuristic (priority 10): not requested (asked for 'onnx')",
                e.getMessage());
        assertEquals(List.of(
                new ProviderStatus(throwingId, Integer.MIN_VALUE, false,
                        "provider failed: IllegalStateException: id() failed"),
                new ProviderStatus("model", 100, false, "not requested (asked for 'onnx')"),
                new ProviderStatus("heuristic", 10, false, "not requested (asked for 'onnx')")),
                e.rejections());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void idsAreCaseSensitive() {
        ServicesClassLoader loader = new ServicesClassLoader().face(StubProviders.Heuristic.class);
        assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).provider("Heuristic")
                        .build());
    }
}
