package io.github.affect4j.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.InvalidOptionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Options are checked against the provider discovery picks: a misspelt name, a bad value or an
 * option of another provider fails loudly and never makes discovery fall back.
 */
class OptionValidationTest {

    private final ServicesClassLoader both = new ServicesClassLoader()
            .face(StubProviders.OptionModel.class, StubProviders.OptionHeuristic.class);
    private final ServicesClassLoader modelMissing = new ServicesClassLoader()
            .face(StubProviders.OptionMissingModel.class, StubProviders.OptionHeuristic.class);

    @BeforeEach
    void forgetEarlierCreations() {
        StubProviders.CREATED.clear();
    }

    private DetectorBuilder<FaceEmotionDetector> builder(ServicesClassLoader loader) {
        return EmotionDetectors.faceBuilder().classLoader(loader);
    }

    @Test
    void validOptionsReachTheBestProvider() {
        try (FaceEmotionDetector detector = builder(both).option("mode", "FAST")
                .option("threads", "4").build()) {
            StubFaceDetector stub = (StubFaceDetector) detector;
            assertEquals("model", detector.info().providerId());
            assertEquals("fast", stub.config().getChoice("mode"));
            assertEquals(4, stub.config().getInt("threads"));
        }
    }

    @Test
    void misspeltNameFailsListingTheProvidersOptions() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).option("treads", "2").build());
        assertEquals("unknown option 'treads' for the face provider 'model'; valid options of"
                + " 'model': card, minConfidence, mode, preset, threads", e.getMessage());
        assertEquals("treads", e.option());
        // The heuristic does not take it either, but above all it was not silently used instead.
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void badChoiceFailsListingTheChoicesWithoutFallingBack() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).option("mode", "fst").build());
        assertEquals("face provider 'model': option mode must be one of accurate, fast, got 'fst'",
                e.getMessage());
        assertEquals("mode", e.option());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void outOfRangeValueFailsGivingTheRange() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).option("threads", "65").build());
        assertEquals("face provider 'model': option threads must be an integer in [1, 64],"
                + " got '65'", e.getMessage());
        // Also when the provider is named, and when the value is bad on the heuristic.
        InvalidOptionException heuristic = assertThrows(InvalidOptionException.class,
                () -> builder(both).provider("heuristic").option("minConfidence", "1.5").build());
        assertEquals("face provider 'heuristic': option minConfidence must be a number in"
                + " [0, 1], got '1.5'", heuristic.getMessage());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void badValueFailsEvenWhenTheProviderWouldBeUnavailable() {
        // The user addressed the model provider's option: that is reported, not skipped over.
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(modelMissing).option("threads", "0").build());
        assertEquals("face provider 'model': option threads must be an integer in [1, 64],"
                + " got '0'", e.getMessage());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void badCombinationFoundByTheProviderFails() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).option("card", "/m/card.properties").option("preset", "fer")
                        .build());
        assertEquals("face provider 'model': options card and preset exclude each other",
                e.getMessage());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void optionOfAnotherProviderFailsNamingIt() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).option("minFaceSize", "48").build());
        assertEquals("unknown option 'minFaceSize' for the face provider 'model'; it is an option"
                + " of heuristic (choose that provider by id); valid options of 'model': card,"
                + " minConfidence, mode, preset, threads", e.getMessage());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void optionOfTheFallbackWorksWhenTheBetterProviderIsUnavailable() {
        try (FaceEmotionDetector detector = builder(modelMissing).option("minFaceSize", "48")
                .build()) {
            assertEquals("heuristic", detector.info().providerId());
            assertEquals(48, ((StubFaceDetector) detector).config().getInt("minFaceSize"));
        }
        try (FaceEmotionDetector detector = builder(both).provider("heuristic")
                .options(Map.of("minFaceSize", "48", "minConfidence", "0.6")).build()) {
            assertEquals(0.6, ((StubFaceDetector) detector).config().getDouble("minConfidence"),
                    0.0);
        }
    }

    @Test
    void optionOfAnUnavailableProviderFailsOnTheFallbackSayingWhy() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(modelMissing).option("threads", "2").build());
        assertEquals("unknown option 'threads' for the face provider 'heuristic' (chosen because"
                + " model: model file /nowhere/fer.onnx not found); it is an option of model"
                + " (choose that provider by id); valid options of 'heuristic': minConfidence,"
                + " minFaceSize", e.getMessage());
        assertEquals(List.of(), StubProviders.CREATED);
    }

    @Test
    void namedProviderRejectsOptionsItDoesNotDeclare() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> builder(both).provider("heuristic").option("mode", "fast").build());
        assertEquals("unknown option 'mode' for the face provider 'heuristic'; it is an option of"
                + " model (choose that provider by id); valid options of 'heuristic':"
                + " minConfidence, minFaceSize", e.getMessage());
    }

    @Test
    void sharedNameIsCheckedAgainstTheChosenProvidersDeclaration() {
        try (FaceEmotionDetector detector = builder(both).option("minConfidence", "0.7").build()) {
            assertEquals("model", detector.info().providerId());
            assertEquals(0.7, ((StubFaceDetector) detector).config().getDouble("minConfidence"),
                    0.0);
        }
    }
}
