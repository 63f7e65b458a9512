package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery, options and the detector's description. */
class HeuristicVoiceProviderTest {

    @Test
    void isRegisteredAsAService() {
        List<VoiceDetectorProvider> providers = ServiceLoader.load(VoiceDetectorProvider.class)
                .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertTrue(providers.stream().anyMatch(p -> p instanceof HeuristicVoiceProvider),
                providers.toString());
    }

    @Test
    void describesItself() {
        HeuristicVoiceProvider provider = new HeuristicVoiceProvider();
        assertEquals("heuristic", provider.id());
        assertEquals(DetectorProvider.HEURISTIC_PRIORITY, provider.priority());
        assertEquals(Availability.ready(),
                provider.availability(DetectorConfig.defaults(provider.options())));
    }

    @Test
    void isFoundByTheFacade() {
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder()
                .provider("heuristic").option("pauseSeconds", "0.5").build()) {
            assertInstanceOf(ProsodicVoiceDetector.class, detector);
            assertEquals(0.5, ((ProsodicVoiceDetector) detector).settings().pauseSeconds());
            assertEquals("heuristic", detector.info().providerId());
            assertEquals("none", detector.info().model());
            assertFalse(detector.info().description().isBlank());
        }
    }

    @Test
    void readsEveryOption() {
        assertEquals(new VoiceSettings(12, 0.4, 0.3, 20, 1, 0, 70, 400), VoiceSettings.from(Map.of(
                "vadThresholdDb", "12", "pauseSeconds", "0.4", "minSegmentSeconds", "0.3",
                "maxSegmentSeconds", "20", "minSpeechSeconds", "1", "baselineWeight", "0",
                "pitchMinHz", "70", "pitchMaxHz", "400")));
        // the declared defaults are the ones used
        assertEquals(VoiceSettings.DEFAULTS, VoiceSettings.from(Map.of()));
    }

    private static InvalidOptionException buildFails(String... options) {
        var builder = EmotionDetectors.voiceBuilder();
        for (int i = 0; i < options.length; i += 2) {
            builder.option(options[i], options[i + 1]);
        }
        return assertThrows(InvalidOptionException.class, builder::build);
    }

    @Test
    void badOptionsFailTheBuildNamingTheRange() {
        assertEquals("voice provider 'heuristic': option vadThresholdDb must be a number in"
                + " [3, 40], got '1'", buildFails("vadThresholdDb", "1").getMessage());
        assertEquals("voice provider 'heuristic': option pauseSeconds must be a number in"
                + " [0.05, 5], got 'long'", buildFails("pauseSeconds", "long").getMessage());
        assertEquals("voice provider 'heuristic': option minSegmentSeconds (3) must be below"
                + " maxSegmentSeconds (2)",
                buildFails("minSegmentSeconds", "3", "maxSegmentSeconds", "2").getMessage());
        assertTrue(buildFails("pitchMinHz", "250", "pitchMaxHz", "250").getMessage()
                .contains("pitchMaxHz"));
    }

    @Test
    void optionsOfOtherProvidersAreRefused() {
        // Before, the heuristic ignored the onnx provider's model option: a silent downgrade.
        InvalidOptionException e = buildFails("model", "/nowhere/model.onnx");
        assertEquals("unknown option 'model' for the voice provider 'heuristic'; valid options of"
                + " 'heuristic': baselineWeight, maxSegmentSeconds, minSegmentSeconds,"
                + " minSpeechSeconds, pauseSeconds, pitchMaxHz, pitchMinHz, vadThresholdDb",
                e.getMessage());
    }
}
