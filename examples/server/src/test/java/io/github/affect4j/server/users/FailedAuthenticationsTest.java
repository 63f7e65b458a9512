package io.github.affect4j.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-address token bucket, on a clock the test moves. */
class FailedAuthenticationsTest {

    /** A clock that stands still until moved. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstIsAllowedThenOneAttemptPerRefill() {
        TestClock clock = new TestClock();
        FailedAuthentications failures = new FailedAuthentications(clock, 3, Duration.ofSeconds(6));
        for (int i = 0; i < 3; i++) {
            assertThat(failures.waitFor("203.0.113.7")).isZero();
            failures.failed("203.0.113.7");
        }
        // Three failures used the burst: the fourth attempt must wait a whole refill.
        assertThat(failures.waitFor("203.0.113.7")).isEqualTo(Duration.ofSeconds(6));
        assertThat(failures.waitFor("198.51.100.1")).as("other addresses").isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(failures.waitFor("203.0.113.7")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(failures.waitFor("203.0.113.7")).isZero();
        failures.failed("203.0.113.7");
        assertThat(failures.waitFor("203.0.113.7")).isEqualTo(Duration.ofSeconds(6));
        // Refilled up to the burst size, not beyond.
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            failures.failed("203.0.113.7");
        }
        assertThat(failures.waitFor("203.0.113.7")).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theNumberOfAddressesRememberedIsBounded() {
        TestClock clock = new TestClock();
        FailedAuthentications failures = new FailedAuthentications(clock, 1, Duration.ofHours(1));
        failures.failed("first");
        assertThat(failures.waitFor("first")).isPositive();
        for (int i = 0; i < FailedAuthentications.MAX_ADDRESSES; i++) {
            failures.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        // The least recently seen address was forgotten rather than the map growing.
        assertThat(failures.waitFor("first")).isZero();
    }
}
