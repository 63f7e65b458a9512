package io.github.affect4j.server.live;

import io.github.affect4j.server.analysis.ObservationStored;
import io.github.affect4j.server.sessions.SessionChanged;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Relays stored observations, and sessions' starts and ends, to the streams of every instance
 * on one PostgreSQL database.
 *
 * <p>Sending: {@code pg_notify} runs right after the commit of the upload, start or end (the
 * application events are published then), in a statement of its own, so listeners hear only of
 * committed changes and never before they can be read. A notification whose statement fails is
 * lost (the change itself is stored; dashboards catch up at their next event or refresh). The
 * payload is {@code sessionId:kind:observationId} for an observation and
 * {@code session:sessionId:classroomId:started|ended} for a session; every instance re-reads
 * what it needs.
 *
 * <p>Receiving: one dedicated connection per instance (opened with the data source's URL and
 * credentials, outside the pool, so it never holds a pooled connection) runs
 * {@code LISTEN affect4j_observations} and waits for notifications on its own thread. When that
 * connection fails it is reopened, after a pause that doubles up to 30 s, and every stream on the
 * instance is told to re-read ({@code resync}), since notifications sent meanwhile are lost.
 */
final class PostgresRelay implements ObservationRelay, SmartLifecycle {

    /** The notification channel; all instances on one database share it. */
    static final String CHANNEL = "affect4j_observations";

    private static final Logger log = LoggerFactory.getLogger(PostgresRelay.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** How long start-up waits for the first LISTEN, so a started instance hears events. */
    private static final Duration READY_WAIT = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final DataSourceProperties database;
    private final LiveStreams streams;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Thread thread;

    PostgresRelay(JdbcTemplate jdbc, DataSourceProperties database, LiveStreams streams) {
        this.jdbc = jdbc;
        this.database = database;
        this.streams = streams;
    }

    /**
     * Right after the upload's commit (the event comes then): a notification to every replica,
     * this one included. Should it fail, the observation is still stored; dashboards see it
     * at their next refresh or event.
     */
    @EventListener
    void stored(ObservationStored event) {
        send(ObservationNotice.of(event));
    }

    /** Right after a session's start or end committed: as {@link #stored}. */
    @EventListener
    void changed(SessionChanged event) {
        send(SessionNotice.of(event));
    }

    private void send(LiveNotice notice) {
        jdbc.query("select pg_notify(?, ?)", rs -> { }, CHANNEL, notice.payload());
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "affect4j-live-postgres-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try {
            if (!listening.await(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Live events: not yet listening on PostgreSQL channel {} after {}; "
                        + "still trying", CHANNEL, READY_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                // The listener wakes at least every poll interval to look at the flag.
                listener.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listening connection is up (for tests and diagnostics). */
    boolean listening() {
        return listening.getCount() == 0;
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening.countDown();
                pause = FIRST_PAUSE;
                if (reconnecting) {
                    log.info("Live events: listening on PostgreSQL channel {} again", CHANNEL);
                    streams.resyncAll();
                } else {
                    log.info("Live events: listening on PostgreSQL channel {}", CHANNEL);
                }
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        receive(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Live events: the PostgreSQL listening connection failed ({}); "
                        + "reconnecting in {}", e.getMessage(), pause);
                reconnecting = true;
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE
                        : pause.multipliedBy(2);
            }
        }
    }

    private void receive(String payload) {
        try {
            streams.deliver(LiveNotice.parse(payload));
        } catch (IllegalArgumentException e) {
            // Someone else's NOTIFY on our channel: not fatal to the listener.
            log.warn("Live events: ignored a notification on {}: {}", CHANNEL, e.getMessage());
        }
    }
}
