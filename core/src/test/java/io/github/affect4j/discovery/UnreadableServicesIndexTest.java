package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the services index itself cannot be read, ServiceLoader fails again on every call without
 * moving on: discovery must report that once, not once per retry.
 */
class UnreadableServicesIndexTest {

    @Test
    void failureIsReportedOnce() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.Heuristic.class).unreadableIndex();
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals(1, e.rejections().size(), e::getMessage);
        ProviderStatus status = e.rejections().get(0);
        assertEquals("<unloadable>", status.id());
        assertEquals("cannot be loaded: ServiceConfigurationError: "
                + "io.github.affect4j.spi.FaceDetectorProvider: Error locating configuration files"
                + " (caused by IOException: services index unreadable (simulated disk error))",
                status.reason());
        assertEquals(List.of(status), EmotionDetectors.faceBuilder().classLoader(loader)
                .providers());
    }
}
