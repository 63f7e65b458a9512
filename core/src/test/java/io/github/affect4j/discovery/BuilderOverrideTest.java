package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.spi.DetectorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code DetectorBuilder.provider(id)} picks the named provider and no other. */
class BuilderOverrideTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }


    private final ServicesClassLoader loader = new ServicesClassLoader()
            .face(StubProviders.Model.class, StubProviders.Heuristic.class);

    @Test
    void namedProviderWinsOverHigherPriority() {
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .provider("heuristic").build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        assertEquals(List.of("Heuristic"), StubProviders.CREATED);
    }

    @Test
    void idIsTrimmedAndBlankMeansAutomatic() {
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .provider("  heuristic ").build()) {
            assertEquals("heuristic", detector.info().providerId());
        }
        for (String automatic : new String[] {null, "", "   "}) {
            try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                    .provider("heuristic").provider(automatic).build()) {
                assertEquals("model", detector.info().providerId());
            }
        }
    }

    @Test
    void builderWinsOverTheSystemProperty() {
        System.setProperty(EmotionDetectors.FACE_PROVIDER_PROPERTY, "model");
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().classLoader(loader)
                .provider("heuristic").build()) {
            assertEquals("heuristic", detector.info().providerId());
        } finally {
            System.clearProperty(EmotionDetectors.FACE_PROVIDER_PROPERTY);
        }
    }

    @Test
    void namedProviderThatIsUnavailableIsNotReplacedByAnother() {
        ServicesClassLoader missingModel = new ServicesClassLoader()
                .face(StubProviders.MissingModel.class, StubProviders.Heuristic.class);
        DetectorUnavailableException e = assertThrows(DetectorUnavailableException.class,
                () -> EmotionDetectors.faceBuilder().classLoader(missingModel).provider("model")
                        .build());
        assertEquals("No face emotion detector with provider id 'model' is available. Providers"
                + " seen:"
                + "\n  - model (priority 100): model file /nowhere/fer.onnx not found"
                + "\n  - heuristic (priority 10): not requested (asked for 'model')",
                e.getMessage());
    }

    @Test
    void optionsReachTheProvider() {
        // The example from DetectorBuilder's Javadoc, with the test's class loader.
        ServicesClassLoader loader = new ServicesClassLoader()
                .face(StubProviders.OptionModel.class, StubProviders.OptionHeuristic.class);
        try (FaceEmotionDetector faces = EmotionDetectors.faceBuilder()
                .classLoader(loader)
                .provider("heuristic")
                .option("minFaceSize", "48")
                .build()) {
            StubFaceDetector stub = (StubFaceDetector) faces;
            assertEquals(DetectorConfig.of(StubProviders.HEURISTIC_OPTIONS,
                    Map.of("minFaceSize", "48")), stub.config());
            assertEquals(48, stub.config().getInt("minFaceSize"));
            assertEquals(0.35, stub.config().getDouble("minConfidence"), 0.0);
        }
    }
}
