package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.FaceDetectorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registration, options and creation. */
class HeuristicFaceDetectorProviderTest {

    private final HeuristicFaceDetectorProvider provider = new HeuristicFaceDetectorProvider();

    @Test
    void isRegisteredAsAServiceWithItsIdAndThePriorityOfAFallback() {
        List<FaceDetectorProvider> found = ServiceLoader.load(FaceDetectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof HeuristicFaceDetectorProvider).toList();

        assertEquals(1, found.size());
        assertEquals("heuristic", found.get(0).id());
        assertEquals(DetectorProvider.HEURISTIC_PRIORITY, found.get(0).priority());
    }

    @Test
    void isAvailableWithDefaultOptions() {
        assertEquals(Availability.ready(),
                provider.availability(DetectorConfig.defaults(provider.options())));
    }

    @ParameterizedTest
    @CsvSource({"minFaceSize, 0, '[1, 10000]'", "minFaceSize, big, '[1, 10000]'",
            "smallestFace, 10, '[20, 10000]'", "maxImageSide, 32, '[64, 16384]'",
            "scaleFactor, 1.0, '[1.01, 2]'", "scaleFactor, NaN, '[1.01, 2]'",
            "minNeighbors, 0, '[1, 100]'", "minConfidence, 1.5, '[0, 1]'"})
    void invalidOptionsFailTheBuildNamingTheOptionValueAndRange(String name, String value,
                                                                String range) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().option(name, value).build());
        assertEquals(name, e.option());
        assertTrue(e.getMessage().startsWith("face provider 'heuristic': option " + name
                + " must be ") && e.getMessage().endsWith(range + ", got '" + value + "'"),
                e::getMessage);
    }

    @Test
    void misspeltOptionFailsListingTheValidOnes() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.faceBuilder().option("minFaceSise", "48").build());
        assertEquals("unknown option 'minFaceSise' for the face provider 'heuristic'; valid"
                + " options of 'heuristic': cascadeDirectory, maxImageSide, minConfidence,"
                + " minFaceSize, minNeighbors, scaleFactor, smallestFace", e.getMessage());
    }

    @Test
    void declaredDefaultsAreTheOnesUsed() {
        assertEquals(new HeuristicFaceOptions(40, 24, 1024, 1.1, 3, 0.35, null),
                HeuristicFaceOptions.from(Map.of()));
    }

    @Test
    void incompleteCascadeDirectoryMakesItUnavailable() {
        DetectorConfig config = DetectorConfig.of(provider.options(),
                Map.of("cascadeDirectory", "/no/such/folder"));
        Availability availability = provider.availability(config);
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("cascadeDirectory")
                && availability.reason().contains("/no/such/folder"), availability::reason);
        assertThrows(IllegalArgumentException.class, () -> provider.create(config));
    }

    @Test
    void discoveryBuildsItWhenAskedForByIdAndDescribesItHonestly() {
        try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder().provider("heuristic")
                .option("minFaceSize", "48").build()) {
            DetectorInfo info = detector.info();

            assertEquals("heuristic", info.providerId());
            assertEquals("none", info.model());
            assertTrue(info.description().contains("not a trained emotion model"),
                    info::description);
            assertTrue(info.description().contains("OpenCV"), info::description);
        }
    }

    @Test
    void loadsCascadesFromAConfiguredDirectory(@TempDir Path directory) throws IOException {
        for (String name : BundledCascades.NAMES) {
            try (InputStream in = BundledCascades.class.getResourceAsStream(name)) {
                Files.copy(in, directory.resolve(name));
            }
        }
        try (FaceEmotionDetector detector = provider.create(DetectorConfig.of(provider.options(),
                Map.of("cascadeDirectory", directory.toString())))) {
            assertEquals(Emotion.HAPPINESS,
                    detector.analyze(Samples.astronaut()).faces().get(0).dominant());
        }
    }

    @Test
    void aCorruptCascadeFailsCreateNamingTheFile(@TempDir Path directory) throws IOException {
        for (String name : BundledCascades.NAMES) {
            Files.writeString(directory.resolve(name), "<opencv_storage>not a cascade");
        }
        DetectorConfig config = DetectorConfig.of(provider.options(),
                Map.of("cascadeDirectory", directory.toString()));

        RuntimeException e = assertThrows(RuntimeException.class, () -> provider.create(config));
        assertTrue(e.getMessage().contains(BundledCascades.FACE), e::getMessage);
    }

    @Test
    void bundledCascadesAreExtractedOnceAndComplete() {
        Path first = BundledCascades.directory();

        assertTrue(BundledCascades.complete(first));
        assertEquals(first, BundledCascades.directory());
    }

    @Test
    void bundledCascadesAreExtractedAgainWhenATempCleanerRemovedThem() throws IOException {
        Path first = BundledCascades.directory();
        Files.delete(first.resolve(BundledCascades.SMILE));

        Path second = BundledCascades.directory();

        assertTrue(BundledCascades.complete(second));
    }

    @Test
    void nativesLoadIdempotently() {
        String version = OpenCvNatives.load();

        assertEquals(version, OpenCvNatives.load());
        assertTrue(version.startsWith("4.9"), version);
    }
}
