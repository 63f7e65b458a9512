package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.affect4j.server.Api.Response;
import io.github.affect4j.server.privacy.RetentionPurge;
import io.github.affect4j.serverprobes.TestProbes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP contract of the server, run over real HTTP against each supported database (one
 * subclass, one Spring context, per database) with the detectors discovery finds.
 */
abstract class ServerApiContract {

    /** Set through {@code affect4j.admin-token} in each subclass. */
    static final String ADMIN = "test-admin-token-0123456789";

    /** The limits the subclasses configure, small so the tests stay quick. */
    static final String[] LIMITS = {
        "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=3MB",
        "spring.servlet.multipart.file-size-threshold=3MB",
        "affect4j.limits.max-image-pixels=1000000",
        "affect4j.limits.max-audio-seconds=10",
        "affect4j.privacy.min-faces=3",
        "affect4j.admin-token=" + ADMIN,
        // Every test connects from 127.0.0.1: the failure limit is tested on its own
        // (BearerTokenFilterTest), not allowed to lock the whole suite out here.
        "affect4j.tokens.max-failures=1000",
    };

    @LocalServerPort
    int port;

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestProbes.StoredEvents stored;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    // ---- helpers -------------------------------------------------------------------------

    String teacher(String name) {
        return api.createTeacher(ADMIN, name);
    }

    long classroom(String token, String name) {
        return api.createClassroom(token, name);
    }

    long session(String token, long classroom, boolean consent) {
        return api.startSession(token, classroom, "Lesson", consent);
    }

    Response frame(String token, long session, byte[] image) {
        return api.uploadFrame(token, session, image);
    }

    Response audio(String token, long session, byte[] wav) {
        return api.uploadAudio(token, session, wav);
    }

    static void assertProblem(Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.detail()).containsIgnoringCase(detailPart);
    }

    static double sum(JsonNode scores) {
        double total = 0;
        for (JsonNode value : scores) {
            total += value.asDouble();
        }
        return total;
    }

    // ---- health and documentation ----------------------------------------------------------

    @Test
    void publicHealthSaysOnlyTheStatus() {
        for (String token : new String[] {null, teacher("Health")}) {
            Response health = api.get("/health", token);
            assertThat(health.status()).as(health.text()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            assertThat(fieldNames(health.json())).as("nothing but the status: " + health.text())
                    .containsExactly("status");
        }
    }

    @Test
    void administratorsSeeHealthDetails() {
        Response health = api.get("/health", ADMIN);
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        JsonNode components = health.json().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("details").path("database").asText())
                .isNotBlank();
        JsonNode detectors = components.path("affect4j");
        assertThat(detectors.path("status").asText()).isEqualTo("UP");
        for (String kind : List.of("face", "voice")) {
            JsonNode detector = detectors.path("details").path(kind);
            assertThat(detector.path("available").asBoolean()).as(kind).isTrue();
            assertThat(detector.path("provider").asText()).as(kind).isNotBlank();
            assertThat(detector.path("model").asText()).as(kind).isNotBlank();
            assertThat(detector.path("providers")).as(kind).isNotEmpty();
        }
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertProblem(api.get("/metrics", null), 401, "bearer");
        assertProblem(api.get("/metrics", teacher("Metrics")), 403, "administrator");
        Response metrics = api.get("/metrics/affect4j.analysis.queued", ADMIN);
        assertThat(metrics.status()).as(metrics.text()).isEqualTo(200);
        assertThat(metrics.json().path("measurements")).isNotEmpty();
    }

    /** A statistic of a metric, as an administrator reads it from {@code /metrics}. */
    private double metric(String nameAndTags, String statistic) {
        Response metric = api.get("/metrics/" + nameAndTags, ADMIN);
        assertThat(metric.status()).as(metric.text()).isEqualTo(200);
        for (JsonNode measurement : metric.json().path("measurements")) {
            if (measurement.path("statistic").asText().equals(statistic)) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric.text());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void docsServeTheOpenApiDescriptionAndUi() {
        Response spec = api.get("/v3/api-docs", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().path("paths").has("/api/classrooms")).isTrue();
        assertThat(spec.json().path("paths").has("/api/sessions/{id}/frames")).isTrue();
        assertThat(spec.json().path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(spec.json().path("components").path("schemas").path("Problem")
                .path("properties").has("detail")).isTrue();

        Response docs = api.get("/docs", null);
        assertThat(docs.status()).isIn(200, 302);
        String ui = docs.status() == 302 ? pathOf(docs.location()) : "/docs";
        Response page = api.get(ui, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("swagger");
    }

    private static String pathOf(String location) {
        return java.net.URI.create(location).getPath();
    }

    // ---- users and authentication ----------------------------------------------------------

    @Test
    void requestsWithoutAValidTokenAre401() {
        assertProblem(api.get("/api/classrooms", null), 401, "bearer token");
        assertProblem(api.get("/api/classrooms", "a4j_not-a-token"), 401, "unknown");
        assertProblem(api.post("/api/users", null, Map.of("name", "x", "role", "teacher")), 401,
                "bearer");
    }

    @Test
    void onlyAdministratorsCreateUsersAndTokensAreShownOnce() {
        Response created = api.post("/api/users", ADMIN,
                Map.of("name", "Ada Lovelace", "role", "teacher"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asLong()).isPositive();
        assertThat(created.json().path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(created.json().path("role").asText()).isEqualTo("teacher");
        String token = created.json().path("token").asText();
        assertThat(token).startsWith("a4j_").hasSizeGreaterThan(40);

        assertThat(api.get("/api/classrooms", token).status()).isEqualTo(200);
        assertProblem(api.post("/api/users", token, Map.of("name", "Eve", "role", "teacher")),
                403, "administrator");
    }

    @Test
    void onlyHashesOfTokensAreStored() throws Exception {
        String token = teacher("Hashed");
        List<String> stored = jdbc.queryForList("select token_hash from users", String.class);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored).contains(hash).doesNotContain(token, ADMIN);
    }

    @Test
    void theSchemaHasNowhereToStoreMedia() {
        List<String> types = jdbc.queryForList("select lower(data_type) from"
                + " information_schema.columns where lower(table_name) in ('users', 'classrooms',"
                + " 'sessions', 'frame_observations', 'face_observations', 'audio_observations')",
                String.class);
        assertThat(types).isNotEmpty().noneMatch(type -> type.contains("blob")
                || type.contains("bytea") || type.contains("binary") || type.contains("clob")
                || type.equals("text") || type.contains("json") || type.contains("array"));
    }

    @Test
    void everyEmotionHasItsScoreColumnInBothTables() {
        for (String table : List.of("face_observations", "audio_observations")) {
            List<String> columns = jdbc.queryForList("select lower(column_name) from"
                    + " information_schema.columns where lower(table_name) = ?", String.class,
                    table);
            for (io.github.affect4j.Emotion emotion : io.github.affect4j.Emotion.values()) {
                assertThat(columns).as(table).contains(
                        io.github.affect4j.server.analysis.EmotionColumns.column(emotion));
            }
        }
    }

    @Test
    void badUserRequestsAre400() {
        assertProblem(api.post("/api/users", ADMIN, Map.of("name", "X", "role", "principal")),
                400, "unknown role 'principal'");
        assertProblem(api.post("/api/users", ADMIN, Map.of("name", " ", "role", "teacher")), 400,
                "name");
        assertProblem(api.post("/api/users", ADMIN, "{not json"), 400, "not valid JSON");
    }

    @Test
    void everyOperationDocumentsItsProblems() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        Map<String, List<Integer>> documented = new java.util.TreeMap<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            List<Integer> problems = new ArrayList<>();
            op.getValue().path("responses").properties().forEach(response -> {
                JsonNode schema = response.getValue().path("content")
                        .path("application/problem+json").path("schema");
                if (!schema.isMissingNode()) {
                    assertThat(schema.path("$ref").asText())
                            .isEqualTo("#/components/schemas/Problem");
                    problems.add(Integer.parseInt(response.getKey()));
                }
            });
            documented.put(op.getValue().path("operationId").asText(), problems);
        }));
        assertThat(documented).hasSize(19);
        assertThat(documented.get("analyseFrame"))
                .contains(400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503);
        assertThat(documented.get("endSession")).contains(401, 403, 404, 409).doesNotContain(413);
        assertThat(documented.get("listClassrooms")).containsExactlyInAnyOrder(401, 429, 500,
                503);
        assertThat(documented.get("revokeTokens")).contains(403, 404);
        assertThat(paths.path("/api/sessions/{id}/frames").path("post").path("responses")
                .path("503").path("headers").has("Retry-After")).isTrue();
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void unexpectedErrorsAre500WithACorrelationIdAndNothingInternal() {
        String token = teacher("Failures");
        for (String kind : List.of("illegal-argument", "null-pointer")) {
            Response failed = api.get("/api/test-failures/" + kind, token);
            assertProblem(failed, 500, "unexpected");
            String id = failed.json().path("correlationId").asText();
            assertThat(id).as(kind).matches("[0-9a-f-]{36}");
            assertThat(failed.detail()).contains(id);
            assertThat(failed.text()).as(kind).doesNotContain(TestProbes.SECRET, "Exception",
                    "at io.github");
        }
    }

    @Test
    void integrityViolationsAre409AndAnUnreachableDatabaseIs503WithRetryAfter() {
        String token = teacher("Database failures");
        Response duplicate = api.get("/api/test-failures/duplicate", token);
        assertProblem(duplicate, 409, "conflicts");
        assertThat(duplicate.text()).doesNotContain(TestProbes.SECRET);
        Response down = api.get("/api/test-failures/no-connection", token);
        assertProblem(down, 503, "database");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.text()).doesNotContain(TestProbes.SECRET);
        // The database gone in the middle of a transaction: Spring reports the failed rollback.
        Response rollback = api.get("/api/test-failures/rollback-failed", token);
        assertProblem(rollback, 503, "database");
        assertThat(rollback.header("Retry-After")).isEqualTo("5");
        assertThat(rollback.text()).doesNotContain(TestProbes.SECRET);
        // An ApiException's own Retry-After (the analysis pool's 503) reaches the client too.
        Response busy = api.get("/api/test-failures/busy", token);
        assertProblem(busy, 503, "busy");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void theServletErrorPageIsAProblemToo() {
        Response error = api.get("/error", null);
        assertThat(error.contentType()).startsWith("application/problem+json");
        assertThat(error.json().path("status").asInt()).isEqualTo(error.status());
        assertThat(api.get("/no/such/page", null).contentType())
                .startsWith("application/problem+json");
    }

    // ---- tokens -------------------------------------------------------------------------------

    @Test
    void tokensAreRevokedByTheirUserOrAnAdministratorAndReissued() {
        Response created = api.post("/api/users", ADMIN, Map.of("name", "Rev", "role", "teacher"));
        long id = created.id();
        String token = created.json().path("token").asText();
        assertThat(OffsetDateTime.parse(created.json().path("expiresAt").asText()))
                .isAfter(OffsetDateTime.now().plusDays(89));
        String other = teacher("Other");

        assertProblem(api.delete("/api/users/" + id + "/tokens", other), 403, "administrator");
        assertProblem(api.delete("/api/users/999999/tokens", ADMIN), 404, "does not exist");
        assertThat(api.delete("/api/users/" + id + "/tokens", token).status()).isEqualTo(204);
        assertProblem(api.get("/api/classrooms", token), 401, "revoked");

        Response renewed = api.post("/api/users/" + id + "/tokens", ADMIN);
        assertThat(renewed.status()).as(renewed.text()).isEqualTo(201);
        String fresh = renewed.json().path("token").asText();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(api.get("/api/classrooms", fresh).status()).isEqualTo(200);
        // A user may replace their own token; the old one stops working.
        String newer = api.post("/api/users/" + id + "/tokens", fresh).json().path("token")
                .asText();
        assertProblem(api.get("/api/classrooms", fresh), 401, "unknown");
        assertThat(api.get("/api/classrooms", newer).status()).isEqualTo(200);
        // An administrator revokes anyone's.
        assertThat(api.delete("/api/users/" + id + "/tokens", ADMIN).status()).isEqualTo(204);
        assertProblem(api.get("/api/classrooms", newer), 401, "revoked");
    }

    @Test
    void expiredTokensAre401() {
        Response created = api.post("/api/users", ADMIN, Map.of("name", "Old", "role", "teacher"));
        String token = created.json().path("token").asText();
        assertThat(api.get("/api/classrooms", token).status()).isEqualTo(200);
        jdbc.update("update users set token_issued_at = ? where id = ?",
                OffsetDateTime.now().minusDays(91), created.id());
        assertProblem(api.get("/api/classrooms", token), 401, "expired");
    }

    // ---- classrooms and authorisation --------------------------------------------------------

    @Test
    void classroomsAreCreatedListedRenamedAndDeleted() {
        String token = teacher("Grace");
        Response created = api.post("/api/classrooms", token, Map.of("name", "7C"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        assertThat(created.json().path("name").asText()).isEqualTo("7C");

        Response list = api.get("/api/classrooms", token);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("id").asLong()).isEqualTo(id);

        Response renamed = api.put("/api/classrooms/" + id, token, Map.of("name", "7C maths"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/api/classrooms/" + id, token).json().path("name").asText())
                .isEqualTo("7C maths");

        assertProblem(api.post("/api/classrooms", token, Map.of("name", "")), 400, "name");

        long session = session(token, id, false);
        assertThat(api.delete("/api/classrooms/" + id, token).status()).isEqualTo(204);
        assertProblem(api.get("/api/classrooms/" + id, token), 404, "does not exist");
        assertProblem(api.get("/api/sessions/" + session, token), 404, "does not exist");
    }

    @Test
    void aTeacherCannotReachAnotherTeachersClassroomOrSessions() {
        String a = teacher("Teacher A");
        String b = teacher("Teacher B");
        long classroom = classroom(a, "A's class");
        long session = session(a, classroom, true);

        assertProblem(api.get("/api/classrooms/" + classroom, b), 403, "another teacher");
        assertProblem(api.put("/api/classrooms/" + classroom, b, Map.of("name", "mine")), 403,
                "another teacher");
        assertProblem(api.delete("/api/classrooms/" + classroom, b), 403, "another teacher");
        assertProblem(api.get("/api/classrooms/" + classroom + "/sessions", b), 403,
                "another teacher");
        assertProblem(api.post("/api/classrooms/" + classroom + "/sessions", b), 403,
                "another teacher");
        assertProblem(api.get("/api/classrooms/" + classroom + "/summary", b), 403,
                "another teacher");
        assertProblem(api.get("/api/sessions/" + session, b), 403, "another teacher");
        assertProblem(api.get("/api/sessions/" + session + "/summary", b), 403, "another");
        assertProblem(api.get("/api/sessions/" + session + "/timeline", b), 403, "another");
        assertProblem(api.post("/api/sessions/" + session + "/end", b), 403, "another");
        assertProblem(frame(b, session, Media.astronaut()), 403, "another teacher");
        assertProblem(audio(b, session, Media.speech()), 403, "another teacher");
        assertThat(api.get("/api/classrooms", b).json()).isEmpty();

        assertProblem(api.get("/api/classrooms/987654321", b), 404, "does not exist");
        assertProblem(api.get("/api/sessions/987654321", b), 404, "does not exist");
        assertProblem(frame(b, 987654321, Media.astronaut()), 404, "does not exist");

        // The owner and the administrator still can; the session took nothing from B.
        assertThat(api.get("/api/classrooms/" + classroom, a).status()).isEqualTo(200);
        assertThat(api.get("/api/classrooms/" + classroom, ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/api/sessions/" + session, a).json().path("frameCount").asInt())
                .isZero();
    }

    // ---- sessions ---------------------------------------------------------------------------

    @Test
    void sessionsStartWithOrWithoutABodyAndEndOnce() {
        String token = teacher("Sessions");
        long classroom = classroom(token, "S");
        Response bare = api.post("/api/classrooms/" + classroom + "/sessions", token);
        assertThat(bare.status()).as(bare.text()).isEqualTo(201);
        assertThat(bare.json().path("consent").asBoolean()).isFalse();
        assertThat(bare.json().path("status").asText()).isEqualTo("active");

        long titled = session(token, classroom, true);
        Response list = api.get("/api/classrooms/" + classroom + "/sessions", token);
        assertThat(list.json()).hasSize(2);

        Response ended = api.post("/api/sessions/" + titled + "/end", token);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("status").asText()).isEqualTo("ended");
        assertThat(ended.json().path("endedAt").asText()).isNotBlank();
        assertProblem(api.post("/api/sessions/" + titled + "/end", token), 409, "ended");
        assertProblem(frame(token, titled, Media.astronaut()), 409, "ended");
        assertProblem(audio(token, titled, Media.speech()), 409, "ended");
        assertThat(api.get("/api/sessions/" + titled, token).json().path("frameCount").asInt())
                .isZero();
    }

    // ---- the full flow with the real detectors ----------------------------------------------

    @Test
    void consentedSessionFlowGivesPerFaceResultsTimelineAndSummaries() {
        String token = teacher("Flow");
        long classroom = classroom(token, "Flow class");
        long session = session(token, classroom, true);

        Response photo = frame(token, session, Media.astronaut());
        assertThat(photo.status()).as(photo.text()).isEqualTo(201);
        assertThat(photo.json().path("faceCount").asInt()).isEqualTo(1);
        assertThat(photo.json().path("imageWidth").asInt()).isEqualTo(512);
        assertThat(photo.json().path("detector").asText()).isNotBlank();
        JsonNode face = photo.json().path("faces").get(0);
        assertThat(face.path("box").path("width").asInt()).isPositive();
        assertThat(sum(face.path("scores"))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(face.path("dominant").asText()).isNotBlank();

        assertThat(stored.events).anySatisfy(event -> {
            assertThat(event.session().id()).isEqualTo(session);
            assertThat(event.observationId()).isEqualTo(photo.id());
            assertThat(event).isInstanceOf(
                    io.github.affect4j.server.analysis.ObservationStored.Frame.class);
        });

        Response png = api.upload("/api/sessions/" + session + "/frames", token, "file",
                "declared-as-text.txt", "text/plain", Media.astronautPng());
        assertThat(png.status()).as("content is recognised from the bytes: " + png.text())
                .isEqualTo(201);

        Response speech = audio(token, session, Media.speech());
        assertThat(speech.status()).as(speech.text()).isEqualTo(201);
        assertThat(speech.json().path("durationSeconds").asDouble()).isBetween(7.0, 7.2);
        assertThat(speech.json().path("speech").asBoolean()).isTrue();
        assertThat(sum(speech.json().path("scores"))).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(speech.json().path("arousal").isNumber()).isTrue();

        // The starter measures every detector call; this test alone made two frame analyses
        // and one clip analysis (other tests may have added theirs).
        assertThat(metric("affect4j.detector.calls?tag=kind:face&tag=operation:analyze"
                + "&tag=outcome:success", "COUNT")).isGreaterThanOrEqualTo(2);
        assertThat(metric("affect4j.detector.faces", "COUNT")).isGreaterThanOrEqualTo(2);
        assertThat(metric("affect4j.detector.calls?tag=kind:voice&tag=outcome:success", "COUNT"))
                .isGreaterThanOrEqualTo(1);

        Response timeline = api.get("/api/sessions/" + session + "/timeline?bucket=PT10S", token);
        assertThat(timeline.status()).as(timeline.text()).isEqualTo(200);
        assertThat(timeline.json().path("bucket").asText()).isEqualTo("PT10S");
        JsonNode buckets = timeline.json().path("buckets");
        assertThat(buckets).isNotEmpty();
        int frames = 0;
        for (JsonNode bucket : buckets) {
            frames += bucket.path("counts").path("frames").asInt();
        }
        assertThat(frames).isEqualTo(2);
        JsonNode first = buckets.get(0);
        assertThat(first.path("disclosure").asText()).isEqualTo("consented");
        assertThat(sum(first.path("faceAffect").path("emotions"))).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-3));

        Response summary = api.get("/api/sessions/" + session + "/summary", token);
        assertThat(summary.status()).isEqualTo(200);
        JsonNode s = summary.json();
        assertThat(s.path("counts").path("frames").asInt()).isEqualTo(2);
        assertThat(s.path("counts").path("faces").asInt()).isEqualTo(2);
        assertThat(s.path("counts").path("audioClips").asInt()).isEqualTo(1);
        assertThat(s.path("disclosure").asText()).isEqualTo("consented");
        assertThat(s.path("faceAffect").path("contributors").asInt()).isEqualTo(2);
        // The database's sums land on the right emotions: each mean is the mean of the two
        // faces' own scores, emotion by emotion.
        JsonNode jpegScores = photo.json().path("faces").get(0).path("scores");
        JsonNode pngScores = png.json().path("faces").get(0).path("scores");
        jpegScores.properties().forEach(score -> assertThat(s.path("faceAffect").path("emotions")
                .path(score.getKey()).asDouble()).as(score.getKey())
                .isCloseTo((score.getValue().asDouble() + pngScores.path(score.getKey()).asDouble())
                        / 2, org.assertj.core.data.Offset.offset(1e-4)));
        assertThat(s.path("faceAffect").path("emotions").size()).isEqualTo(8);
        assertThat(s.path("voiceAffect").path("contributors").asInt()).isEqualTo(1);
        assertThat(s.path("engagement").path("talkRatio").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.path("faceDetectors")).isNotEmpty();

        assertThat(api.post("/api/sessions/" + session + "/end", token).status()).isEqualTo(200);
        Response room = api.get("/api/classrooms/" + classroom + "/summary", token);
        assertThat(room.status()).isEqualTo(200);
        assertThat(room.json().path("sessions").asInt()).isEqualTo(1);
        assertThat(room.json().path("sessionsDisclosed").asInt()).isEqualTo(1);
        assertThat(room.json().path("faceAffect").path("contributors").asInt()).isEqualTo(2);
        assertThat(room.json().path("perSession").get(0).path("counts").path("frames").asInt())
                .isEqualTo(2);
    }

    @Test
    void withoutConsentOnlyAggregatesOfEnoughFacesAreShown() {
        String token = teacher("Privacy");
        long classroom = classroom(token, "Private class");
        long session = session(token, classroom, false);

        Response photo = frame(token, session, Media.astronaut());
        assertThat(photo.status()).as(photo.text()).isEqualTo(201);
        assertThat(photo.json().path("faceCount").asInt()).isEqualTo(1);
        assertThat(photo.json().has("faces")).isFalse();
        assertThat(photo.json().path("notice").asText()).contains("consent");
        Response speech = audio(token, session, Media.speech());
        assertThat(speech.status()).isEqualTo(201);
        assertThat(speech.json().has("scores")).isFalse();
        assertThat(speech.json().has("arousal")).isFalse();

        Response withheld = api.get("/api/sessions/" + session + "/summary", token);
        assertThat(withheld.json().path("disclosure").asText()).isEqualTo("withheld");
        assertThat(withheld.json().path("withheldReason").asText()).contains("fewer than");
        assertThat(withheld.json().has("faceAffect")).isFalse();
        assertThat(withheld.json().has("voiceAffect")).isFalse();
        assertThat(withheld.json().path("engagement").has("attention")).isFalse();
        assertThat(withheld.json().path("counts").path("faces").asInt()).isEqualTo(1);
        Response timeline = api.get("/api/sessions/" + session + "/timeline?bucket=PT10S", token);
        assertThat(timeline.json().path("buckets").get(0).path("disclosure").asText())
                .isEqualTo("withheld");
        assertThat(timeline.json().path("buckets").get(0).has("faceAffect")).isFalse();
        Response room = api.get("/api/classrooms/" + classroom + "/summary", token);
        assertThat(room.json().path("disclosure").asText()).isEqualTo("withheld");
        assertThat(room.json().has("faceAffect")).isFalse();

        // A frame with three faces together reaches the minimum: group aggregates appear.
        Response group = frame(token, session, Media.astronauts(3));
        assertThat(group.status()).as(group.text()).isEqualTo(201);
        assertThat(group.json().path("faceCount").asInt()).isEqualTo(3);
        assertThat(group.json().has("faces")).isFalse();
        Response shown = api.get("/api/sessions/" + session + "/summary", token);
        assertThat(shown.json().path("disclosure").asText()).isEqualTo("aggregate");
        assertThat(shown.json().path("faceAffect").path("contributors").asInt()).isEqualTo(4);
        assertThat(shown.json().path("voiceAffect").path("contributors").asInt()).isEqualTo(1);
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void everyLimitAndBadFileIsAProblemAndStoresNothing() {
        String token = teacher("Limits");
        long session = session(token, classroom(token, "Limits"), true);
        String frames = "/api/sessions/" + session + "/frames";
        String audio = "/api/sessions/" + session + "/audio";

        // Bytes: over the 2 MB multipart limit.
        byte[] big = new byte[2_500_000];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertProblem(frame(token, session, big), 413, "larger than");
        // Pixels: a small valid PNG whose header says 1100x1000, over the 1 MP limit.
        byte[] wide = Media.blank(1100, 1000, "png");
        assertThat(wide.length).isLessThan(100_000);
        assertProblem(frame(token, session, wide), 413, "exceeds the limit");
        // Duration: 11 s of audio, over the 10 s limit.
        assertProblem(audio(token, session, Media.silentWav(11, 8000)), 413, "");

        // Content, not the declared type, decides.
        assertProblem(api.upload(frames, token, "file", "a.jpg", "image/jpeg",
                "hello, I am text".getBytes()), 415, "unrecognised");
        assertProblem(api.upload(frames, token, "file", "a.gif", "image/gif",
                Media.blank(10, 10, "gif")), 415, "GIF");
        assertProblem(api.upload(frames, token, "file", "a.jpg", "image/jpeg", Media.speech()),
                415, "WAV");
        assertProblem(api.upload(audio, token, "file", "a.wav", "audio/wav", Media.astronaut()),
                415, "JPEG");

        // Empty and missing files.
        assertProblem(frame(token, session, new byte[0]), 400, "empty");
        assertProblem(audio(token, session, new byte[0]), 400, "empty");
        assertProblem(api.upload(frames, token, "image", "a.jpg", "image/jpeg",
                Media.astronaut()), 400, "file");

        // Corrupt files: 422 with the reason.
        byte[] photo = Media.astronaut();
        assertProblem(frame(token, session, Media.truncated(photo, photo.length / 2)), 422, "");
        byte[] garbage = Media.truncated(photo, 2000);
        for (int i = 20; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        assertProblem(frame(token, session, garbage), 422, "");
        byte[] png = Media.astronautPng();
        assertProblem(frame(token, session, Media.truncated(png, png.length / 3)), 422, "");
        assertProblem(audio(token, session, Media.corruptWav()), 422, "block size");
        assertProblem(audio(token, session, Media.truncated(Media.speech(), 30)), 422, "");
        assertProblem(audio(token, session, Media.unsupportedWav()), 415, "3-bit");

        // Nothing was half-written.
        Response state = api.get("/api/sessions/" + session, token);
        assertThat(state.json().path("frameCount").asInt()).isZero();
        assertThat(state.json().path("audioCount").asInt()).isZero();
        Response summary = api.get("/api/sessions/" + session + "/summary", token);
        assertThat(summary.json().path("counts").path("frames").asInt()).isZero();
        assertThat(summary.json().path("counts").path("audioClips").asInt()).isZero();
    }

    @Test
    void badTimelineBucketsAre400() {
        String token = teacher("Buckets");
        long session = session(token, classroom(token, "Buckets"), true);
        assertProblem(api.get("/api/sessions/" + session + "/timeline?bucket=soon", token), 400,
                "bucket");
        assertProblem(api.get("/api/sessions/" + session + "/timeline?bucket=PT0.1S", token), 400,
                "at least");
        Response empty = api.get("/api/sessions/" + session + "/timeline?bucket=PT10S", token);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("buckets")).isEmpty();
    }

    // ---- retention ----------------------------------------------------------------------------

    @Test
    void retentionPurgesOldObservations() throws Exception {
        String token = teacher("Retention");
        long session = session(token, classroom(token, "Retention"), true);
        Response old = frame(token, session, Media.astronaut());
        assertThat(old.status()).isEqualTo(201);
        Thread.sleep(20);
        Response recent = audio(token, session, Media.speech());
        assertThat(recent.status()).isEqualTo(201);
        Instant cutoff = OffsetDateTime.parse(recent.json().path("observedAt").asText())
                .toInstant();

        assertThat(purge.purgeBefore(cutoff)).isGreaterThanOrEqualTo(2); // the frame, its face
        JsonNode counts = api.get("/api/sessions/" + session + "/summary", token).json()
                .path("counts");
        assertThat(counts.path("frames").asInt()).isZero();
        assertThat(counts.path("faces").asInt()).isZero();
        assertThat(counts.path("audioClips").asInt()).isEqualTo(1);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    void concurrentUploadsToOneSessionAreAllStored() throws Exception {
        String token = teacher("Concurrency");
        long session = session(token, classroom(token, "Busy"), false);
        byte[] photo = Media.astronaut(256);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    Api client = new Api(port);
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.add(client.upload("/api/sessions/" + session + "/frames", token,
                                "file", "f.jpg", "image/jpeg", photo).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).containsOnly(201).hasSize(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = threads * perThread;
        JsonNode state = api.get("/api/sessions/" + session, token).json();
        assertThat(state.path("frameCount").asInt()).isEqualTo(total);
        assertThat(state.path("faceCount").asInt()).isEqualTo(total);
        JsonNode counts = api.get("/api/sessions/" + session + "/summary", token).json()
                .path("counts");
        assertThat(counts.path("frames").asInt()).isEqualTo(total);
        assertThat(counts.path("faces").asInt()).isEqualTo(total);
    }
}
