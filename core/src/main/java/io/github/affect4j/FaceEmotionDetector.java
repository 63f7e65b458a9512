package io.github.affect4j;

import io.github.affect4j.media.ImageFrame;

/**
 * Finds faces in images and reads their emotion.
 *
 * <p>Obtain one with {@link EmotionDetectors#face()} or {@link EmotionDetectors#faceBuilder()}.
 *
 * <p><b>Thread safety:</b> implementations are thread-safe. Create one instance and share it
 * between all threads; concurrent calls give the same results as sequential ones. {@link #close()}
 * may be called while other threads are inside {@code analyze}: it waits for running calls to
 * finish, frees the native resources, and makes later calls fail with
 * {@link IllegalStateException}.
 */
public interface FaceEmotionDetector extends AutoCloseable {

    /**
     * Detects the faces in an image and scores each one. Implementations may recognise an image
     * that is already a face crop (the face fills it, or no face is found in a crop-sized image)
     * and read it whole, as {@link #analyzeFace} does; {@link FaceResult#source()} says which
     * region each result was read from.
     *
     * @param image the image; any size the implementation accepts
     * @return the faces found, possibly none
     * @throws IllegalStateException if the detector was closed
     * @throws AnalysisException if the analysis failed inside the implementation
     */
    FaceAnalysis analyze(ImageFrame image);

    /**
     * Scores an image that already shows just one face (a crop made by the caller's own face
     * detector): no detection runs, the whole image is taken as the face.
     *
     * @param faceCrop the face crop
     * @return the face, with its box covering the whole crop, confidence 1 and source
     *     {@link FaceSource#WHOLE_IMAGE_GIVEN}
     * @throws IllegalStateException if the detector was closed
     * @throws AnalysisException if the analysis failed inside the implementation
     */
    FaceResult analyzeFace(ImageFrame faceCrop);

    /**
     * Scores several face crops, as {@link #analyzeFace} does for each; implementations may share
     * buffers and model runs between them.
     *
     * @param faceCrops the face crops
     * @return one result per crop, in the same order
     * @throws IllegalStateException if the detector was closed
     * @throws AnalysisException if the analysis failed inside the implementation
     */
    default java.util.List<FaceResult> analyzeFaces(java.util.List<ImageFrame> faceCrops) {
        java.util.List<FaceResult> results = new java.util.ArrayList<>(faceCrops.size());
        for (ImageFrame crop : faceCrops) {
            results.add(analyzeFace(crop));
        }
        return java.util.List.copyOf(results);
    }

    /** {@return which implementation and model this detector runs} */
    DetectorInfo info();

    /** Frees the detector's resources; idempotent. */
    @Override
    void close();
}
