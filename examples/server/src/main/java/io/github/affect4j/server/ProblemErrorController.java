package io.github.affect4j.server;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem too: errors raised outside
 * the request handlers (in a filter, say) would otherwise get Spring Boot's own JSON. A 500 gets
 * a correlation id, logged with the exception; a database that is unreachable gets 503 with
 * {@code Retry-After}, as in {@link ApiExceptionHandler}.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        if (status.is5xxServerError() && failure instanceof Throwable thrown
                && ApiExceptionHandler.isDatabaseUnavailable(thrown)) {
            // The bearer-token filter reads the database before any handler runs: with the
            // database down its failure lands here and is answered as the handlers answer it.
            ResponseEntity<ProblemDetail> answer = ApiExceptionHandler.databaseUnavailableAnswer(
                    thrown);
            if (uri != null) {
                answer.getBody().setInstance(URI.create(uri.toString()));
            }
            return answer;
        }
        if (status.is5xxServerError()) {
            String id = CorrelationIds.next();
            log.error("{} failed outside a handler with {}, correlation id {}", uri,
                    status.value(), id, failure instanceof Throwable t ? t : null);
            problem = CorrelationIds.problem("An unexpected error occurred", id);
            problem.setStatus(status.value());
        } else {
            problem = ProblemDetail.forStatus(status);
            problem.setDetail(status.getReasonPhrase());
        }
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
