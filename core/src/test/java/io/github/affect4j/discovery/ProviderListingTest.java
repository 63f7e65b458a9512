package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.spi.OptionSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code providers()} lists every provider best first, under the builder's options. */
class ProviderListingTest {
    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }


    private final ServicesClassLoader loader = new ServicesClassLoader().face(
            StubProviders.DisabledHeuristic.class,
            StubProviders.ThrowingConstructor.class,
            StubProviders.NeedsOption.class,
            StubProviders.OptionModel.class,
            StubProviders.Beta.class);

    @Test
    void statusesBestFirstWithoutCreatingAnything() {
        List<ProviderStatus> statuses = EmotionDetectors.faceBuilder().classLoader(loader)
                .providers();
        assertEquals(List.of("model", "beta", "needs-option", "heuristic", "<unloadable>"),
                statuses.stream().map(ProviderStatus::id).toList());
        assertEquals(new ProviderStatus("model", 100, true, "", StubProviders.MODEL_OPTIONS),
                statuses.get(0));
        assertEquals(new ProviderStatus("needs-option", 20, false, "option modelPath is not set",
                List.of(OptionSpec.path("modelPath", "the model"))), statuses.get(2));
        assertEquals(new ProviderStatus("heuristic", 10, false, "disabled for this test"),
                statuses.get(3));
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void availabilityIsJudgedUnderTheBuilderOptions() {
        DetectorBuilder<FaceEmotionDetector> builder = EmotionDetectors.faceBuilder()
                .classLoader(loader).option("modelPath", "/models/fer.onnx");
        List<ProviderStatus> statuses = builder.providers();
        assertEquals(new ProviderStatus("needs-option", 20, true, "",
                List.of(OptionSpec.path("modelPath", "the model"))), statuses.get(2));
        // The others do not take modelPath: listed as unusable, saying so.
        assertEquals("unknown option 'modelPath' for the face provider 'model'; it is an option of"
                + " needs-option (choose that provider by id); valid options of 'model': card,"
                + " minConfidence, mode, preset, threads", statuses.get(0).reason());
        assertEquals(false, statuses.get(0).usable());
        try (FaceEmotionDetector detector = builder.provider("needs-option").build()) {
            assertEquals("needs-option", detector.info().providerId());
        }
    }

    @Test
    void listIsACopy() {
        List<ProviderStatus> statuses = EmotionDetectors.faceBuilder().classLoader(loader)
                .providers();
        statuses.clear();
        assertEquals(5, EmotionDetectors.faceBuilder().classLoader(loader).providers().size());
    }

    @Test
    void optionNamesMustNotBeBlank() {
        DetectorBuilder<FaceEmotionDetector> builder = EmotionDetectors.faceBuilder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.option(" ", "x"));
        assertEquals("option name must not be blank", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.option(null, "x"));
        assertThrows(NullPointerException.class, () -> builder.option("minFaceSize", null));
    }
}
