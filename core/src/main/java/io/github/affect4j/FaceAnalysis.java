package io.github.affect4j;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The faces found in one image, in decreasing order of detection confidence.
 *
 * @param imageWidth width of the analysed image in pixels
 * @param imageHeight height of the analysed image in pixels
 * @param faces the faces; empty when the image shows none (that is not an error)
 * @param detector the implementation that produced this analysis
 */
public record FaceAnalysis(int imageWidth, int imageHeight, List<FaceResult> faces,
                           DetectorInfo detector) {

    /**
     * Copies the face list.
     *
     * @param imageWidth width of the analysed image in pixels
     * @param imageHeight height of the analysed image in pixels
     * @param faces the faces
     * @param detector the implementation that produced this analysis
     */
    public FaceAnalysis {
        faces = List.copyOf(faces);
        Objects.requireNonNull(detector, "detector");
    }

    /** {@return the face with the largest box, if any} */
    public Optional<FaceResult> largestFace() {
        return faces.stream().max(Comparator.comparingLong(face -> face.box().area()));
    }
}
