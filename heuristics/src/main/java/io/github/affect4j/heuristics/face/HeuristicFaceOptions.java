package io.github.affect4j.heuristics.face;

import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.OptionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, frozen options of the heuristic face detector; the names and defaults are
 * documented on {@link HeuristicFaceDetectorProvider}.
 *
 * @param minFaceSize faces whose shorter box side is below this many source pixels are flagged
 *     {@code SMALL} and not assessable
 * @param smallestFace the smallest face searched for, in source pixels
 * @param maxImageSide images with a longer side are downscaled to it before detection
 * @param scaleFactor the step between the detection scales
 * @param minNeighbors how many overlapping raw hits a detection needs
 * @param minConfidence detections with a lower confidence are dropped
 * @param cascadeDirectory a folder with the cascade files to use instead of extracting the
 *     bundled ones, or null
 */
record HeuristicFaceOptions(int minFaceSize, int smallestFace, int maxImageSide, double scaleFactor,
                            int minNeighbors, double minConfidence, Path cascadeDirectory) {

    static final String MIN_FACE_SIZE = "minFaceSize";
    static final String SMALLEST_FACE = "smallestFace";
    static final String MAX_IMAGE_SIDE = "maxImageSide";
    static final String SCALE_FACTOR = "scaleFactor";
    static final String MIN_NEIGHBORS = "minNeighbors";
    static final String MIN_CONFIDENCE = "minConfidence";
    static final String CASCADE_DIRECTORY = "cascadeDirectory";

    /** The side of the square detection window of the face cascade, in pixels. */
    static final int CASCADE_WINDOW = 20;

    /** The options the heuristic face provider declares. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.integer(MIN_FACE_SIZE, 1, 10_000, 40, "faces whose shorter box side is"
                    + " below this many source pixels are flagged SMALL (still reported)"),
            OptionSpec.integer(SMALLEST_FACE, CASCADE_WINDOW, 10_000, 24, "faces smaller than"
                    + " this many source pixels are not searched for"),
            OptionSpec.integer(MAX_IMAGE_SIDE, 64, 16_384, 1024, "images with a longer side are"
                    + " downscaled to it for detection"),
            OptionSpec.decimal(SCALE_FACTOR, 1.01, 2.0, 1.1, "step between detection scales;"
                    + " smaller finds more faces, slower"),
            OptionSpec.integer(MIN_NEIGHBORS, 1, 100, 3, "overlapping raw windows a detection"
                    + " needs; higher gives fewer false faces"),
            OptionSpec.decimal(MIN_CONFIDENCE, 0, 1, 0.35, "detections with a lower confidence"
                    + " are not reported"),
            OptionSpec.path(CASCADE_DIRECTORY, "a folder with the three Haar cascade files to use"
                    + " instead of the bundled copies"));

    /**
     * Reads the options.
     *
     * @param config options checked against {@link #OPTIONS}
     * @throws IllegalArgumentException if {@code cascadeDirectory} does not hold the cascades
     */
    static HeuristicFaceOptions from(DetectorConfig config) {
        Optional<Path> directory = config.getPath(CASCADE_DIRECTORY);
        if (directory.isPresent() && !BundledCascades.complete(directory.get())) {
            throw new IllegalArgumentException("option " + CASCADE_DIRECTORY + " must name a folder"
                    + " holding " + BundledCascades.NAMES + ", got '" + directory.get() + "'");
        }
        return new HeuristicFaceOptions(config.getInt(MIN_FACE_SIZE), config.getInt(SMALLEST_FACE),
                config.getInt(MAX_IMAGE_SIDE), config.getDouble(SCALE_FACTOR),
                config.getInt(MIN_NEIGHBORS), config.getDouble(MIN_CONFIDENCE),
                directory.orElse(null));
    }

    /** Reads options given by name (tests). */
    static HeuristicFaceOptions from(Map<String, String> options) {
        return from(DetectorConfig.of(OPTIONS, options));
    }
}
