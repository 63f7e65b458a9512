package io.github.affect4j.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The database check answers within its budget whatever the database does. */
class DatabaseHealthIndicatorTest {

    /** A database that never answers: each connection request blocks until released. */
    private static final class SilentDatabase extends DriverManagerDataSource {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("Connection refused");
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinTheBudget() {
        SilentDatabase database = new SilentDatabase();
        DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(database);
        try {
            long start = System.nanoTime();
            Health health = indicator.health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("did not answer");
            assertThat(took).isGreaterThanOrEqualTo(DatabaseHealthIndicator.BUDGET)
                    .isLessThan(DatabaseHealthIndicator.BUDGET.plusSeconds(2));

            // A second call while the first check is still stuck waits for that check instead
            // of asking the database (and the pool) again.
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(database.asked).hasValue(1);
        } finally {
            database.release.countDown();
        }
    }

    @Test
    void aRefusedConnectionIsDownWithTheReason() {
        DriverManagerDataSource refusing = new DriverManagerDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection to 127.0.0.1:5432 refused");
            }
        };
        Health health = new DatabaseHealthIndicator(refusing).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("refused");
    }
}
