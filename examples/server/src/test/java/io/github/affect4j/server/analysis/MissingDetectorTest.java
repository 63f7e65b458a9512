package io.github.affect4j.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.server.ApiException;
import io.github.affect4j.spring.boot.Affect4jAutoConfiguration;
import io.github.affect4j.spring.boot.DetectorStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;

/**
 * Without a usable detector the server still starts (the starter leaves a stand-in whose calls
 * fail); uploads of that kind are refused with 503 naming the reason, before any decoding.
 */
class MissingDetectorTest {

    @Test
    void aMissingProviderIsReportedNotFatal() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Affect4jAutoConfiguration.class))
                .withPropertyValues("affect4j.face.provider=no-such-face",
                        "affect4j.voice.provider=heuristic")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DetectorStatus face = DetectorStatus.of(
                            context.getBean(FaceEmotionDetector.class));
                    assertThat(face.available()).isFalse();
                    assertThatThrownBy(() -> AnalysisService.requireAvailable(face))
                            .isInstanceOfSatisfying(ApiException.class, e -> {
                                assertThat(e.getStatusCode())
                                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                                assertThat(e.detail()).contains("No face emotion detector")
                                        .contains("no-such-face");
                            });
                    DetectorStatus voice = DetectorStatus.of(
                            context.getBean(VoiceEmotionDetector.class));
                    AnalysisService.requireAvailable(voice); // available: no exception
                    assertThat(voice.provider()).isEqualTo("heuristic");
                });
    }
}
