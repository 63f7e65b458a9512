package io.github.affect4j.server.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this instance, by session, and the delivery of events to them.
 *
 * <p>Events are sent from one delivery thread, never from the thread that stored the
 * observation or from the PostgreSQL listener: a client that reads slowly then delays only other
 * clients' events, not uploads or notifications. An event says which observation arrived and
 * the session's counts, re-read from the database, which every user who may open the stream may
 * see; affect is fetched by the dashboard through the reports, where the disclosure rules apply.
 *
 * <p>On shutdown every stream is completed before the web server's graceful shutdown waits
 * for open requests (this bean's lifecycle phase is later, so it stops first): otherwise each
 * open stream would hold the shutdown for its whole timeout.
 *
 * <p>Thread-safe.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Events waiting for the delivery thread; beyond this they are dropped (and logged). */
    private static final int QUEUE = 10_000;

    private final Map<Long, Set<SseEmitter>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private final JdbcClient jdbc;
    private final LiveProperties properties;
    private final ExecutorService delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "affect4j-live-delivery");
                thread.setDaemon(true);
                return thread;
            });

    LiveStreams(JdbcClient jdbc, LiveProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Opens a stream of a session's events. The caller has checked that the user may see the
     * session. The first event, {@code ready}, carries the current counts.
     *
     * @throws ResponseStatusException 503 when this instance already has
     *     {@code affect4j.live.max-streams} streams open or is shutting down, 404 if the
     *     session was deleted meanwhile
     */
    SseEmitter open(long sessionId) {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "This server is shutting down; connect again");
        }
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "This server "
                    + "already has " + properties.maxStreams() + " live streams open "
                    + "(affect4j.live.max-streams); try again later");
        }
        Map<String, Object> now;
        try {
            now = counts(sessionId, null).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Session " + sessionId + " does not exist"));
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        // Added inside compute so that a concurrent removal of the session's last stream
        // cannot drop the set this stream is being added to.
        bySession.compute(sessionId, (id, streams) -> {
            Set<SseEmitter> set = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            set.add(emitter);
            return set;
        });
        Runnable remove = () -> remove(sessionId, emitter);
        emitter.onCompletion(remove);
        // Completing on timeout ends the response normally; otherwise Spring raises an
        // AsyncRequestTimeoutException on a response that is already streaming.
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(failure -> remove.run());
        send(emitter, sessionId, SseEmitter.event().name("ready")
                .data(now, MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Number of streams open on this instance. */
    int openStreams() {
        return open.get();
    }

    /**
     * Queues an observation for the streams of its session on this instance. Returns at once.
     */
    void deliver(ObservationNotice event) {
        if (!bySession.containsKey(event.sessionId())) {
            return;
        }
        queue(() -> {
            Set<SseEmitter> streams = bySession.get(event.sessionId());
            if (streams == null || streams.isEmpty()) {
                return;
            }
            // Re-read once for all of this session's streams here: the notification carries ids.
            Optional<Map<String, Object>> data = counts(event.sessionId(), event);
            if (data.isEmpty()) {
                // The session was deleted meanwhile: its streams have nothing more to say.
                streams.forEach(SseEmitter::complete);
                return;
            }
            for (SseEmitter emitter : streams) {
                send(emitter, event.sessionId(), SseEmitter.event().name("observation")
                        .data(data.get(), MediaType.APPLICATION_JSON));
            }
        });
    }

    /**
     * Tells every stream on this instance that events may have been missed (the PostgreSQL
     * listener lost its connection), so dashboards re-read everything.
     */
    void resyncAll() {
        queue(() -> bySession.forEach((sessionId, streams) -> streams.forEach(emitter ->
                send(emitter, sessionId, SseEmitter.event().name("resync")
                        .data(Map.of("sessionId", sessionId), MediaType.APPLICATION_JSON)))));
    }

    /** A comment line on every stream: keeps proxies from closing idle ones, finds dead ones. */
    @Scheduled(fixedDelayString = "${affect4j.live.heartbeat:PT15S}",
            initialDelayString = "${affect4j.live.heartbeat:PT15S}")
    void heartbeat() {
        queue(() -> bySession.forEach((sessionId, streams) -> streams.forEach(emitter ->
                send(emitter, sessionId, SseEmitter.event().comment("keepalive")))));
    }

    private void queue(Runnable task) {
        if (!running) {
            return;
        }
        try {
            delivery.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // Typically the database being unreachable for the counts: the next event
                    // or the dashboard's own reads will catch up.
                    log.warn("Live event delivery failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Live event dropped: {} events are already waiting for delivery", QUEUE);
        }
    }

    private Optional<Map<String, Object>> counts(long sessionId, ObservationNotice event) {
        return jdbc.sql("select frame_count, face_count, audio_count, ended_at from sessions"
                        + " where id = ?")
                .param(sessionId)
                .query((rs, row) -> {
                    Map<String, Object> data = new java.util.LinkedHashMap<>();
                    data.put("sessionId", sessionId);
                    if (event != null) {
                        data.put("kind", event.kind().label());
                        data.put("observationId", event.observationId());
                    }
                    data.put("frameCount", rs.getInt("frame_count"));
                    data.put("faceCount", rs.getInt("face_count"));
                    data.put("audioCount", rs.getInt("audio_count"));
                    data.put("status", rs.getObject("ended_at") == null ? "active" : "ended");
                    return data;
                })
                .optional();
    }

    private void send(SseEmitter emitter, long sessionId, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the stream already completed): forget it. The servlet
            // container reports the failed write to the emitter itself.
            remove(sessionId, emitter);
        }
    }

    private void remove(long sessionId, SseEmitter emitter) {
        bySession.computeIfPresent(sessionId, (id, streams) -> {
            if (streams.remove(emitter)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Completes every stream (clients reconnect, to another instance if there is one). */
    @Override
    public void stop() {
        running = false;
        delivery.shutdownNow();
        List.copyOf(bySession.values())
                .forEach(streams -> List.copyOf(streams).forEach(SseEmitter::complete));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
