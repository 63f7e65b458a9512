package io.github.affect4j;

/**
 * Which region of the image a {@link FaceResult} was read from: a face a detector found, or the
 * whole image taken as the face, and why. Callers who pass face crops (from a dataset or another
 * detector) and callers who pass scenes get different treatment from
 * {@link FaceEmotionDetector#analyze}; this says which one a result got.
 */
public enum FaceSource {

    /** A face detector found the face; the emotion was read from a crop around its box. */
    DETECTED,

    /**
     * The detected face filled most of the image, so the image was taken to be a face crop and
     * read whole, as {@link FaceEmotionDetector#analyzeFace} reads it; re-cropping around the
     * detector's box would cut the face.
     */
    WHOLE_IMAGE_FILLED,

    /**
     * The image is so small that it can only be a face crop (at most the size of a classifier's
     * input), so it was read whole, as {@link FaceEmotionDetector#analyzeFace} reads it;
     * detection on it is unreliable and re-cropping cuts the face. The confidence is the
     * detector's when it found a face, else 0.
     */
    WHOLE_IMAGE_SMALL,

    /**
     * No face was found in an image small enough to be a face crop, so it was read whole, as
     * {@link FaceEmotionDetector#analyzeFace} reads it. The confidence is 0: nothing confirmed
     * that the image shows a face.
     */
    WHOLE_IMAGE_UNDETECTED,

    /**
     * The caller said the image is a face crop ({@link FaceEmotionDetector#analyzeFace},
     * {@link FaceEmotionDetector#analyzeFaces}, or an option such as the onnx provider's
     * {@code crops=always}); no detection ran.
     */
    WHOLE_IMAGE_GIVEN;

    /**
     * {@return whether the whole image was read as the face (every value but
     * {@link #DETECTED})}
     */
    public boolean wholeImage() {
        return this != DETECTED;
    }
}
