package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
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
        assertEquals(Availability.ready(), provider.availability(DetectorConfig.empty()));
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
        DetectorConfig config = DetectorConfig.of(Map.of(
                "vadThresholdDb", "12", "pauseSeconds", "0.4", "minSegmentSeconds", "0.3",
                "maxSegmentSeconds", "20", "minSpeechSeconds", "1", "baselineWeight", "0",
                "pitchMinHz", "70", "pitchMaxHz", "400"));
        assertEquals(new VoiceSettings(12, 0.4, 0.3, 20, 1, 0, 70, 400), VoiceSettings.from(config));
        assertEquals(VoiceSettings.DEFAULTS, VoiceSettings.from(DetectorConfig.empty()));
    }

    @Test
    void badOptionsAreReportedNotIgnored() {
        HeuristicVoiceProvider provider = new HeuristicVoiceProvider();
        DetectorConfig outOfRange = DetectorConfig.of(Map.of("vadThresholdDb", "1"));
        Availability availability = provider.availability(outOfRange);
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("vadThresholdDb")
                && availability.reason().contains("got 1"), availability.reason());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(outOfRange));
        assertTrue(e.getMessage().contains("vadThresholdDb"), e.getMessage());

        DetectorConfig notANumber = DetectorConfig.of(Map.of("pauseSeconds", "long"));
        assertTrue(provider.availability(notANumber).reason().contains("pauseSeconds"));
        DetectorConfig inverted = DetectorConfig.of(Map.of(
                "minSegmentSeconds", "3", "maxSegmentSeconds", "2"));
        assertTrue(provider.availability(inverted).reason().contains("maxSegmentSeconds"));
    }

    @Test
    void unrelatedOptionsAreIgnored() {
        HeuristicVoiceProvider provider = new HeuristicVoiceProvider();
        DetectorConfig config = DetectorConfig.of(Map.of("model", "/nowhere/model.onnx"));
        assertTrue(provider.availability(config).available());
    }
}
