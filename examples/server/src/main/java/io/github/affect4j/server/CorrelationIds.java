package io.github.affect4j.server;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Correlation ids that tie a 500 answer to the log line holding its stack trace. */
final class CorrelationIds {

    /** The problem property carrying the id. */
    static final String PROPERTY = "correlationId";

    private CorrelationIds() {
    }

    /** A new random id. */
    static String next() {
        return UUID.randomUUID().toString();
    }

    /** The 500 problem the client sees: what failed, the id, and nothing internal. */
    static ProblemDetail problem(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                what + "; quote correlation id " + id + " when reporting it");
        problem.setProperty(PROPERTY, id);
        return problem;
    }
}
