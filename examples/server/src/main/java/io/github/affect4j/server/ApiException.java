package io.github.affect4j.server;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the client can act on, answered as an RFC 9457 problem with this status and detail.
 * Our code throws these for client errors (unknown id, someone else's classroom, an ended
 * session, a bad parameter, a full queue) instead of {@link IllegalArgumentException}, which
 * stays reserved for programming errors and is answered with 500.
 */
public final class ApiException extends ErrorResponseException {

    private ApiException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 400: the request itself is wrong; {@code detail} says how. */
    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    /** 403: authenticated, but not allowed to touch this resource. */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    /** 404: no such resource. */
    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    /** 409: the resource's state forbids the request (for example an ended session). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    /**
     * 503: the server cannot serve this now.
     *
     * @param retryAfter sent as {@code Retry-After} (whole seconds, at least 1); null for none,
     *     when waiting will not help (a missing detector)
     */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail);
        if (retryAfter != null) {
            e.getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return e;
    }

    /** The problem's detail: what was wrong. */
    public String detail() {
        return getBody().getDetail();
    }

    @Override
    public String getMessage() {
        return getStatusCode().value() + " " + detail();
    }
}
