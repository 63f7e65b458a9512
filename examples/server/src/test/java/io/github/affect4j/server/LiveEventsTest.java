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
    }
}
