package io.github.affect4j.media;

import java.io.IOException;
import java.util.Objects;

/**
 * An image or audio file (or byte array) could not be turned into an {@link ImageFrame} or
 * {@link AudioClip}. {@link #problem()} classifies the failure, so a server can answer "too
 * large" differently from "corrupt"; the message names the source and what was wrong with it.
 */
public class InvalidMediaException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What was wrong with the input. */
    public enum Problem {
        /** No bytes, or no pixels or samples. */
        EMPTY,
        /** The data ends before the format says it should. */
        TRUNCATED,
        /** Not a format or encoding affect4j reads. */
        UNSUPPORTED_FORMAT,
        /** Larger than the configured limit (pixels, samples or bytes). */
        TOO_LARGE,
        /** The format is recognised but the content is inconsistent or invalid. */
        CORRUPT
    }

    /** The kind of failure. */
    private final Problem problem;

    /**
     * @param problem the kind of failure
     * @param message what was wrong, naming the source
     */
    public InvalidMediaException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * @param problem the kind of failure
     * @param message what was wrong, naming the source
     * @param cause the decoder's own exception
     */
    public InvalidMediaException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** {@return the kind of failure} */
    public Problem problem() {
        return problem;
    }
}
