package io.github.affect4j.server;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.media.InvalidMediaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a request handler as an RFC 9457 problem ({@code application/problem+json}).
 * Client errors say in {@code detail} what was wrong with the request. Unexpected errors are
 * 500 with a correlation id that is logged with the stack trace and returned in the problem
 * (property {@code correlationId}); the client never sees an exception message or stack trace.
 * Errors raised before a handler runs (in a servlet filter) reach {@link ProblemErrorController}.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><td>{@link ApiException}</td><td>its own status</td></tr>
 * <tr><td>bean validation, malformed JSON, bad or missing parameters</td><td>400</td></tr>
 * <tr><td>{@link InvalidMediaException}</td><td>400, 413, 415 or 422 by its problem</td></tr>
 * <tr><td>{@link DataIntegrityViolationException} (duplicate key, missing reference)</td>
 *     <td>409</td></tr>
 * <tr><td>database unreachable, transient or recoverable failures, also behind a failed
 *     rollback</td><td>503 with {@code Retry-After}</td></tr>
 * <tr><td>anything else, {@link IllegalArgumentException} included</td><td>500</td></tr>
 * </table>
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** How long a client should wait before retrying after the database failed. */
    static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    /** Media that could not be read: too large 413, empty 400, unknown 415, broken 422. */
    @ExceptionHandler(InvalidMediaException.class)
    ProblemDetail invalidMedia(InvalidMediaException e) {
        HttpStatus status = switch (e.problem()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TRUNCATED, CORRUPT -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("problem", e.problem().name());
        return problem;
    }

    /** Bean validation of method parameters ({@code @Validated} services). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "Invalid request" : detail);
    }

    /** A duplicate key or a broken reference: the request conflicts with what is stored. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolated(DataIntegrityViolationException e) {
        // The database's message names tables and constraints: log it, do not send it.
        log.info("Integrity violation answered with 409: {}", e.getMostSpecificCause().toString());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The request conflicts with "
                + "data already stored (a duplicate or a reference to something that no longer "
                + "exists); nothing was changed");
    }

    /** The database is unreachable or failed transiently: worth retrying shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        return databaseUnavailableAnswer(e);
    }

    /**
     * A transaction whose rollback failed: when the database went away in the middle of it,
     * Spring reports the failed rollback in place of the data-access failure that started it.
     * Nothing was committed then, so that is 503 like any unreachable database; other
     * transaction failures (a failed commit, whose outcome is unknown) stay unexpected.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e,
                                                    HttpServletRequest request) {
        if (isDatabaseUnavailable(e)) {
            return databaseUnavailableAnswer(e);
        }
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(unexpected(e, request, "An unexpected error occurred"));
    }

    /**
     * Whether {@code failure} (or what caused it, or the application failure behind a failed
     * rollback) says that the database is unreachable or failed transiently.
     */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof TransactionSystemException transaction
                    && transaction.getApplicationException() != null
                    && isDatabaseUnavailable(transaction.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** 503 with {@code Retry-After}: the database is unavailable and nothing was stored. */
    static ResponseEntity<ProblemDetail> databaseUnavailableAnswer(Throwable e) {
        log.warn("Database unavailable, answered with 503: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is unavailable; nothing was stored. Retry later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY.toSeconds()))
                .body(problem);
    }

    /** A detector failed inside: our fault (or the model's), not the client's. */
    @ExceptionHandler(AnalysisException.class)
    ProblemDetail analysisFailed(AnalysisException e, HttpServletRequest request) {
        return unexpected(e, request, "The analysis failed inside the detector");
    }

    /** Anything else is a bug or an outage: 500, with a correlation id to find the log. */
    @ExceptionHandler(Exception.class)
    ProblemDetail anythingElse(Exception e, HttpServletRequest request) {
        return unexpected(e, request, "An unexpected error occurred");
    }

    private static ProblemDetail unexpected(Exception e, HttpServletRequest request,
                                            String what) {
        String id = CorrelationIds.next();
        log.error("{} {} failed, correlation id {}", request.getMethod(), request.getRequestURI(),
                id, e);
        return CorrelationIds.problem(what, id);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes"
                : "the configured limit (spring.servlet.multipart.max-file-size)";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than " + limit);
        return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                detail.isEmpty() ? "Invalid request body" : detail);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // A value the body's types rejected (an unknown role, say) is the client's input, so its
        // reason is shown; anything else gets a generic reason.
        Throwable cause = e.getMostSpecificCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage()
                : "the body is missing or is not valid JSON for this endpoint";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Unreadable request body: " + reason);
        return handleExceptionInternal(e, problem, headers, status, request);
    }
}
