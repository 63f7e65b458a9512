package io.github.affect4j.server.live;

/**
 * Published (as a Spring application event) inside the transaction that stored an observation.
 * The live stream relays it to dashboards once that transaction commits; it carries only ids,
 * never scores, so whoever receives it re-reads what it may show from the database.
 *
 * @param sessionId the observation's session
 * @param kind what was observed
 * @param observationId the stored observation's id (a frame's or a clip's)
 */
public record ObservationStored(long sessionId, Kind kind, long observationId) {

    /** What an observation is of. */
    public enum Kind {
        /** An analysed image. */
        FRAME,
        /** An analysed audio clip. */
        AUDIO;

        /** The lower-case name used in notification payloads and event data. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException if an id is not positive or the kind is missing */
    public ObservationStored {
        if (sessionId <= 0 || observationId <= 0 || kind == null) {
            throw new IllegalArgumentException("ObservationStored needs positive ids and a kind, "
                    + "got sessionId=" + sessionId + ", kind=" + kind + ", observationId="
                    + observationId);
        }
    }

    /**
     * The notification payload: {@code sessionId:kind:observationId}, e.g. {@code 7:frame:42}.
     * A few dozen bytes, far below PostgreSQL's 8000-byte limit.
     */
    String payload() {
        return sessionId + ":" + kind.label() + ":" + observationId;
    }

    /**
     * Reads a payload written by {@link #payload()}.
     *
     * @throws IllegalArgumentException naming the payload if it is not of that form
     */
    static ObservationStored parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not an observation notification "
                    + "(sessionId:kind:observationId): '" + payload + "'");
        }
        try {
            return new ObservationStored(Long.parseLong(parts[0]),
                    Kind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an observation notification "
                    + "(sessionId:kind:observationId): '" + payload + "'", e);
        }
    }
}
