package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Providers that cannot even be instantiated are skipped and reported. */
class BrokenConstructorTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }


    private final ServicesClassLoader loader = new ServicesClassLoader().face(
            StubProviders.ThrowingConstructor.class,
            "io.github.affect4j.discovery.NoSuchProvider",
            StubProviders.NotAProvider.class,
            StubProviders.Heuristic.class);

    @Test
    void theNextProviderIsUsed() {
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        assertEquals(List.of("Heuristic"), StubProviders.CREATED);
    }

    @Test
    void eachBrokenEntryIsReportedWithItsCause() {
        List<ProviderStatus> statuses = EmotionDetectors.faceBuilder().classLoader(loader)
                .providers();
        assertEquals(4, statuses.size(), statuses::toString);
        assertEquals(new ProviderStatus("heuristic", 10, true, ""), statuses.get(0));
        List<ProviderStatus> broken = statuses.subList(1, 4);
        for (ProviderStatus status : broken) {
            assertEquals("<unloadable>", status.id());
            assertEquals(Integer.MIN_VALUE, status.priority());
            assertFalse(status.usable());
        }
        assertReason(broken, "StubProviders$ThrowingConstructor could not be instantiated"
                + " (caused by IllegalStateException: native library libfer.so missing)");
        assertReason(broken, "Provider io.github.affect4j.discovery.NoSuchProvider not found");
        assertReason(broken, "StubProviders$NotAProvider not a subtype");
    }

    private static void assertReason(List<ProviderStatus> statuses, String part) {
        assertTrue(statuses.stream().anyMatch(s -> s.reason().startsWith("cannot be loaded: ")
                && s.reason().contains(part)), () -> "no reason contains '" + part + "' in "
                + statuses);
    }
}
