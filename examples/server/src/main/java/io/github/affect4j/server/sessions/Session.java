package io.github.affect4j.server.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A lesson being (or having been) observed in a classroom.
 *
 * @param id the session id
 * @param classroomId its classroom
 * @param title an optional title
 * @param consent whether consent to per-person results was recorded when it started
 * @param startedAt when it started
 * @param endedAt when it ended; null while active
 * @param frameCount frames analysed
 * @param faceCount faces found in them
 * @param audioCount audio clips analysed
 */
public record Session(long id, long classroomId, String title, boolean consent,
                      OffsetDateTime startedAt, OffsetDateTime endedAt, int frameCount,
                      int faceCount, int audioCount) {

    /** {@code active} or {@code ended}. */
    @JsonProperty
    public String status() {
        return endedAt == null ? "active" : "ended";
    }
}
