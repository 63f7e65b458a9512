package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.TransactionSystemException;

/**
 * The error page for failures outside the handlers: the bearer-token filter reads the database
 * before any handler runs, so with PostgreSQL stopped its failure arrives here (the load test saw
 * 500 for it) and must be the same 503 with {@code Retry-After} as the handlers give.
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    private static MockHttpServletRequest failed(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/sessions/1/frames");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        return request;
    }

    @Test
    void anUnreachableDatabaseInAFilterIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available"))));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("database is unavailable");
        assertThat(answer.getBody().getInstance())
                .isEqualTo(URI.create("/api/sessions/1/frames"));
    }

    @Test
    void aFailedRollbackAfterTheDatabaseWentAwayIs503() {
        TransactionSystemException rollback = new TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("An I/O error occurred"));
        rollback.initApplicationException(new CannotGetJdbcConnectionException("refused"));
        assertThat(ApiExceptionHandler.isDatabaseUnavailable(rollback)).isTrue();
        assertThat(controller.error(failed(rollback)).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void otherFailuresStay500WithACorrelationId() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(
                new IllegalStateException("a bug")));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsKey("correlationId");
        // A failed commit has no application exception behind it: its outcome is unknown.
        assertThat(ApiExceptionHandler.isDatabaseUnavailable(new TransactionSystemException(
                "JDBC commit failed"))).isFalse();
    }
}
