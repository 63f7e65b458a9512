package io.github.affect4j.server.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Without a usable detector the server still starts; uploads of that kind get 503. */
class DetectorsTest {

    @Test
    void aMissingProviderIsReportedNotFatal() {
        Affect4jProperties properties = new Affect4jProperties(null,
                new Affect4jProperties.Detectors("no-such-face", "no-such-voice"),
                new Affect4jProperties.Limits(1_000_000, 10),
                new Affect4jProperties.Privacy(3, Duration.ofDays(1), Duration.ofHours(1)),
                new Affect4jProperties.Analysis(1, 1, DataSize.ofMegabytes(64)),
                new Affect4jProperties.Tokens(Duration.ofDays(1), 10, Duration.ofSeconds(6)));
        Detectors detectors = new Detectors(properties);
        try {
            assertThat(detectors.faceStatus().available()).isFalse();
            assertThat(detectors.faceStatus().problem()).contains("no-such-face");
            assertThat(detectors.voiceStatus().available()).isFalse();
            assertThatThrownBy(detectors::face)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.detail()).contains("No face emotion detector");
                    });
            assertThatThrownBy(detectors::voice).isInstanceOf(ApiException.class);
            // /health: still serving, but degraded, with the reason in the details.
            var health = new DetectorsHealthIndicator(detectors).health();
            assertThat(health.getStatus()).isEqualTo(DetectorsHealthIndicator.DEGRADED);
            assertThat(((Detectors.Status) health.getDetails().get("face")).problem())
                    .contains("no-such-face");
        } finally {
            detectors.destroy();
        }
    }
}
