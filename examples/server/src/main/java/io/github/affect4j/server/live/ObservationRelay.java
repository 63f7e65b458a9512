package io.github.affect4j.server.live;

/**
 * How {@link ObservationNotice} events reach the live streams: each implementation listens for
 * them as a transactional event listener. Exactly one is configured ({@link LiveConfiguration}).
 */
sealed interface ObservationRelay permits MemoryRelay, PostgresRelay {
}
