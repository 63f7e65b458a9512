package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing on the class path provides a detector. */
class NoProviderTest {

    private static final String FACE_MESSAGE = "No face emotion detector is available. No face"
            + " detector provider is on the class path: add affect4j-heuristics (rule-based) or the"
            + " model-backed module.";

    @Test
    void emptyServicesIndex() {
        ServicesClassLoader loader = new ServicesClassLoader();
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals(FACE_MESSAGE, e.getMessage());
        assertEquals(List.of(), e.rejections());
        assertEquals(List.of(), EmotionDetectors.faceBuilder().classLoader(loader).providers());
    }

    @Test
    void defaultClassLoaderOfTheCoreTestsHasNoProvider() {
        // core's test class path holds no provider module.
        DetectorUnavailableException face = assertThrows(DetectorUnavailableException.class,
                EmotionDetectors::face);
        assertEquals(FACE_MESSAGE, face.getMessage());
        DetectorUnavailableException voice = assertThrows(DetectorUnavailableException.class,
                EmotionDetectors::voice);
        assertEquals("No voice emotion detector is available. No voice detector provider is on the"
                + " class path: add affect4j-heuristics (rule-based) or the model-backed module.",
                voice.getMessage());
    }

    @Test
    void voiceProvidersDoNotServeFaces() {
        ServicesClassLoader loader = new ServicesClassLoader().voice(StubProviders.VoiceHeuristic.class);
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals(FACE_MESSAGE, e.getMessage());
    }
}
