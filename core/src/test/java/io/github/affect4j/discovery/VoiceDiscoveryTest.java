package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.VoiceEmotionDetector;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Voice discovery follows the same rules, over voice providers only. */
class VoiceDiscoveryTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }


    private final ServicesClassLoader loader = new ServicesClassLoader()
            .voice(StubProviders.VoiceMissingModel.class, StubProviders.VoiceHeuristic.class)
            .face(StubProviders.Model.class);

    @Test
    void fallsBackToTheAvailableVoiceProvider() {
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder().classLoader(loader)
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        assertEquals(List.of("VoiceHeuristic"), StubProviders.CREATED);
        assertEquals(List.of(
                new ProviderStatus("model", 100, false, "model file /nowhere/ser.onnx not found"),
                new ProviderStatus("heuristic", 10, true, "")),
                EmotionDetectors.voiceBuilder().classLoader(loader).providers());
    }

    @Test
    void voicePropertyNamesTheVoiceProvider() {
        System.setProperty(EmotionDetectors.VOICE_PROVIDER_PROPERTY, "model");
        try {
            DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                    () -> EmotionDetectors.voiceBuilder().classLoader(loader).build());
            assertEquals("No voice emotion detector with provider id 'model' is available."
                    + " Providers seen:"
                    + "\n  - model (priority 100): model file /nowhere/ser.onnx not found"
                    + "\n  - heuristic (priority 10): not requested (asked for 'model')",
                    e.getMessage());
        } finally {
            System.clearProperty(EmotionDetectors.VOICE_PROVIDER_PROPERTY);
        }
    }
}
