package io.github.affect4j.server.live;

/**
 * What the live streams learn of a committed change, and the payload of the PostgreSQL
 * notification that carries it to other replicas: ids only, so whoever receives it re-reads
 * what it may show from the database.
 */
sealed interface LiveNotice permits ObservationNotice, SessionNotice {

    /** The session it concerns. */
    long sessionId();

    /** The notification payload, a few dozen bytes (PostgreSQL's limit is 8000). */
    String payload();

    /**
     * Reads a payload written by {@link #payload()} of either kind.
     *
     * @throws IllegalArgumentException naming the payload if it is of neither form
     */
    static LiveNotice parse(String payload) {
        return payload != null && payload.startsWith(SessionNotice.PREFIX)
                ? SessionNotice.parse(payload) : ObservationNotice.parse(payload);
    }
}
