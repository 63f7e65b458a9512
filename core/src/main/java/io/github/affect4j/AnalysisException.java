package io.github.affect4j;

/**
 * An analysis failed inside an implementation (a model run failed, a native call reported an
 * error). Bad input is reported by {@link IllegalArgumentException} or
 * {@link io.github.affect4j.media.InvalidMediaException} instead.
 */
public class AnalysisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, and where */
    public AnalysisException(String message) {
        super(message);
    }

    /**
     * @param message what failed, and where
     * @param cause the implementation's own exception
     */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
