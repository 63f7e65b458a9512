package io.github.affect4j;

import io.github.affect4j.spi.FaceDetectorProvider;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.util.Map;

/**
 * The entry point: finds the best available face and voice emotion detectors.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}. Among those that report themselves
 * available, the one with the highest priority is used: model-backed implementations when their
 * module and model are present, the rule-based heuristics otherwise. The choice, and why any
 * better-ranked provider was passed over, is logged once at INFO. A provider that throws is
 * skipped and logged at WARN. The system properties {@value #FACE_PROVIDER_PROPERTY} and
 * {@value #VOICE_PROVIDER_PROPERTY} name a provider id to use instead of searching;
 * {@value #FACE_OPTION_PREFIX}{@code NAME} and {@value #VOICE_OPTION_PREFIX}{@code NAME} set
 * options, and {@value #FACE_MODEL_PROPERTY}, {@value #VOICE_MODEL_PROPERTY} and
 * {@value #VOICE_VAD_MODEL_PROPERTY} are shorthands for the options {@code model} and
 * {@code vadModel}. These are the only system properties discovery reads; options given to a
 * {@link DetectorBuilder} win over them. Options are checked against the provider picked, see
 * {@link DetectorBuilder}.
 *
 * <pre>{@code
 * try (FaceEmotionDetector faces = EmotionDetectors.face()) {
 *     FaceAnalysis analysis = faces.analyze(ImageFrame.read(Path.of("photo.jpg")));
 *     analysis.faces().forEach(face -> System.out.println(face.box() + " " + face.dominant()));
 * }
 * }</pre>
 */
public final class EmotionDetectors {

    /** System property naming the face provider id to use. */
    public static final String FACE_PROVIDER_PROPERTY = "affect4j.face.provider";

    /** System property naming the voice provider id to use. */
    public static final String VOICE_PROVIDER_PROPERTY = "affect4j.voice.provider";

    /** Prefix of system properties setting face options: append the option name. */
    public static final String FACE_OPTION_PREFIX = "affect4j.face.option.";

    /** Prefix of system properties setting voice options: append the option name. */
    public static final String VOICE_OPTION_PREFIX = "affect4j.voice.option.";

    /** System property setting the face option {@code model}. */
    public static final String FACE_MODEL_PROPERTY = "affect4j.face.model";

    /** System property setting the voice option {@code model}. */
    public static final String VOICE_MODEL_PROPERTY = "affect4j.voice.model";

    /** System property setting the voice option {@code vadModel}. */
    public static final String VOICE_VAD_MODEL_PROPERTY = "affect4j.voice.vadModel";

    private static final ProviderDiscovery<FaceEmotionDetector> FACE =
            new ProviderDiscovery<>("face", FaceDetectorProvider.class,
                    Map.of(FACE_MODEL_PROPERTY, "model"));
    private static final ProviderDiscovery<VoiceEmotionDetector> VOICE =
            new ProviderDiscovery<>("voice", VoiceDetectorProvider.class,
                    Map.of(VOICE_MODEL_PROPERTY, "model", VOICE_VAD_MODEL_PROPERTY, "vadModel"));

    private EmotionDetectors() {
    }

    /**
     * The best available face detector with default options.
     *
     * @return a new detector, to be closed by the caller
     * @throws DetectorUnavailableException if none can be made
     */
    public static FaceEmotionDetector face() {
        return faceBuilder().build();
    }

    /**
     * The best available voice detector with default options.
     *
     * @return a new detector, to be closed by the caller
     * @throws DetectorUnavailableException if none can be made
     */
    public static VoiceEmotionDetector voice() {
        return voiceBuilder().build();
    }

    /** {@return a builder to choose the face provider and set its options} */
    public static DetectorBuilder<FaceEmotionDetector> faceBuilder() {
        return new DetectorBuilder<>(FACE);
    }

    /** {@return a builder to choose the voice provider and set its options} */
    public static DetectorBuilder<VoiceEmotionDetector> voiceBuilder() {
        return new DetectorBuilder<>(VOICE);
    }
}
