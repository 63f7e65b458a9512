package io.github.affect4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration in real application contexts, with the real detectors discovery finds
 * (the face, voice and heuristics modules the starter brings) on the bundled samples.
 */
class Affect4jAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Affect4jAutoConfiguration.class));

    private static Path sample(String name) {
        String dir = System.getProperty("affect4j.samples.dir");
        if (dir == null) {
            throw new IllegalStateException("system property affect4j.samples.dir is not set "
                    + "(the parent POM's Surefire configuration sets it)");
        }
        return Path.of(dir, name);
    }

    /** The sample photo: one smiling face, 512x512. */
    private static ImageFrame astronaut() throws IOException {
        return ImageFrame.read(sample("astronaut.jpg"));
    }

    /** The sample speech: 7.1 s at 16 kHz. */
    private static AudioClip speech() throws IOException {
        return AudioClip.readWav(sample("speech.wav"));
    }

    @Test
    void withoutPropertiesTheBestAvailableDetectorsAreBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            FaceEmotionDetector faces = context.getBean(FaceEmotionDetector.class);
            VoiceEmotionDetector voices = context.getBean(VoiceEmotionDetector.class);
            // The model-backed face provider with its bundled models; the voice module has no
            // model here (the RAVDESS one is not brought), so the heuristic voice runs.
            assertThat(faces.info().providerId()).isEqualTo("onnx");
            assertThat(voices.info().providerId()).isEqualTo("heuristic");
            FaceAnalysis analysis = faces.analyze(astronaut());
            assertThat(analysis.faces()).hasSize(1);
            VoiceAnalysis voice = voices.analyze(speech());
            assertThat(voice.segments()).isNotEmpty();
            DetectorStatus status = DetectorStatus.of(voices);
            assertThat(status.available()).isTrue();
            assertThat(status.providers()).extracting(p -> p.id())
                    .containsExactly("onnx", "heuristic");
            assertThat(status.providers().get(0).reason()).isNotBlank(); // why onnx was passed
        });
    }

    @Test
    void providerAndOptionsComeFromTheProperties() {
        runner.withPropertyValues("affect4j.face.provider=heuristic",
                        // Kebab-case, as Spring properties are usually written.
                        "affect4j.face.option.min-face-size=10000")
                .run(context -> {
                    FaceEmotionDetector faces = context.getBean(FaceEmotionDetector.class);
                    assertThat(faces.info().providerId()).isEqualTo("heuristic");
                    // The option reached the detector: the 92-pixel face is now too small to
                    // assess.
                    FaceResult face = faces.analyze(astronaut()).faces().get(0);
                    assertThat(face.quality().assessable()).isFalse();
                    assertThat(face.quality().flags()).contains(FaceQuality.Flag.SMALL);
                });
        runner.withPropertyValues("affect4j.face.provider=heuristic").run(context ->
                assertThat(context.getBean(FaceEmotionDetector.class).analyze(astronaut())
                        .faces().get(0).quality().assessable()).isTrue());
    }

    @Test
    void theProvidersAreListedUnderTheOptionsGiven() {
        runner.withPropertyValues("affect4j.face.option.mode=fast").run(context -> {
            DetectorStatus face = DetectorStatus.of(context.getBean(FaceEmotionDetector.class));
            assertThat(face.provider()).isEqualTo("onnx");
            // mode is an onnx option: the heuristic could not take it.
            assertThat(face.providers()).filteredOn(p -> p.id().equals("heuristic"))
                    .singleElement().satisfies(p -> {
                        assertThat(p.usable()).isFalse();
                        assertThat(p.reason()).contains("unknown option 'mode'");
                    });
        });
    }

    @Test
    void aWrongOptionFailsTheStartWithTheLibrarysMessage() {
        runner.withPropertyValues("affect4j.face.provider=heuristic",
                "affect4j.face.option.treads=2").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure()))
                            .isInstanceOf(InvalidOptionException.class)
                            .hasMessageContaining("unknown option 'treads'")
                            .hasMessageContaining("valid options of 'heuristic'");
                    // Spring Boot reports it as a failed start with the message and the fix
                    // (the analyzer is registered in spring.factories, ConfigurationMetadataTest).
                    FailureAnalysis analysis = new InvalidOptionFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("unknown option 'treads'");
                    assertThat(analysis.getAction())
                            .contains("the option 'treads' under affect4j.face.option");
                });
        runner.withPropertyValues("affect4j.face.provider=heuristic",
                "affect4j.face.option.minConfidence=2").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure()))
                            .isInstanceOfSatisfying(InvalidOptionException.class,
                                    e -> assertThat(e.option()).isEqualTo("minConfidence"))
                            .hasMessageContaining("must be a number in [0, 1], got '2'");
                });
    }

    @Test
    void aBadProviderIdFailsBinding() {
        runner.withPropertyValues("affect4j.voice.provider=Not An Id").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining("provider must be a provider id")
                    .hasMessageContaining("'Not An Id'");
        });
    }

    @Test
    void detectorsAreClosedWithTheContext() throws IOException {
        AtomicReference<FaceEmotionDetector> face = new AtomicReference<>();
        AtomicReference<VoiceEmotionDetector> voice = new AtomicReference<>();
        runner.withPropertyValues("affect4j.face.provider=heuristic").run(context -> {
            face.set(context.getBean(FaceEmotionDetector.class));
            voice.set(context.getBean(VoiceEmotionDetector.class));
            assertThat(face.get().analyze(astronaut()).faces()).hasSize(1);
        });
        ImageFrame image = astronaut();
        AudioClip clip = speech();
        assertThatThrownBy(() -> face.get().analyze(image))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> voice.get().analyze(clip))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDetectorBeanOfTheApplicationWins() {
        runner.withBean(FaceEmotionDetector.class,
                        () -> EmotionDetectors.faceBuilder().provider("heuristic").build())
                .withPropertyValues("affect4j.face.provider=onnx")
                .run(context -> {
                    assertThat(context).hasSingleBean(FaceEmotionDetector.class);
                    FaceEmotionDetector faces = context.getBean(FaceEmotionDetector.class);
                    assertThat(faces).isNotInstanceOf(ManagedFaceDetector.class);
                    assertThat(faces.info().providerId()).isEqualTo("heuristic");
                    Health health = context.getBean(Affect4jHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat((DetectorStatus) health.getDetails().get("face"))
                            .extracting(DetectorStatus::provider).isEqualTo("heuristic");
                });
    }

    @Test
    void aDisabledKindHasNoBean() {
        runner.withPropertyValues("affect4j.face.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(FaceEmotionDetector.class);
            assertThat(context).hasSingleBean(VoiceEmotionDetector.class);
            Health health = context.getBean(Affect4jHealthIndicator.class).health();
            assertThat(health.getDetails()).containsOnlyKeys("voice");
        });
    }

    @Test
    void callsAreTimedAndCounted() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("affect4j.face.provider=heuristic").run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    FaceEmotionDetector faces = context.getBean(FaceEmotionDetector.class);
                    faces.analyze(astronaut());
                    faces.analyze(astronaut());
                    assertThat(meters.get("affect4j.detector.calls").tag("kind", "face")
                            .tag("provider", "heuristic").tag("operation", "analyze")
                            .tag("outcome", "success").timer().count()).isEqualTo(2);
                    assertThat(meters.get("affect4j.detector.faces").tag("provider", "heuristic")
                            .counter().count()).isEqualTo(2.0);

                    VoiceEmotionDetector voices = context.getBean(VoiceEmotionDetector.class);
                    VoiceAnalysis whole = voices.analyze(speech());
                    assertThat(meters.get("affect4j.detector.segments").tag("kind", "voice")
                            .counter().count()).isEqualTo(whole.segments().size());

                    // Streams are measured too: chunks in, segments out, a bad chunk an error.
                    List<VoiceResult> streamed = new ArrayList<>();
                    float[] samples = speech().samples();
                    try (VoiceEmotionStream stream = voices.openStream(speech().sampleRate())) {
                        int chunks = 0;
                        for (int from = 0; from < samples.length; from += 1600, chunks++) {
                            streamed.addAll(stream.accept(Arrays.copyOfRange(samples, from,
                                    Math.min(samples.length, from + 1600))));
                        }
                        streamed.addAll(stream.flush());
                        assertThat(meters.get("affect4j.detector.calls")
                                .tag("operation", "streamAccept").tag("outcome", "success")
                                .timer().count()).isEqualTo(chunks);
                        assertThatThrownBy(() -> stream.accept(new float[] {Float.NaN}))
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                    assertThat(streamed).isNotEmpty();
                    assertThat(meters.get("affect4j.detector.segments").counter().count())
                            .isEqualTo(whole.segments().size() + streamed.size());
                    assertThat(meters.get("affect4j.detector.calls")
                            .tag("operation", "streamAccept").tag("outcome", "error")
                            .timer().count()).isEqualTo(1);
                    assertThat(meters.get("affect4j.detector.errors")
                            .tag("exception", "IllegalArgumentException").counter().count())
                            .isEqualTo(1.0);
                });
    }

    @Test
    void healthIsUpWithTheProvidersInTheDetails() {
        runner.withPropertyValues("affect4j.face.provider=heuristic").run(context -> {
            Health health = context.getBean(Affect4jHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            DetectorStatus face = (DetectorStatus) health.getDetails().get("face");
            assertThat(face.available()).isTrue();
            assertThat(face.provider()).isEqualTo("heuristic");
            assertThat(face.model()).isEqualTo("none");
            assertThat(face.providers()).extracting(p -> p.id()).contains("onnx", "heuristic");
        });
    }

    @Test
    void withoutAProviderTheApplicationStartsDegradedAndCallsSayWhy() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("affect4j.voice.provider=no-such-voice").run(context -> {
                    assertThat(context).hasNotFailed();
                    Health health = context.getBean(Affect4jHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Affect4jHealthIndicator.DEGRADED);
                    DetectorStatus voice = (DetectorStatus) health.getDetails().get("voice");
                    assertThat(voice.available()).isFalse();
                    assertThat(voice.problem()).contains("no-such-voice");
                    assertThat(((DetectorStatus) health.getDetails().get("face")).available())
                            .isTrue();

                    VoiceEmotionDetector voices = context.getBean(VoiceEmotionDetector.class);
                    assertThat(voices.info().providerId()).isEqualTo("none");
                    AudioClip clip = speech();
                    assertThatThrownBy(() -> voices.analyze(clip))
                            .isInstanceOf(DetectorUnavailableException.class)
                            .hasMessage(voice.problem());
                    assertThat(context.getBean(MeterRegistry.class).get("affect4j.detector.errors")
                            .tag("provider", "none")
                            .tag("exception", "DetectorUnavailableException").counter().count())
                            .isEqualTo(1.0);
                });
        runner.withPropertyValues("affect4j.voice.provider=no-such-voice",
                "affect4j.voice.required=true").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure()))
                            .isInstanceOf(DetectorUnavailableException.class)
                            .hasMessageContaining("no-such-voice");
                });
    }

    @Test
    void withoutActuatorAndMicrometerTheDetectorsStillWork() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
                        "io.micrometer"))
                .withPropertyValues("affect4j.face.provider=heuristic").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Affect4jHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(DetectorMeter.Factory.class);
                    assertThat(context.getBean(FaceEmotionDetector.class).analyze(astronaut())
                            .faces()).hasSize(1);
                });
    }

    @Test
    void theHealthContributorCanBeTurnedOff() {
        runner.withPropertyValues("management.health.affect4j.enabled=false",
                "affect4j.face.provider=heuristic").run(context -> {
                    assertThat(context).doesNotHaveBean(Affect4jHealthIndicator.class);
                    assertThat(context).hasSingleBean(FaceEmotionDetector.class);
                });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
