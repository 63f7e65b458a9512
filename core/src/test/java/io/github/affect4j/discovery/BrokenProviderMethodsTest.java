package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Providers whose id(), priority() or availability() throw, or answer null, are skipped. */
class BrokenProviderMethodsTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }


    private final ServicesClassLoader loader = new ServicesClassLoader().face(
            StubProviders.ThrowingId.class,
            StubProviders.ThrowingPriority.class,
            StubProviders.ThrowingAvailability.class,
            StubProviders.NullAvailability.class,
            StubProviders.ThrowingValidate.class,
            StubProviders.Heuristic.class);

    @Test
    void theWorkingProviderIsUsedDespiteHigherRankedBrokenOnes() {
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        assertEquals(List.of("Heuristic"), StubProviders.CREATED);
    }

    @Test
    void brokenProvidersAreListedWithWhatCouldBeRead() {
        String prefix = StubProviders.class.getName() + "$";
        // Availability is asked after id and priority were read: those failures keep both.
        assertEquals(List.of(
                new ProviderStatus("null-availability", 1000, false,
                        "provider failed: IllegalStateException: availability() returned null"),
                new ProviderStatus("throwing-availability", 1000, false,
                        "provider failed: NoClassDefFoundError: ai/onnxruntime/OrtEnvironment"),
                new ProviderStatus("throwing-validate", 1000, false,
                        "provider failed: validate: IllegalStateException: validate() failed"),
                new ProviderStatus("heuristic", 10, true, ""),
                broken(prefix + "ThrowingId", "IllegalStateException: id() failed"),
                broken(prefix + "ThrowingPriority",
                        "UnsupportedOperationException: priority() failed")),
                EmotionDetectors.faceBuilder().classLoader(loader).providers());
    }

    private static ProviderStatus broken(String className, String reason) {
        return new ProviderStatus(className, Integer.MIN_VALUE, false,
                "provider failed: " + reason);
    }
}
