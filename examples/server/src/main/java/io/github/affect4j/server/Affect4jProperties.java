package io.github.affect4j.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The server's own settings, under {@code affect4j.*}; validated at start-up. The detectors'
 * settings ({@code affect4j.face.*}, {@code affect4j.voice.*}) belong to the affect4j Spring
 * Boot starter.
 *
 * @param adminToken token of the first administrator, used only when no user exists yet; blank
 *     to generate one (printed once)
 * @param limits limits on uploaded media
 * @param privacy the disclosure and retention rules
 * @param analysis how many analyses run at once and in how much memory
 * @param tokens bearer token lifetime and the limit on failed authentications
 */
@Validated
@ConfigurationProperties("affect4j")
public record Affect4jProperties(String adminToken, @DefaultValue Limits limits,
                                 @DefaultValue Privacy privacy, @DefaultValue Analysis analysis,
                                 @DefaultValue Tokens tokens) {

    /**
     * @param maxImagePixels the largest width times height accepted, checked from the header
     *     before decoding; the analysis memory budget may lower it (see {@link Analysis})
     * @param maxAudioSeconds the longest clip accepted
     */
    public record Limits(@DefaultValue("16000000") long maxImagePixels,
                         @DefaultValue("120") double maxAudioSeconds) {

        /** @throws IllegalArgumentException if a limit is not positive */
        public Limits {
            if (maxImagePixels <= 0 || !(maxAudioSeconds > 0)) {
                throw new IllegalArgumentException("affect4j.limits must be positive, got "
                        + "max-image-pixels=" + maxImagePixels + ", max-audio-seconds="
                        + maxAudioSeconds);
            }
        }
    }

    /**
     * @param minFaces aggregates over faces are disclosed only when at least this many faces
     *     appeared together in one frame, unless the session recorded consent
     * @param retention how long observations are kept
     * @param purgeInterval how often expired observations are deleted
     */
    public record Privacy(@DefaultValue("3") int minFaces, @DefaultValue("P30D") Duration retention,
                          @DefaultValue("PT1H") Duration purgeInterval) {

        /** @throws IllegalArgumentException if a value is out of range */
        public Privacy {
            if (minFaces < 1) {
                throw new IllegalArgumentException("affect4j.privacy.min-faces must be at least 1,"
                        + " got " + minFaces);
            }
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("affect4j.privacy.retention must be positive,"
                        + " got " + retention);
            }
        }
    }

    /**
     * The analysis pool: decoding and analysis run on a fixed number of threads, not on the
     * servlet threads, so memory and CPU stay bounded however many clients upload at once.
     *
     * @param threads analyses at once; 0 for one per available processor
     * @param queueCapacity uploads that may wait for a thread; more are answered 503 with
     *     {@code Retry-After}
     * @param memoryBudget memory the decoded images of all running analyses may take; the
     *     largest accepted image is this divided by {@code threads} and by
     *     {@link #BYTES_PER_PIXEL}
     * @param uploadBudget upload bodies being received at once, by their declared length (the
     *     multipart request limit when undeclared); more are answered 503 with
     *     {@code Retry-After}; at least {@code spring.servlet.multipart.max-request-size}
     */
    public record Analysis(@DefaultValue("0") int threads,
                           @DefaultValue("32") int queueCapacity,
                           @DefaultValue("512MB") DataSize memoryBudget,
                           @DefaultValue("24MB") DataSize uploadBudget) {

        /**
         * Working memory of one analysed pixel: the decoded raster (up to 4 bytes), the
         * library's RGB copy (3), the detector's converted copy (3 to 4) and its working
         * images (grey, scaled; about 4), rounded up.
         */
        public static final int BYTES_PER_PIXEL = 16;

        /** @throws IllegalArgumentException if a value is out of range */
        public Analysis {
            if (threads < 0 || queueCapacity < 0 || memoryBudget == null
                    || memoryBudget.toBytes() <= 0 || uploadBudget == null
                    || uploadBudget.toBytes() <= 0) {
                throw new IllegalArgumentException("affect4j.analysis: threads and queue-capacity"
                        + " must be at least 0 and memory-budget and upload-budget positive, got"
                        + " threads=" + threads + ", queue-capacity=" + queueCapacity
                        + ", memory-budget=" + memoryBudget + ", upload-budget=" + uploadBudget);
            }
        }

        /** The threads to run: {@link #threads}, or the available processors for 0. */
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        /** The largest image the budget allows while every thread analyses one. */
        public long budgetPixels() {
            return memoryBudget.toBytes() / ((long) effectiveThreads() * BYTES_PER_PIXEL);
        }
    }

    /**
     * Bearer tokens.
     *
     * @param lifetime how long a token is valid after it was issued
     * @param maxFailures failed authentications one client address may make in a burst
     * @param failureRefill one more failed attempt is allowed after each such interval
     */
    public record Tokens(@DefaultValue("P90D") Duration lifetime,
                         @DefaultValue("10") int maxFailures,
                         @DefaultValue("PT6S") Duration failureRefill) {

        /** @throws IllegalArgumentException if a value is out of range */
        public Tokens {
            if (lifetime.isNegative() || lifetime.isZero() || maxFailures < 1
                    || failureRefill.isNegative() || failureRefill.isZero()) {
                throw new IllegalArgumentException("affect4j.tokens: lifetime and failure-refill"
                        + " must be positive and max-failures at least 1, got lifetime="
                        + lifetime + ", max-failures=" + maxFailures + ", failure-refill="
                        + failureRefill);
            }
        }
    }
}
