package io.github.affect4j.server.live;

import java.io.IOException;
import java.util.LinkedHashMap;
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
import java.util.function.BiConsumer;
import java.util.function.Supplier;
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
 * The event streams open on this instance, by session and by classroom, and the delivery of
 * events to them. A session's stream hears of its observations and of its start and end; a
 * classroom's stream hears the same of every session in the classroom (the dashboard reads one
 * stream, its classroom's, so that sessions started or ended elsewhere show up in its list).
 *
 * <p>Events are sent from one delivery thread, never from the thread that stored the
 * observation or from the PostgreSQL listener: a client that reads slowly then delays only other
 * clients' events, not uploads or notifications. An event says what changed and the session's
 * counts and status, re-read from the database, which every user who may open the stream may
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
    private final Map<Long, Set<SseEmitter>> byClassroom = new ConcurrentHashMap<>();
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
     * session. The first event, {@code ready}, carries the current counts and status.
     *
     * @throws ResponseStatusException 503 when this instance already has
     *     {@code affect4j.live.max-streams} streams open or is shutting down, 404 if the
     *     session was deleted meanwhile
     */
    SseEmitter open(long sessionId) {
        return register(bySession, sessionId, () -> counts(sessionId, null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Session " + sessionId + " does not exist")));
    }

    /**
     * Opens a stream of the events of every session of a classroom. The caller has checked that
     * the user may see the classroom. The first event, {@code ready}, carries its id.
     *
     * @throws ResponseStatusException as {@link #open}, 404 if the classroom was deleted
     */
    SseEmitter openClassroom(long classroomId) {
        return register(byClassroom, classroomId, () -> jdbc
                .sql("select id from classrooms where id = ?").param(classroomId)
                .query(Long.class).optional()
                .map(id -> Map.<String, Object>of("classroomId", id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Classroom " + classroomId + " does not exist")));
    }

    private SseEmitter register(Map<Long, Set<SseEmitter>> registry, long key,
                                Supplier<Map<String, Object>> ready) {
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
            now = ready.get();
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        // Added inside compute so that a concurrent removal of the key's last stream cannot
        // drop the set this stream is being added to.
        registry.compute(key, (id, streams) -> {
            Set<SseEmitter> set = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            set.add(emitter);
            return set;
        });
        Runnable remove = () -> remove(registry, key, emitter);
        emitter.onCompletion(remove);
        // Completing on timeout ends the response normally; otherwise Spring raises an
        // AsyncRequestTimeoutException on a response that is already streaming.
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(failure -> remove.run());
        send(registry, key, emitter, SseEmitter.event().name("ready")
                .data(now, MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Number of streams open on this instance. */
    int openStreams() {
        return open.get();
    }

    /**
     * Queues an observation or a session's start or end for the streams on this instance of its
     * session and of its session's classroom. Returns at once.
     */
    void deliver(LiveNotice notice) {
        // An observation's notice does not say its classroom (it is re-read below): any open
        // classroom stream may be its.
        boolean classroomListens = notice instanceof SessionNotice session
                ? byClassroom.containsKey(session.classroomId()) : !byClassroom.isEmpty();
        if (!classroomListens && !bySession.containsKey(notice.sessionId())) {
            return;
        }
        queue(() -> announce(notice));
    }

    private void announce(LiveNotice notice) {
        // Re-read once for all the streams here: the notification carries ids.
        Optional<Map<String, Object>> data = counts(notice.sessionId(), notice);
        if (data.isEmpty()) {
            // The session was deleted meanwhile: its streams have nothing more to say.
            Set<SseEmitter> streams = bySession.get(notice.sessionId());
            if (streams != null) {
                List.copyOf(streams).forEach(SseEmitter::complete);
            }
            return;
        }
        String name = notice instanceof SessionNotice ? "session" : "observation";
        long classroomId = ((Number) data.get().get("classroomId")).longValue();
        sendAll(bySession, notice.sessionId(), name, data.get());
        sendAll(byClassroom, classroomId, name, data.get());
    }

    private void sendAll(Map<Long, Set<SseEmitter>> registry, long key, String name,
                         Map<String, Object> data) {
        Set<SseEmitter> streams = registry.get(key);
        if (streams == null) {
            return;
        }
        for (SseEmitter emitter : streams) {
            send(registry, key, emitter, SseEmitter.event().name(name)
                    .data(data, MediaType.APPLICATION_JSON));
        }
    }

    /**
     * Tells every stream on this instance that events may have been missed (the PostgreSQL
     * listener lost its connection), so dashboards re-read everything.
     */
    void resyncAll() {
        queue(() -> {
            everyStream(bySession, (sessionId, emitter) -> send(bySession, sessionId, emitter,
                    SseEmitter.event().name("resync").data(Map.of("sessionId", sessionId),
                            MediaType.APPLICATION_JSON)));
            everyStream(byClassroom, (classroomId, emitter) -> send(byClassroom, classroomId,
                    emitter, SseEmitter.event().name("resync").data(
                            Map.of("classroomId", classroomId), MediaType.APPLICATION_JSON)));
        });
    }

    /** A comment line on every stream: keeps proxies from closing idle ones, finds dead ones. */
    @Scheduled(fixedDelayString = "${affect4j.live.heartbeat:PT15S}",
            initialDelayString = "${affect4j.live.heartbeat:PT15S}")
    void heartbeat() {
        queue(() -> {
            for (Map<Long, Set<SseEmitter>> registry : List.of(bySession, byClassroom)) {
                everyStream(registry, (key, emitter) -> send(registry, key, emitter,
                        SseEmitter.event().comment("keepalive")));
            }
        });
    }

    private static void everyStream(Map<Long, Set<SseEmitter>> registry,
                                    BiConsumer<Long, SseEmitter> action) {
        registry.forEach((key, streams) -> streams.forEach(emitter -> action.accept(key, emitter)));
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

    private Optional<Map<String, Object>> counts(long sessionId, LiveNotice notice) {
        return jdbc.sql("select classroom_id, frame_count, face_count, audio_count, ended_at"
                        + " from sessions where id = ?")
                .param(sessionId)
                .query((rs, row) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("sessionId", sessionId);
                    data.put("classroomId", rs.getLong("classroom_id"));
                    if (notice instanceof ObservationNotice observation) {
                        data.put("kind", observation.kind().label());
                        data.put("observationId", observation.observationId());
                    } else if (notice instanceof SessionNotice session) {
                        data.put("change", session.change().label());
                    }
                    data.put("frameCount", rs.getInt("frame_count"));
                    data.put("faceCount", rs.getInt("face_count"));
                    data.put("audioCount", rs.getInt("audio_count"));
                    data.put("status", rs.getObject("ended_at") == null ? "active" : "ended");
                    return data;
                })
                .optional();
    }

    private void send(Map<Long, Set<SseEmitter>> registry, long key, SseEmitter emitter,
                      SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the stream already completed): forget it. The servlet
            // container reports the failed write to the emitter itself.
            remove(registry, key, emitter);
        }
    }

    private void remove(Map<Long, Set<SseEmitter>> registry, long key, SseEmitter emitter) {
        registry.computeIfPresent(key, (id, streams) -> {
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
        for (Map<Long, Set<SseEmitter>> registry : List.of(bySession, byClassroom)) {
            List.copyOf(registry.values())
                    .forEach(streams -> List.copyOf(streams).forEach(SseEmitter::complete));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
