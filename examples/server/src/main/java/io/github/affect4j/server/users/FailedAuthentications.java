package io.github.affect4j.server.users;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits failed authentications per client address with a token bucket: {@code maxFailures} in
 * a burst, then one more per {@code refill}. While an address has no attempt left, its requests
 * with a bearer token are refused before the token is even looked up, so guessing tokens costs
 * time. The state lives in this process, so with several replicas the limit is per replica; at
 * most {@link #MAX_ADDRESSES} addresses are remembered (the least recently seen are forgotten).
 *
 * <p>Thread-safe.
 */
final class FailedAuthentications {

    /** Addresses remembered at most; bounds the memory an attacker can make us use. */
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final long refillNanos;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /**
     * @param maxFailures failures allowed in a burst, at least 1
     * @param refill the time after which one more failure is allowed
     */
    FailedAuthentications(Clock clock, int maxFailures, Duration refill) {
        if (maxFailures < 1 || refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("maxFailures must be at least 1 and refill "
                    + "positive, got " + maxFailures + " and " + refill);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.refillNanos = refill.toNanos();
    }

    /**
     * How long this address must wait before it may try a token again.
     *
     * @return zero when it may try now
     */
    synchronized Duration waitFor(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            return Duration.ZERO;
        }
        bucket.refill(now(), maxFailures * refillNanos);
        return Duration.ofNanos(Math.max(0, refillNanos - bucket.credit));
    }

    /** Counts one failed authentication from this address. */
    synchronized void failed(String address) {
        long now = now();
        long capacity = maxFailures * refillNanos;
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        bucket.refill(now, capacity);
        bucket.credit = Math.max(0, bucket.credit - refillNanos);
    }

    private long now() {
        java.time.Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Credit in nanoseconds (exact integers, no rounding): one attempt costs {@code refill},
     * time earns it back, up to the burst.
     */
    private static final class Bucket {
        long credit;
        long at;

        Bucket(long credit, long at) {
            this.credit = credit;
            this.at = at;
        }

        void refill(long now, long capacity) {
            if (now > at) {
                credit = Math.min(capacity, credit + (now - at));
                at = now;
            }
        }
    }
}
