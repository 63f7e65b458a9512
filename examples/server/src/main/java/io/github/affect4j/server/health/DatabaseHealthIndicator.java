package io.github.affect4j.server.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component, in place of Spring Boot's {@code DataSourceHealthIndicator},
 * whose check has no time limit of its own: it borrows a pooled connection (with the database
 * down, HikariCP waits its whole {@code connection-timeout} for a new one) and validates it with
 * {@code Connection.isValid(0)}, which waits for ever on a database that stopped answering
 * without closing its sockets. {@code /health} is polled by the container's {@code HEALTHCHECK}
 * (5 s timeout) and load balancers, so this check answers within {@link #BUDGET} whatever the
 * database does: {@code DOWN} with the reason when it got no answer in time.
 *
 * <p>Every call checks again (nothing is cached, so a stopped database is reported by the next
 * {@code /health}), but at most one check runs at a time: calls that arrive while one is running
 * wait for that one, within their own budget, instead of each taking a pool connection.
 *
 * <p>Thread-safe.
 */
@Component("dbHealthIndicator")
final class DatabaseHealthIndicator implements HealthIndicator {

    /** The longest a {@code /health} call waits for the database. */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Executor checks;
    private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();

    @Autowired
    DatabaseHealthIndicator(DataSource dataSource) {
        this(dataSource, task -> {
            // A new daemon thread per check: checks never overlap, and one stuck in the driver
            // must not hold a pool thread that the next check would need.
            Thread thread = new Thread(task, "affect4j-health-db");
            thread.setDaemon(true);
            thread.start();
        });
    }

    DatabaseHealthIndicator(DataSource dataSource, Executor checks) {
        this.dataSource = dataSource;
        this.checks = checks;
    }

    /** {@code UP} with the database product, or {@code DOWN} with the reason; within the budget. */
    @Override
    public Health health() {
        CompletableFuture<Health> check = running.get();
        if (check == null || check.isDone()) {
            // Only the call that installs the new future starts a check: a function given to
            // updateAndGet may run more than once under contention, and each run would start one.
            CompletableFuture<Health> mine = new CompletableFuture<>();
            if (running.compareAndSet(check, mine)) {
                checks.execute(() -> {
                    try {
                        mine.complete(check());
                    } catch (Throwable t) {
                        mine.completeExceptionally(t);
                    }
                });
                check = mine;
            } else {
                check = running.get();
            }
        }
        try {
            return check.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "The database did not answer within "
                    + BUDGET.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause
                    : new IllegalStateException(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("error", "Interrupted").build();
        }
    }

    private Health check() {
        int seconds = (int) Math.max(1, BUDGET.toSeconds());
        try (Connection connection = dataSource.getConnection()) {
            // isValid with a timeout: the driver gives up on its own rather than waiting for ever.
            if (!connection.isValid(seconds)) {
                return Health.down().withDetail("error", "The database connection is not valid "
                        + "(no answer within " + seconds + " s)").build();
            }
            return Health.up()
                    .withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationQuery", "isValid()")
                    .build();
        } catch (SQLException | RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
