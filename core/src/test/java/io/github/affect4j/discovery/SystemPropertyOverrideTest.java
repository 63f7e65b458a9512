package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system property {@code affect4j.face.provider} names the provider, as a deployment would
 * with {@code -Daffect4j.face.provider=heuristic}. This class has its own JVM, so setting the
 * property cannot leak into other tests.
 */
class SystemPropertyOverrideTest {

    private final ServicesClassLoader loader = new ServicesClassLoader()
            .face(StubProviders.Model.class, StubProviders.Heuristic.class)
            .voice(StubProviders.VoiceHeuristic.class);

    @BeforeAll
    static void setProperty() {
        System.setProperty("affect4j.face.provider", " heuristic ");
    }

    @AfterAll
    static void clearProperty() {
        System.clearProperty("affect4j.face.provider");
    }

    @Test
    void propertyPicksTheNamedProviderOverAHigherPriority() {
        assertEquals("affect4j.face.provider", EmotionDetectors.FACE_PROVIDER_PROPERTY);
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
    }

    @Test
    void propertyNamingAnUnknownIdFails() {
        System.setProperty("affect4j.face.provider", "onnx");
        try {
            DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                    () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
            assertEquals("No face emotion detector with provider id 'onnx' is available."
                    + " Providers seen:"
                    + "\n  - model (priority 100): not requested (asked for 'onnx')"
                    + "\n  - heuristic (priority 10): not requested (asked for 'onnx')",
                    e.getMessage());
        } finally {
            System.setProperty("affect4j.face.provider", " heuristic ");
        }
    }

    @Test
    void facePropertyDoesNotSteerVoice() {
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        System.setProperty("affect4j.face.provider", "model");
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        } finally {
            System.setProperty("affect4j.face.provider", " heuristic ");
        }
    }
}
