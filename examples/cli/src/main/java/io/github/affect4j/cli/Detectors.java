package io.github.affect4j.cli;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import java.nio.file.Path;
import java.util.Map;

/**
 * The detectors a command uses, created on first need (an images-only run never loads the voice
 * implementation) and closed together.
 */
final class Detectors implements AutoCloseable {

    private final String providerId;
    private final Path voiceModel;
    private final Map<String, String> faceOptions;
    private final Map<String, String> voiceOptions;
    private FaceEmotionDetector face;
    private VoiceEmotionDetector voice;

    /**
     * @param providerId the provider to force for both kinds, or null for the best available
     * @param voiceModel an ONNX voice model to read speech with, or null; unless a provider is
     *     forced, it makes the voice provider {@code onnx}, so a model that cannot be used is an
     *     error rather than a silent fallback
     * @param faceOptions options for the face detector, checked when it is built
     * @param voiceOptions options for the voice detector, checked when it is built
     */
    Detectors(String providerId, Path voiceModel, Map<String, String> faceOptions,
              Map<String, String> voiceOptions) {
        this.providerId = providerId;
        this.voiceModel = voiceModel;
        this.faceOptions = Map.copyOf(faceOptions);
        this.voiceOptions = Map.copyOf(voiceOptions);
    }

    /**
     * The face detector, made on first call.
     *
     * @throws io.github.affect4j.InvalidOptionException if a face option is not valid for the
     *     provider picked
     * @throws io.github.affect4j.DetectorUnavailableException if no provider can serve
     */
    FaceEmotionDetector face() {
        if (face == null) {
            face = EmotionDetectors.faceBuilder().provider(providerId).options(faceOptions)
                    .build();
        }
        return face;
    }

    /**
     * The voice detector, made on first call.
     *
     * @throws io.github.affect4j.InvalidOptionException if a voice option is not valid for the
     *     provider picked
     * @throws io.github.affect4j.DetectorUnavailableException if no provider can serve
     */
    VoiceEmotionDetector voice() {
        if (voice == null) {
            DetectorBuilder<VoiceEmotionDetector> builder = EmotionDetectors.voiceBuilder()
                    .options(voiceOptions);
            if (voiceModel != null) {
                builder.option("model", voiceModel.toString())
                        .provider(providerId != null ? providerId : "onnx");
            } else {
                builder.provider(providerId);
            }
            voice = builder.build();
        }
        return voice;
    }

    @Override
    public void close() {
        if (face != null) {
            face.close();
        }
        if (voice != null) {
            voice.close();
        }
    }
}
