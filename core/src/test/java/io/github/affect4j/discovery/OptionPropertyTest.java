package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * System properties {@code affect4j.face.option.NAME} and the shorthand
 * {@code affect4j.face.model} set options, read by discovery alone and checked like builder
 * options. This class has its own JVM; each test clears what it set.
 */
class OptionPropertyTest {

    private final ServicesClassLoader loader = new ServicesClassLoader()
            .face(StubProviders.OptionModel.class, StubProviders.OptionHeuristic.class);

    @AfterEach
    void clearProperties() {
        System.clearProperty("affect4j.face.option.mode");
        System.clearProperty("affect4j.face.option.minConfidence");
        System.clearProperty("affect4j.face.model");
    }

    @Test
    void propertySetsAnOptionAndTheBuilderWins() {
        assertEquals("affect4j.face.option.", EmotionDetectors.FACE_OPTION_PREFIX);
        System.setProperty("affect4j.face.option.mode", "fast");
        System.setProperty("affect4j.face.option.minConfidence", "0.2");
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .option("minConfidence", "0.8").build()) {
            StubFaceDetector stub = (StubFaceDetector) detector;
            assertEquals("fast", stub.config().getChoice("mode"));
            assertEquals(0.8, stub.config().getDouble("minConfidence"), 0.0);
        }
    }

    @Test
    void badPropertyValueFailsNamingTheProperty() {
        System.setProperty("affect4j.face.option.mode", "fst");
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals("face provider 'model': option mode must be one of accurate, fast, got 'fst'"
                + " (from system property affect4j.face.option.mode)", e.getMessage());
    }

    @Test
    void shorthandPropertyIsCheckedLikeTheOptionItSets() {
        System.setProperty("affect4j.face.model", "/models/fer.onnx");
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(loader).build());
        assertEquals("unknown option 'model' (from system property affect4j.face.model) for the"
                + " face provider 'model'; valid options of 'model': card, minConfidence, mode,"
                + " preset, threads", e.getMessage());
        List<ProviderStatus> statuses = EmotionDetectors.faceBuilder().classLoader(loader)
                .providers();
        assertEquals(false, statuses.get(0).usable());
        assertEquals(e.getMessage(), statuses.get(0).reason());
    }
}
