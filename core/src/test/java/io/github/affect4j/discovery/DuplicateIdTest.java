package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two providers claiming one id: the first on the class path keeps it and the other is ignored
 * and reported, even when it ranks higher, so an id always means one implementation.
 */
class DuplicateIdTest {

    @Test
    void firstOnTheClassPathKeepsTheId() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.Heuristic.class, StubProviders.SecondHeuristic.class);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("stub made by Heuristic", detector.info().description());
        }
        assertEquals(List.of(
                new ProviderStatus("heuristic", 50, false, "duplicate id: "
                        + StubProviders.SecondHeuristic.class.getName() + " ignored"),
                new ProviderStatus("heuristic", 10, true, "")),
                EmotionDetectors.faceBuilder().classLoader(loader).providers());
    }

    @Test
    void namingTheDuplicatedIdGivesTheFirst() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.SecondHeuristic.class, StubProviders.Heuristic.class);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .provider("heuristic").build()) {
            assertEquals("stub made by SecondHeuristic", detector.info().description());
        }
    }
}
