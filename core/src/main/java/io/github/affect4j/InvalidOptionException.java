package io.github.affect4j;

/**
 * An option given to a detector is not one the chosen provider declares, or its value is not
 * allowed. The message names the option and lists what is valid: the provider's option names for
 * an unknown name (and which other providers declare it, if any), the range or choices for a bad
 * value. Thrown by {@link DetectorBuilder#build()} instead of falling back to another provider,
 * so a typo never silently downgrades the detector.
 */
public class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The option at fault, or null when the fault lies in a combination of options. */
    private final String option;

    /**
     * @param option the option at fault, or null when the fault lies in a combination of options
     * @param message what is wrong and what is allowed
     */
    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /**
     * {@return the name of the option at fault, or null when a combination of options is at
     * fault}
     */
    public String option() {
        return option;
    }
}
