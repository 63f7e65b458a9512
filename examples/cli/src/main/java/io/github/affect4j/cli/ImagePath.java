package io.github.affect4j.cli;

import io.github.affect4j.FaceSource;

/**
 * How an image was read, as the CLI names it: in {@code evaluate}'s path counts and
 * {@code --predictions} column {@code path_taken}, and in {@code analyze}'s {@code source} of
 * each face. Five come from the detector ({@link FaceSource}); {@link #WHOLE_IMAGE} is
 * {@code evaluate}'s own fallback when the detector returns no face.
 */
enum ImagePath {
    /** The largest face the detector found ({@link FaceSource#DETECTED}). */
    FACE("face"),
    /** The detected face filled the image: read whole ({@link FaceSource#WHOLE_IMAGE_FILLED}). */
    CROP_FILLED("crop-filled"),
    /** An image of at most 112 px: read whole ({@link FaceSource#WHOLE_IMAGE_SMALL}). */
    CROP_SMALL("crop-small"),
    /** No face found in a crop-sized image: read whole ({@link FaceSource#WHOLE_IMAGE_UNDETECTED}). */
    CROP_NO_FACE("crop-no-face"),
    /** The image was declared a crop ({@code --crops always}; {@link FaceSource#WHOLE_IMAGE_GIVEN}). */
    CROP_GIVEN("crop-given"),
    /** The detector returned no face; {@code evaluate} classified the whole image itself. */
    WHOLE_IMAGE("whole-image");

    final String label;

    ImagePath(String label) {
        this.label = label;
    }

    /** The path of a face the detector returned. */
    static ImagePath of(FaceSource source) {
        return switch (source) {
            case DETECTED -> FACE;
            case WHOLE_IMAGE_FILLED -> CROP_FILLED;
            case WHOLE_IMAGE_SMALL -> CROP_SMALL;
            case WHOLE_IMAGE_UNDETECTED -> CROP_NO_FACE;
            case WHOLE_IMAGE_GIVEN -> CROP_GIVEN;
        };
    }
}
