package io.github.affect4j.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.server.sessions.SessionChanged;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/** The stream registry's limits and the notification payload, without a web server. */
class LiveStreamsTest {

    private LiveStreams streams;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:live-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table classrooms (id bigint primary key)").update();
        jdbc.sql("insert into classrooms values (3)").update();
        jdbc.sql("create table sessions (id bigint primary key, classroom_id bigint,"
                + " frame_count integer, face_count integer, audio_count integer,"
                + " ended_at timestamp with time zone)").update();
        jdbc.sql("insert into sessions values (7, 3, 2, 5, 1, null)").update();
        streams = new LiveStreams(jdbc, new LiveProperties(LiveProperties.Relay.AUTO, 2,
                Duration.ofMinutes(30), Duration.ofSeconds(15)));
        streams.start();
    }

    @AfterEach
    void stop() {
        streams.stop();
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503() {
        streams.open(7);
        streams.open(7);
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThatThrownBy(() -> streams.open(7))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getReason()).contains("affect4j.live.max-streams");
                });
        assertThat(streams.openStreams()).isEqualTo(2);
    }

    @Test
    void classroomStreamsCountTowardsTheSameLimit() {
        streams.openClassroom(3);
        streams.open(7);
        assertThatThrownBy(() -> streams.openClassroom(3))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        assertThat(streams.openStreams()).isEqualTo(2);
    }

    @Test
    void aDeletedSessionGets404AndLeavesNoStreamCounted() {
        assertThatThrownBy(() -> streams.open(99))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> streams.openClassroom(99))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void aStoppedRegistryRefusesNewStreams() {
        streams.stop();
        assertThatThrownBy(() -> streams.open(7))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
    }

    @Test
    void payloadsRoundTripAndForeignOnesAreRejectedByName() {
        ObservationNotice event = new ObservationNotice(7, ObservationNotice.Kind.AUDIO, 42);
        assertThat(event.payload()).isEqualTo("7:audio:42");
        assertThat(ObservationNotice.parse("7:audio:42")).isEqualTo(event);
        assertThat(ObservationNotice.parse("12:frame:3"))
                .isEqualTo(new ObservationNotice(12, ObservationNotice.Kind.FRAME, 3));
        for (String bad : new String[] {"", "7:audio", "7:video:1", "x:frame:1", "0:frame:1",
            "7:frame:1:extra"}) {
            assertThatThrownBy(() -> ObservationNotice.parse(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void sessionPayloadsRoundTripAndAreToldApartFromObservations() {
        SessionNotice ended = new SessionNotice(7, 3, SessionChanged.Change.ENDED);
        assertThat(ended.payload()).isEqualTo("session:7:3:ended");
        assertThat(LiveNotice.parse("session:7:3:ended")).isEqualTo(ended);
        assertThat(LiveNotice.parse("session:12:4:started"))
                .isEqualTo(new SessionNotice(12, 4, SessionChanged.Change.STARTED));
        assertThat(LiveNotice.parse("7:frame:42"))
                .isEqualTo(new ObservationNotice(7, ObservationNotice.Kind.FRAME, 42));
        for (String bad : new String[] {"session:", "session:7:3", "session:7:3:paused",
            "session:x:3:ended", "session:7:0:ended", "session:7:3:ended:1", "sessions:7:3:ended"}) {
            assertThatThrownBy(() -> LiveNotice.parse(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void settingsAreValidatedWithTheirNames() {
        assertThatThrownBy(() -> new LiveProperties(LiveProperties.Relay.AUTO, 0,
                Duration.ofMinutes(1), Duration.ofSeconds(5)))
                .hasMessageContaining("affect4j.live.max-streams").hasMessageContaining("0");
        assertThatThrownBy(() -> new LiveProperties(LiveProperties.Relay.AUTO, 1,
                Duration.ofMinutes(1), Duration.ofMinutes(2)))
                .hasMessageContaining("affect4j.live.heartbeat").hasMessageContaining("PT2M");
    }
}
