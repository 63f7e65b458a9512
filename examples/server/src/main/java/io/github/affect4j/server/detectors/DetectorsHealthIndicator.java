package io.github.affect4j.server.detectors;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code detectors} part of {@code /health} (Actuator names it after this bean): {@code UP}
 * when faces and voices are both analysed, {@code DEGRADED} (still answered with 200) when one
 * kind is missing and its uploads are refused. The details (providers, models, reasons) are
 * shown to administrators only, like every health detail.
 */
@Component
class DetectorsHealthIndicator implements HealthIndicator {

    /** Serving, but without one kind of analysis. */
    static final Status DEGRADED = new Status("DEGRADED",
            "a detector is missing; its uploads are refused");

    private final Detectors detectors;

    DetectorsHealthIndicator(Detectors detectors) {
        this.detectors = detectors;
    }

    @Override
    public Health health() {
        Detectors.Status face = detectors.faceStatus();
        Detectors.Status voice = detectors.voiceStatus();
        return Health.status(face.available() && voice.available() ? Status.UP : DEGRADED)
                .withDetail("face", face).withDetail("voice", voice).build();
    }
}
