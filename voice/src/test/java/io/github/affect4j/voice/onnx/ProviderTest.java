package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Availability reasons, configuration and load errors. */
class ProviderTest {

    private final OnnxVoiceDetectorProvider provider = new OnnxVoiceDetectorProvider();

    @TempDir
    Path dir;

    @Test
    void withoutAModelItIsUnavailableAndSaysHowToConfigureOne() {
        Availability a = provider.availability(DetectorConfig.defaults(OnnxVoiceDetectorProvider.OPTIONS));
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("no voice model configured"), a.reason());
        assertTrue(a.reason().contains("affect4j.voice.model"), a.reason());
        // Discovery lists it with that reason; with only this module, nothing can serve.
        ProviderStatus status = EmotionDetectors.voiceBuilder().providers().stream()
                .filter(s -> s.id().equals("onnx")).findFirst().orElseThrow();
        assertEquals(100, status.priority());
        assertFalse(status.usable());
        assertTrue(status.reason().startsWith("no voice model configured"), status.reason());
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                EmotionDetectors::voice);
        assertTrue(e.getMessage().contains("no voice model configured"), e.getMessage());
    }

    @Test
    void theSystemPropertyNamesTheModel() {
        System.setProperty(EmotionDetectors.VOICE_MODEL_PROPERTY,
                FixtureModels.syntheticModel().toString());
        try (VoiceEmotionDetector d = EmotionDetectors.voice()) {
            assertEquals("onnx", d.info().providerId());
        } finally {
            System.clearProperty(EmotionDetectors.VOICE_MODEL_PROPERTY);
        }
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Path model = dir.resolve("none.onnx");
        assertEquals("voice model file " + model + " not found",
                provider.availability(config(model)).reason());
        Files.copy(FixtureModels.syntheticModel(), model);
        assertTrue(provider.availability(config(model)).reason().startsWith(
                "model card " + dir.resolve("none.card.properties") + " not found"));
    }

    @Test
    void badCardsAndModelsAreRejectedWithTheFileAndTheReason() throws Exception {
        Path model = dir.resolve("m.onnx");
        Path card = dir.resolve("m.card.properties");
        Files.copy(FixtureModels.syntheticModel(), model);
        String good = Files.readString(VoiceModelCard.cardPath(FixtureModels.syntheticModel()));

        Files.writeString(card, good.replace("labels=", "labels=boredom, "));
        Availability a = provider.availability(config(model));
        assertFalse(a.available());
        assertTrue(a.reason().contains("'boredom' is not an emotion label"), a.reason());

        // An unknown enum value lists the choices as they are written in a card.
        Files.writeString(card, good.replaceFirst("\nnormalisation=[^\n]*", "\nnormalisation=zscore"));
        String unknown = provider.availability(config(model)).reason();
        assertTrue(unknown.contains("normalisation must be one of [none, speaker-mean, speaker-blend], got 'zscore'"),
                unknown);

        Files.writeString(card, good.replace("featureSet=affect4j-voice-features/1",
                "featureSet=affect4j-voice-features/9"));
        assertTrue(provider.availability(config(model)).reason().contains("unknown feature set"));

        // A card listing one feature less than the model takes.
        String fewer = good.replaceFirst("\nfeatures=[^,]*, ", "\nfeatures=")
                .replaceFirst("features\\.impute=[^,]*, ", "features.impute=");
        Files.writeString(card, fewer.replaceFirst("normalisation\\.mean=[^,]*, ",
                "normalisation.mean="));
        Availability fewerFeatures = provider.availability(config(model));
        assertTrue(fewerFeatures.available(), fewerFeatures.reason());
        InvalidModelException shape = assertThrows(InvalidModelException.class,
                () -> provider.create(config(model)));
        assertTrue(shape.getMessage().startsWith("m.onnx: input 'features' has shape"),
                shape.getMessage());

        Files.writeString(card, good);
        Files.write(model, new byte[] {1, 2, 3, 4});
        InvalidModelException corrupt = assertThrows(InvalidModelException.class,
                () -> provider.create(config(model)));
        assertTrue(corrupt.getMessage().startsWith("m.onnx: not a model ONNX Runtime can load"),
                corrupt.getMessage());

        InvalidOptionException threads = assertThrows(InvalidOptionException.class,
                () -> DetectorConfig.of(OnnxVoiceDetectorProvider.OPTIONS,
                        Map.of("model", model.toString(), "threads", "0")));
        assertEquals("option threads must be an integer in [1, 64], got '0'",
                threads.getMessage());
    }

    private static DetectorConfig config(Path model) {
        return DetectorConfig.of(OnnxVoiceDetectorProvider.OPTIONS, Map.of("model", model.toString()));
    }
}
