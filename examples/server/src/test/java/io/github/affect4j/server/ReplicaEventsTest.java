package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.affect4j.server.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the server (two Spring contexts on their own random ports, as two replicas
 * behind a load balancer would be) on one embedded PostgreSQL: an upload to either, and a
 * session started or ended through either, reaches the event streams of both, through
 * PostgreSQL LISTEN/NOTIFY.
 */
class ReplicaEventsTest {

    private static final String ADMIN = "replica-test-admin-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        // One after the other, as a rolling start would: the first migrates the schema.
        first = replica();
        second = replica();
    }

    private static ConfigurableApplicationContext replica() {
        return PostgresReplicas.start(postgres, ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {
            second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return PostgresReplicas.port(context);
    }

    @Test
    void anUploadToOneReplicaReachesTheStreamsOfBoth() throws Exception {
        Api a = new Api(port(first));
        Api b = new Api(port(second));
        assertThat(port(first)).isNotEqualTo(port(second));
        // The teacher's token, created on one replica, works on the other: nothing of it lives
        // in a replica's memory.
        String teacher = a.createTeacher(ADMIN, "Rivera");
        long classroom = b.createClassroom(teacher, "7C");
        long session = a.startSession(teacher, classroom, "Replicas", false);

        try (EventStream onFirst = new EventStream(port(first), session, teacher);
             EventStream onSecond = new EventStream(port(second), session, teacher)) {
            onFirst.await("ready", WAIT);
            onSecond.await("ready", WAIT);

            Response frame = a.uploadFrame(teacher, session, Media.astronaut());
            assertThat(frame.status()).as(frame.text()).isEqualTo(201);
            EventStream.Event seenBySecond = onSecond.await("observation",
                    data -> data.path("observationId").asLong() == frame.id(), WAIT);
            assertThat(seenBySecond.data().path("kind").asText()).isEqualTo("frame");
            assertThat(seenBySecond.data().path("frameCount").asInt()).isEqualTo(1);
            onFirst.await("observation",
                    data -> data.path("observationId").asLong() == frame.id(), WAIT);

            Response clip = b.uploadAudio(teacher, session, Media.speech());
            assertThat(clip.status()).as(clip.text()).isEqualTo(201);
            EventStream.Event seenByFirst = onFirst.await("observation",
                    data -> data.path("kind").asText().equals("audio"), WAIT);
            assertThat(seenByFirst.data().path("observationId").asLong()).isEqualTo(clip.id());
            assertThat(seenByFirst.data().path("audioCount").asInt()).isEqualTo(1);
            assertThat(seenByFirst.data().path("frameCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSessionStartedAndEndedThroughOneReplicaDoesSoOnTheOthersStreams() throws Exception {
        Api a = new Api(port(first));
        String teacher = a.createTeacher(ADMIN, "Okafor");
        long classroom = a.createClassroom(teacher, "8D");
        long session = a.startSession(teacher, classroom, "Ended elsewhere", false);

        try (EventStream onSecond = new EventStream(port(second), session, teacher);
             EventStream roomOnSecond = EventStream.ofClassroom(port(second), classroom,
                     teacher)) {
            onSecond.await("ready", WAIT);
            roomOnSecond.await("ready", WAIT);

            Response ended = a.post("/api/sessions/" + session + "/end", teacher);
            assertThat(ended.status()).as(ended.text()).isEqualTo(200);
            EventStream.Event seen = onSecond.await("session", WAIT);
            assertThat(seen.data().path("change").asText()).isEqualTo("ended");
            assertThat(seen.data().path("status").asText()).isEqualTo("ended");
            EventStream.Event seenInRoom = roomOnSecond.await("session",
                    data -> data.path("sessionId").asLong() == session, WAIT);
            assertThat(seenInRoom.data().path("change").asText()).isEqualTo("ended");

            long next = a.startSession(teacher, classroom, "Started elsewhere", false);
            EventStream.Event started = roomOnSecond.await("session",
                    data -> data.path("sessionId").asLong() == next, WAIT);
            assertThat(started.data().path("change").asText()).isEqualTo("started");
            assertThat(started.data().path("status").asText()).isEqualTo("active");
        }
    }
}
