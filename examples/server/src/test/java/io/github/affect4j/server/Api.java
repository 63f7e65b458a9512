package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: real requests to the running server, JSON answers. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type header, or empty
     * @param json the parsed body, or a missing node when it was not JSON
     * @param text the raw body
     * @param location the Location header, or empty
     * @param headers all headers
     */
    record Response(int status, String contentType, JsonNode json, String text, String location,
                    java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        long id() {
            return json.path("id").asLong();
        }

        String detail() {
            return json.path("detail").asText();
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Response post(String path, String token, Object body) {
        return send(withJson(request(path, token), body, "POST"));
    }

    Response put(String path, String token, Object body) {
        return send(withJson(request(path, token), body, "PUT"));
    }

    /** POST with no body at all. */
    Response post(String path, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST multipart/form-data with one file part. */
    Response upload(String path, String token, String part, String fileName, String contentType,
                    byte[] content) {
        String boundary = "----affect4j" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    // ---- the steps most tests take; each fails the test unless the server accepts it --------

    /** Creates a teacher with an administrator's token; returns the teacher's token. */
    String createTeacher(String adminToken, String name) {
        Response created = post("/api/users", adminToken, Map.of("name", name, "role", "teacher"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("token").asText();
    }

    /** Creates a classroom; returns its id. */
    long createClassroom(String token, String name) {
        Response created = post("/api/classrooms", token, Map.of("name", name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    /** Starts a session in a classroom; returns its id. */
    long startSession(String token, long classroom, String title, boolean consent) {
        Response started = post("/api/classrooms/" + classroom + "/sessions", token,
                Map.of("title", title, "consent", consent));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.id();
    }

    /** Uploads a frame (as a JPEG part) to a session; the answer, whatever its status. */
    Response uploadFrame(String token, long session, byte[] image) {
        return upload("/api/sessions/" + session + "/frames", token, "file", "frame.jpg",
                "image/jpeg", image);
    }

    /** Uploads a clip (as a WAV part) to a session; the answer, whatever its status. */
    Response uploadAudio(String token, long session, byte[] wav) {
        return upload("/api/sessions/" + session + "/audio", token, "file", "clip.wav",
                "audio/wav", wav);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder builder, Object body,
                                                String method) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = response.body().isEmpty() ? JSON.missingNode()
                        : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = JSON.missingNode();
            }
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), json,
                    response.body(), response.headers().firstValue("Location").orElse(""),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
