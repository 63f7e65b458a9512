package io.github.affect4j.spring.boot;

import io.github.affect4j.InvalidOptionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start that failed on a wrong detector option into Spring Boot's "APPLICATION FAILED TO
 * START" report: the library's message (which option, what was given, what is valid) and where
 * to correct it, instead of a stack trace.
 */
class InvalidOptionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidOptionException cause) {
        return new FailureAnalysis("An affect4j detector option is wrong: " + cause.getMessage(),
                "Correct " + (cause.option() == null ? "the options"
                        : "the option '" + cause.option() + "'")
                        + " under affect4j.face.option or affect4j.voice.option (or the system"
                        + " property the message names). ./affect4j detectors lists every"
                        + " provider's options with their types, ranges and defaults.", cause);
    }
}
