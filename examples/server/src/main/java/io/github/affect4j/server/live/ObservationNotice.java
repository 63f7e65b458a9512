package io.github.affect4j.server.live;

/**
 * What the live streams learn of a stored observation ({@link
 * io.github.affect4j.server.analysis.ObservationStored}, published after the upload's commit):
 * ids only, never scores, so whoever receives it re-reads what it may show from the database.
 * It is also the payload of the PostgreSQL notification that carries it to other replicas.
 *
 * @param sessionId the observation's session
 * @param kind what was observed
 * @param observationId the stored observation's id (a frame's or a clip's)
 */
public record ObservationNotice(long sessionId, Kind kind, long observationId)
        implements LiveNotice {

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
    public ObservationNotice {
        if (sessionId <= 0 || observationId <= 0 || kind == null) {
            throw new IllegalArgumentException("ObservationNotice needs positive ids and a kind, "
                    + "got sessionId=" + sessionId + ", kind=" + kind + ", observationId="
                    + observationId);
        }
    }

    /** The ids of a stored observation. */
    static ObservationNotice of(io.github.affect4j.server.analysis.ObservationStored event) {
        Kind kind = event instanceof io.github.affect4j.server.analysis.ObservationStored.Frame
                ? Kind.FRAME : Kind.AUDIO;
        return new ObservationNotice(event.session().id(), kind, event.observationId());
    }

    /**
     * The notification payload: {@code sessionId:kind:observationId}, e.g. {@code 7:frame:42}.
     * A few dozen bytes, far below PostgreSQL's 8000-byte limit.
     */
    @Override
    public String payload() {
        return sessionId + ":" + kind.label() + ":" + observationId;
    }

    /**
     * Reads a payload written by {@link #payload()}.
     *
     * @throws IllegalArgumentException naming the payload if it is not of that form
     */
    static ObservationNotice parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not an observation notification "
                    + "(sessionId:kind:observationId): '" + payload + "'");
        }
        try {
            return new ObservationNotice(Long.parseLong(parts[0]),
                    Kind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an observation notification "
                    + "(sessionId:kind:observationId): '" + payload + "'", e);
        }
    }
}
