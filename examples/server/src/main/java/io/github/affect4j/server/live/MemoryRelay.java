package io.github.affect4j.server.live;

import io.github.affect4j.server.analysis.ObservationStored;
import io.github.affect4j.server.sessions.SessionChanged;
import org.springframework.context.event.EventListener;

/**
 * Relays stored observations and sessions' starts and ends to this instance's streams only. The
 * events come after the commit (so a rolled-back upload is never announced). Right for H2 and
 * for a single instance; with several instances, use {@link PostgresRelay}.
 */
final class MemoryRelay implements ObservationRelay {

    private final LiveStreams streams;

    MemoryRelay(LiveStreams streams) {
        this.streams = streams;
    }

    @EventListener
    void stored(ObservationStored event) {
        streams.deliver(ObservationNotice.of(event));
    }

    @EventListener
    void changed(SessionChanged event) {
        streams.deliver(SessionNotice.of(event));
    }
}
