package io.github.affect4j.serverprobes;

import io.github.affect4j.server.ApiException;
import io.github.affect4j.server.analysis.ObservationStored;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beans the contract tests add to the server: an endpoint that fails on demand (to check how
 * failures are answered) and a listener that records {@link ObservationStored} events. Outside
 * the server's package, so that component scanning does not register the endpoint everywhere.
 */
@TestConfiguration
public class TestProbes {

    /** The secret that an unexpected exception carries and the client must never see. */
    public static final String SECRET = "internal-state-4711";

    @Bean
    StoredEvents storedEvents() {
        return new StoredEvents();
    }

    /**
     * {@code GET /api/test-failures/{kind}} throws what {@code kind} names. Registered as a
     * member class of this configuration; hidden from the API description.
     */
    @RestController
    @Hidden
    static class FailingEndpoint {

        @GetMapping("/api/test-failures/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "illegal-argument" -> new IllegalArgumentException("bug: " + SECRET);
                case "null-pointer" -> new NullPointerException(SECRET);
                case "duplicate" -> new DuplicateKeyException("unique constraint " + SECRET);
                case "no-connection" -> new CannotGetJdbcConnectionException("refused "
                        + SECRET);
                case "rollback-failed" -> rollbackFailed();
                case "busy" -> ApiException.unavailable("Busy, as a full analysis queue says",
                        Duration.ofSeconds(1));
                default -> new IllegalStateException("unknown kind " + kind);
            };
        }
    }

    /**
     * What Spring throws when the database goes away in the middle of a transaction: the failed
     * rollback, with the data-access failure that started it as its application exception.
     */
    private static TransactionSystemException rollbackFailed() {
        TransactionSystemException rollback = new TransactionSystemException(
                "JDBC rollback failed " + SECRET, new SQLException("I/O error " + SECRET));
        rollback.initApplicationException(new CannotGetJdbcConnectionException("refused "
                + SECRET));
        return rollback;
    }

    /** Every stored-observation event, in order. */
    public static class StoredEvents {

        /** The events received. */
        public final List<ObservationStored> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ObservationStored event) {
            events.add(event);
        }
    }
}
