package io.github.affect4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent event stream read over real HTTP with the bearer header, the way the dashboard
 * reads it with fetch: events are parsed from {@code event:} and {@code data:} lines and queued.
 */
final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event.
     *
     * @param name its {@code event:} name
     * @param data its {@code data:} parsed as JSON
     */
    record Event(String name, JsonNode data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Opens {@code GET /api/sessions/{session}/events} on the server at this port. */
    EventStream(int port, long session, String token) {
        this(port, "/api/sessions/" + session + "/events", token);
    }

    /** Opens {@code GET /api/classrooms/{classroom}/events} on the server at this port. */
    static EventStream ofClassroom(int port, long classroom, String token) {
        return new EventStream(port, "/api/classrooms/" + classroom + "/events", token);
    }

    private EventStream(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + path)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = HTTP.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            if (answer.statusCode() != 200) {
                answer.body().close();
                return;
            }
            String name = "message";
            List<String> data = new ArrayList<>();
            for (String line : (Iterable<String>) answer.body()::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, parse(String.join("\n", data))));
                    }
                    name = "message";
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        });
    }

    /** The HTTP status of the answer. */
    int status() throws Exception {
        return response.get(30, TimeUnit.SECONDS).statusCode();
    }

    /**
     * Waits for the next event that matches, dropping the others.
     *
     * @throws AssertionError if none arrived in time
     */
    Event await(String name, Predicate<JsonNode> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + name + "' event matching within " + timeout
                        + "; other events: " + seen);
            }
            if (event.name().equals(name) && matching.test(event.data())) {
                return event;
            }
            seen.add(event);
        }
    }

    /** Waits for the next event of that name. */
    Event await(String name, Duration timeout) throws InterruptedException {
        return await(name, data -> true, timeout);
    }

    /** Events received and not yet awaited. */
    List<Event> pending() {
        return List.copyOf(events);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
