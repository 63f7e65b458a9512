package io.github.affect4j.server.analysis;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.server.sessions.Session;
import java.time.OffsetDateTime;

/**
 * Published (as a Spring application event) once an upload's observation has been committed:
 * the one place where "an observation was stored" can be heard, for example by a live dashboard.
 * Listeners run on the uploading request's thread after the commit; one that throws is logged
 * and does not fail the upload. A listener that shows results must apply the same disclosure
 * rules as the API: per-person results only when {@link Session#consent()}.
 */
public sealed interface ObservationStored {

    /** The session it belongs to (as it was before this upload). */
    Session session();

    /** The stored observation's id (frame or audio observation). */
    long observationId();

    /** When it was observed. */
    OffsetDateTime observedAt();

    /**
     * A frame was stored.
     *
     * @param session its session
     * @param observationId the frame observation's id
     * @param observedAt when
     * @param analysis what the library found
     */
    record Frame(Session session, long observationId, OffsetDateTime observedAt,
                 FaceAnalysis analysis) implements ObservationStored {
    }

    /**
     * An audio clip was stored.
     *
     * @param session its session
     * @param observationId the audio observation's id
     * @param observedAt when
     * @param analysis what the library found
     */
    record Audio(Session session, long observationId, OffsetDateTime observedAt,
                 VoiceAnalysis analysis) implements ObservationStored {
    }
}
