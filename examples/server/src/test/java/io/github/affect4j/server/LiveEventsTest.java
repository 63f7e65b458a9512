package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.affect4j.server.Api.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session event stream on one instance (H2, in-memory relay), over real HTTP. */
class LiveEventsTest extends LiveH2Server {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anUploadIsAnnouncedWithCountsAndNoAffect() throws Exception {
        String teacher = teacher("Live");
        long session = session(teacher, classroom(teacher, "L1"), true);
        try (EventStream stream = new EventStream(port, session, teacher)) {
            assertThat(stream.status()).isEqualTo(200);
            EventStream.Event ready = stream.await("ready", WAIT);
            assertThat(ready.data().path("sessionId").asLong()).isEqualTo(session);
            assertThat(ready.data().path("frameCount").asInt()).isZero();
            assertThat(ready.data().path("status").asText()).isEqualTo("active");

            Response frame = frame(teacher, session, Media.astronaut());
            assertThat(frame.status()).as(frame.text()).isEqualTo(201);
            EventStream.Event event = stream.await("observation", WAIT);
            assertThat(event.data().path("observationId").asLong()).isEqualTo(frame.id());
            assertThat(event.data().path("kind").asText()).isEqualTo("frame");
            assertThat(event.data().path("frameCount").asInt()).isEqualTo(1);
            assertThat(event.data().path("faceCount").asInt()).isEqualTo(1);
            // Even with consent the stream says only what was counted; affect is read through
            // the reports, where the disclosure rules apply.
            assertThat(event.data().has("scores")).isFalse();
            assertThat(event.data().has("faces")).isFalse();

            Response clip = api.upload("/api/sessions/" + session + "/audio", teacher, "file",
                    "speech.wav", "audio/wav", Media.speech());
            assertThat(clip.status()).as(clip.text()).isEqualTo(201);
            EventStream.Event audio = stream.await("observation", WAIT);
            assertThat(audio.data().path("kind").asText()).isEqualTo("audio");
            assertThat(audio.data().path("observationId").asLong()).isEqualTo(clip.id());
            assertThat(audio.data().path("audioCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedUploadIsNotAnnounced() throws Exception {
        String teacher = teacher("Refused");
        long session = session(teacher, classroom(teacher, "L2"), false);
        try (EventStream stream = new EventStream(port, session, teacher)) {
            stream.await("ready", WAIT);
            assertThat(api.post("/api/sessions/" + session + "/end", teacher).status())
                    .isEqualTo(200);
            assertThat(frame(teacher, session, Media.astronaut()).status()).isEqualTo(409);
            Thread.sleep(1_000);
            assertThat(stream.pending()).noneMatch(e -> e.name().equals("observation"));
        }
    }

    @Test
    void endingAndStartingASessionAreAnnouncedOnItsStreamAndItsClassroomStream()
            throws Exception {
        String teacher = teacher("Lifecycle");
        long classroom = classroom(teacher, "L4");
        long session = session(teacher, classroom, false);
        try (EventStream stream = new EventStream(port, session, teacher);
             EventStream room = EventStream.ofClassroom(port, classroom, teacher)) {
            assertThat(stream.await("ready", WAIT).data().path("status").asText())
                    .isEqualTo("active");
            assertThat(room.await("ready", WAIT).data().path("classroomId").asLong())
                    .isEqualTo(classroom);

            // Another client ends the session: both streams say so, with the session's status.
            assertThat(api.post("/api/sessions/" + session + "/end", teacher).status())
                    .isEqualTo(200);
            EventStream.Event ended = stream.await("session", WAIT);
            assertThat(ended.data().path("sessionId").asLong()).isEqualTo(session);
            assertThat(ended.data().path("change").asText()).isEqualTo("ended");
            assertThat(ended.data().path("status").asText()).isEqualTo("ended");
            EventStream.Event endedInRoom = room.await("session", WAIT);
            assertThat(endedInRoom.data().path("sessionId").asLong()).isEqualTo(session);
            assertThat(endedInRoom.data().path("classroomId").asLong()).isEqualTo(classroom);
            assertThat(endedInRoom.data().path("change").asText()).isEqualTo("ended");

            // A refused second end announces nothing.
            assertThat(api.post("/api/sessions/" + session + "/end", teacher).status())
                    .isEqualTo(409);

            // A new session of the classroom is announced on the classroom's stream, and so
            // are its uploads.
            long next = session(teacher, classroom, false);
            EventStream.Event started = room.await("session", WAIT);
            assertThat(started.data().path("sessionId").asLong()).isEqualTo(next);
            assertThat(started.data().path("change").asText()).isEqualTo("started");
            assertThat(started.data().path("status").asText()).isEqualTo("active");
            Response frame = frame(teacher, next, Media.astronaut());
            assertThat(frame.status()).as(frame.text()).isEqualTo(201);
            EventStream.Event observed = room.await("observation", WAIT);
            assertThat(observed.data().path("sessionId").asLong()).isEqualTo(next);
            assertThat(observed.data().path("observationId").asLong()).isEqualTo(frame.id());

            Thread.sleep(500);
            assertThat(stream.pending()).as("the ended session's stream hears nothing of the "
                    + "other session").isEmpty();
        }
    }

    @Test
    void theStreamNeedsTheBearerTokenAndAccessToTheSession() throws Exception {
        String owner = teacher("Owner");
        String other = teacher("Other");
        long session = session(owner, classroom(owner, "L3"), false);
        try (EventStream anonymous = new EventStream(port, session, null);
             EventStream stranger = new EventStream(port, session, other);
             EventStream missing = new EventStream(port, 999_999, owner)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(stranger.status()).isEqualTo(403);
            assertThat(missing.status()).isEqualTo(404);
        }
        long classroom = classroom(owner, "L5");
        try (EventStream anonymous = EventStream.ofClassroom(port, classroom, null);
             EventStream stranger = EventStream.ofClassroom(port, classroom, other);
             EventStream missing = EventStream.ofClassroom(port, 999_999, owner)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(stranger.status()).isEqualTo(403);
            assertThat(missing.status()).isEqualTo(404);
        }
    }
}
