package io.github.affect4j.server;

import io.github.affect4j.server.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One server on H2 (so live events go through the in-memory relay) shared by the live-event and
 * dashboard tests: both extend this class, so Spring's test context cache starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LiveH2Server {

    static final String ADMIN = "live-test-admin-token-0123456789";

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = "target/h2-live-test/" + System.nanoTime();
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + dir + "/affect4j");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("affect4j.admin-token", () -> ADMIN);
        registry.add("affect4j.privacy.min-faces", () -> "3");
        // Dead streams are noticed at the next heartbeat; keep that short in tests.
        registry.add("affect4j.live.heartbeat", () -> "PT1S");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

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
}
