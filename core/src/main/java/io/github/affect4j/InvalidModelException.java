package io.github.affect4j;

import java.io.IOException;

/**
 * A model file or its model card could not be used: the file is missing, not ONNX, corrupt, its
 * card is incomplete or invalid, or its inputs and outputs do not match the card. The message
 * names the file and the mismatch, for example {@code "model.onnx: input 'x' has shape
 * [1, 3, 224, 224] but the card says 64x64 gray"}.
 *
 * <p>The one checked exception of model loading in affect4j-face and affect4j-voice (and any
 * provider that loads model files). It is an
 * {@link IOException}, so callers that do not care which file was wrong catch that.
 */
public class InvalidModelException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message the file and what is wrong with it */
    public InvalidModelException(String message) {
        super(message);
    }

    /**
     * @param message the file and what is wrong with it
     * @param cause the underlying failure
     */
    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
