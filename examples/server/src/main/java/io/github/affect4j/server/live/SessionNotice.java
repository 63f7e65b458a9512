package io.github.affect4j.server.live;

import io.github.affect4j.server.sessions.SessionChanged;
import io.github.affect4j.server.sessions.SessionChanged.Change;
import java.util.Locale;

/**
 * What the live streams learn of a session's start or end ({@link SessionChanged}, published
 * after the commit): the session, its classroom (whose streams announce it too) and the change.
 *
 * @param sessionId the session
 * @param classroomId its classroom
 * @param change started or ended
 */
record SessionNotice(long sessionId, long classroomId, Change change) implements LiveNotice {

    /** How a session payload starts; an observation payload starts with a number. */
    static final String PREFIX = "session:";

    /** @throws IllegalArgumentException if an id is not positive or the change is missing */
    SessionNotice {
        if (sessionId <= 0 || classroomId <= 0 || change == null) {
            throw new IllegalArgumentException("SessionNotice needs positive ids and a change, "
                    + "got sessionId=" + sessionId + ", classroomId=" + classroomId
                    + ", change=" + change);
        }
    }

    /** The ids of a changed session. */
    static SessionNotice of(SessionChanged event) {
        return new SessionNotice(event.session().id(), event.session().classroomId(),
                event.change());
    }

    /** {@code session:sessionId:classroomId:change}, e.g. {@code session:7:3:ended}. */
    @Override
    public String payload() {
        return PREFIX + sessionId + ":" + classroomId + ":" + change.label();
    }

    /**
     * Reads a payload written by {@link #payload()}.
     *
     * @throws IllegalArgumentException naming the payload if it is not of that form
     */
    static SessionNotice parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0] + ":")) {
            throw new IllegalArgumentException("Not a session notification "
                    + "(session:sessionId:classroomId:change): '" + payload + "'");
        }
        try {
            return new SessionNotice(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Change.valueOf(parts[3].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a session notification "
                    + "(session:sessionId:classroomId:change): '" + payload + "'", e);
        }
    }
}
