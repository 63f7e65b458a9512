package io.github.affect4j.spring.boot;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code affect4j} health contributor: {@code UP} when every detector bean runs (a
 * heuristic fallback counts: the details say which provider runs and why better ones were passed
 * over), {@link #DEGRADED} when one could not be built and its calls fail, {@code UNKNOWN} when
 * there is no detector bean. The details are a {@link DetectorStatus} per kind ({@code face},
 * {@code voice}); Actuator shows them as {@code management.endpoint.health.show-details} says.
 *
 * <p>{@code DEGRADED} is not among Actuator's default statuses, so by default it shows on this
 * component only and leaves the overall status alone: a missing detector does not take the
 * application out of its load balancer. To let it show overall, list it in
 * {@code management.endpoint.health.status.order} (for example
 * {@code DOWN, OUT_OF_SERVICE, DEGRADED, UNKNOWN, UP}) and map it in
 * {@code management.endpoint.health.status.http-mapping} ({@code DEGRADED: 200}).
 * {@code management.health.affect4j.enabled=false} turns the contributor off.
 */
public final class Affect4jHealthIndicator implements HealthIndicator {

    /** Running, but without one kind of analysis: its detector could not be built. */
    public static final Status DEGRADED = new Status("DEGRADED",
            "an emotion detector is missing; its calls fail");

    private final ObjectProvider<FaceEmotionDetector> face;
    private final ObjectProvider<VoiceEmotionDetector> voice;

    Affect4jHealthIndicator(ObjectProvider<FaceEmotionDetector> face,
                            ObjectProvider<VoiceEmotionDetector> voice) {
        this.face = face;
        this.voice = voice;
    }

    /** {@return the detectors' statuses, with details per kind} */
    @Override
    public Health health() {
        FaceEmotionDetector faces = face.getIfUnique();
        VoiceEmotionDetector voices = voice.getIfUnique();
        if (faces == null && voices == null) {
            return Health.unknown().withDetail("reason", "no emotion detector bean").build();
        }
        Health.Builder health = Health.up();
        boolean all = true;
        if (faces != null) {
            DetectorStatus status = DetectorStatus.of(faces);
            health.withDetail("face", status);
            all &= status.available();
        }
        if (voices != null) {
            DetectorStatus status = DetectorStatus.of(voices);
            health.withDetail("voice", status);
            all &= status.available();
        }
        return health.status(all ? Status.UP : DEGRADED).build();
    }
}
