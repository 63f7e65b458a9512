package io.github.affect4j.server.live;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Relays stored observations to this instance's streams only, once their transaction has
 * committed (so a rolled-back upload is never announced). Right for H2 and for a single
 * instance; with several instances, use {@link PostgresRelay}.
 */
final class MemoryRelay implements ObservationRelay {

    private final LiveStreams streams;

    MemoryRelay(LiveStreams streams) {
        this.streams = streams;
    }

    /** After the commit; also when published outside a transaction. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void stored(ObservationStored event) {
        streams.deliver(event);
    }
}
