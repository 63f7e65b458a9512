package io.github.affect4j.server.sessions;

import java.util.Locale;

/**
 * Published (as a Spring application event) once a session's start or end has been committed:
 * the one place where a change of a session's lifecycle can be heard, for example by the live
 * streams, which relay it to every replica. Listeners run on the request's thread after the
 * commit; one that throws is logged and does not fail the request.
 *
 * @param session the session as it is after the change
 * @param change what happened to it
 */
public record SessionChanged(Session session, Change change) {

    /** What happened to a session. */
    public enum Change {
        /** It was started. */
        STARTED,
        /** It was ended. */
        ENDED;

        /** The lower-case name used in notification payloads and event data. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException if the session or the change is missing */
    public SessionChanged {
        if (session == null || change == null) {
            throw new IllegalArgumentException("SessionChanged needs a session and a change, got "
                    + session + ", " + change);
        }
    }
}
