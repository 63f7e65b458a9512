package io.github.affect4j.voice.onnx;

import java.io.IOException;

/**
 * A voice model or its card could not be used: the file is missing, not ONNX, corrupt, or its
 * inputs and outputs do not match the card. The message names the file and the mismatch.
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
