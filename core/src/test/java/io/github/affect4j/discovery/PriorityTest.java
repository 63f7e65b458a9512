package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import org.junit.jupiter.api.Test;

/** Among available providers the highest priority wins, whatever the class path order. */
class PriorityTest {

    @Test
    void highestPriorityWins() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.Heuristic.class, StubProviders.Model.class);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("model", detector.info().providerId());
            // The detector built is the provider's own, working object.
            ImageFrame image = ImageFrame.fromPixels(new byte[12], 4, 3, 4, PixelFormat.GRAY);
            assertEquals(1, detector.analyze(image).faces().size());
        }
    }

    @Test
    void unavailableHigherPriorityIsPassedOver() {
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.MissingModel.class, StubProviders.Heuristic.class);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
    }

    @Test
    void equalPrioritiesAreOrderedById() {
        for (ServicesClassLoader loader : new ServicesClassLoader[] {
            new ServicesClassLoader().face(StubProviders.Beta.class, StubProviders.Alpha.class),
            new ServicesClassLoader().face(StubProviders.Alpha.class, StubProviders.Beta.class)}) {
            try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                    .build()) {
                assertEquals("alpha", detector.info().providerId());
            }
        }
    }
}
