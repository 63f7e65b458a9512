package io.github.affect4j.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The server's own settings, under {@code affect4j.*}; validated at start-up.
 *
 * @param adminToken token of the first administrator, used only when no user exists yet; blank
 *     to generate one (printed once)
 * @param detectors which detector providers to force
 * @param limits limits on uploaded media
 * @param privacy the disclosure and retention rules
 */
@Validated
@ConfigurationProperties("affect4j")
public record Affect4jProperties(String adminToken, @DefaultValue Detectors detectors,
                                 @DefaultValue Limits limits, @DefaultValue Privacy privacy) {

    /**
     * @param faceProvider face provider id to use instead of the best available; blank for none
     * @param voiceProvider voice provider id likewise
     */
    public record Detectors(String faceProvider, String voiceProvider) {
    }

    /**
     * @param maxImagePixels the largest width times height accepted, checked from the header
     *     before decoding
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
}
