package io.github.affect4j.spring.boot;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of affect4j: a {@link FaceEmotionDetector} and a
 * {@link VoiceEmotionDetector} bean made once at start-up from {@link EmotionDetectorProperties}
 * ({@code affect4j.face.*}, {@code affect4j.voice.*}) and shared by every thread, closed when the
 * context closes.
 *
 * <ul>
 *   <li>A detector bean the application defines itself wins: none is made for that kind.</li>
 *   <li>{@code affect4j.face.enabled=false} (or {@code voice}) makes none.</li>
 *   <li>A wrong provider option fails the start with the library's
 *       {@link io.github.affect4j.InvalidOptionException}.</li>
 *   <li>When no provider can serve, the application still starts: the bean's calls throw
 *       {@link io.github.affect4j.DetectorUnavailableException} with discovery's reasons (its
 *       {@code info()} names the provider {@code none}), the
 *       health indicator reports {@link Affect4jHealthIndicator#DEGRADED}, and
 *       {@link DetectorStatus#of(FaceEmotionDetector)} says so; {@code affect4j.face.required=true}
 *       fails the start instead.</li>
 *   <li>With Actuator, the {@code affect4j} health contributor ({@link Affect4jHealthIndicator}).
 *   </li>
 *   <li>With a Micrometer {@code MeterRegistry} bean, every call of the detector beans (and of
 *       their voice streams) is timed as {@code affect4j.detector.calls} (tags {@code kind},
 *       {@code provider}, {@code operation}, {@code outcome}), faces and speech segments are
 *       counted as {@code affect4j.detector.faces} and {@code affect4j.detector.segments}, and
 *       failed calls as {@code affect4j.detector.errors} (with the {@code exception}).</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(EmotionDetectors.class)
@EnableConfigurationProperties(EmotionDetectorProperties.class)
public class Affect4jAutoConfiguration {

    /** Made by Spring from the auto-configuration imports. */
    public Affect4jAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "affect4j.face.enabled", matchIfMissing = true)
    FaceEmotionDetector faceEmotionDetector(EmotionDetectorProperties properties,
                                            ObjectProvider<DetectorMeter.Factory> meters) {
        return new ManagedFaceDetector(DetectorSlot.open("face", properties.face(),
                EmotionDetectors.faceBuilder(), FaceEmotionDetector::info,
                meters.getIfAvailable(() -> DetectorMeter.Factory.NONE)));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "affect4j.voice.enabled", matchIfMissing = true)
    VoiceEmotionDetector voiceEmotionDetector(EmotionDetectorProperties properties,
                                              ObjectProvider<DetectorMeter.Factory> meters) {
        return new ManagedVoiceDetector(DetectorSlot.open("voice", properties.voice(),
                EmotionDetectors.voiceBuilder(), VoiceEmotionDetector::info,
                meters.getIfAvailable(() -> DetectorMeter.Factory.NONE)));
    }

    /**
     * The {@code affect4j} health contributor, when Actuator is present. Two levels, because
     * Spring loads every condition of a class before it evaluates any: the enabled-indicator
     * condition must not be reached without Actuator.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    static class HealthConfiguration {

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnEnabledHealthIndicator("affect4j")
        static class Enabled {

            @Bean
            @ConditionalOnMissingBean(name = "affect4jHealthIndicator")
            Affect4jHealthIndicator affect4jHealthIndicator(
                    ObjectProvider<FaceEmotionDetector> face,
                    ObjectProvider<VoiceEmotionDetector> voice) {
                return new Affect4jHealthIndicator(face, voice);
            }
        }
    }

    /**
     * The detectors' meters, when Micrometer is present. The registry is looked up when a
     * detector bean is made, so no ordering against the metrics auto-configuration is needed.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        DetectorMeter.Factory affect4jDetectorMeters(ObjectProvider<MeterRegistry> registries) {
            return (kind, provider) -> {
                MeterRegistry registry = registries.getIfUnique();
                return registry == null ? DetectorMeter.NONE
                        : new MicrometerDetectorMeter(registry, kind, provider);
            };
        }
    }
}
