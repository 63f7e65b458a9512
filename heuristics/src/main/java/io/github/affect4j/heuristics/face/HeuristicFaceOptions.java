package io.github.affect4j.heuristics.face;

import io.github.affect4j.spi.DetectorConfig;
import java.nio.file.Path;
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

    /**
     * Reads and checks the options.
     *
     * @throws IllegalArgumentException naming the option and the value given when one is out of
     *     range or does not parse
     */
    static HeuristicFaceOptions from(DetectorConfig config) {
        int minFaceSize = config.getInt(MIN_FACE_SIZE, 40);
        require(minFaceSize >= 1 && minFaceSize <= 10_000, MIN_FACE_SIZE, minFaceSize,
                "between 1 and 10000 pixels");
        int smallestFace = config.getInt(SMALLEST_FACE, 24);
        require(smallestFace >= CASCADE_WINDOW && smallestFace <= 10_000, SMALLEST_FACE,
                smallestFace, "between " + CASCADE_WINDOW + " (the cascade window) and 10000 pixels");
        int maxImageSide = config.getInt(MAX_IMAGE_SIDE, 1024);
        require(maxImageSide >= 64 && maxImageSide <= 16_384, MAX_IMAGE_SIDE, maxImageSide,
                "between 64 and 16384 pixels");
        double scaleFactor = config.getDouble(SCALE_FACTOR, 1.1);
        require(scaleFactor >= 1.01 && scaleFactor <= 2.0, SCALE_FACTOR, scaleFactor,
                "between 1.01 and 2.0");
        int minNeighbors = config.getInt(MIN_NEIGHBORS, 3);
        require(minNeighbors >= 1 && minNeighbors <= 100, MIN_NEIGHBORS, minNeighbors,
                "between 1 and 100");
        double minConfidence = config.getDouble(MIN_CONFIDENCE, 0.35);
        require(minConfidence >= 0 && minConfidence <= 1, MIN_CONFIDENCE, minConfidence,
                "between 0 and 1");
        Optional<Path> directory = config.getPath(CASCADE_DIRECTORY);
        if (directory.isPresent() && !BundledCascades.complete(directory.get())) {
            throw new IllegalArgumentException("option " + CASCADE_DIRECTORY + " must name a folder"
                    + " holding " + BundledCascades.NAMES + ", got '" + directory.get() + "'");
        }
        return new HeuristicFaceOptions(minFaceSize, smallestFace, maxImageSide, scaleFactor,
                minNeighbors, minConfidence, directory.orElse(null));
    }

    private static void require(boolean valid, String option, Object value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("option " + option + " must be " + range + ", got "
                    + value);
        }
    }
}
