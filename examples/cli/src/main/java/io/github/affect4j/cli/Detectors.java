package io.github.affect4j.cli;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import java.nio.file.Path;

/**
 * The detectors a command uses, created on first need (an images-only run never loads the voice
 * implementation) and closed together.
 */
final class Detectors implements AutoCloseable {

    private final String providerId;
    private final Path voiceModel;
    private FaceEmotionDetector face;
    private VoiceEmotionDetector voice;

    /**
     * @param providerId the provider to force for both kinds, or null for the best available
     * @param voiceModel an ONNX voice model to read speech with, or null; unless a provider is
     *     forced, it makes the voice provider {@code onnx}, so a model that cannot be used is an
     *     error rather than a silent fallback
     */
    Detectors(String providerId, Path voiceModel) {
        this.providerId = providerId;
        this.voiceModel = voiceModel;
    }

    FaceEmotionDetector face() {
        if (face == null) {
            face = EmotionDetectors.faceBuilder().provider(providerId).build();
        }
        return face;
    }

    VoiceEmotionDetector voice() {
        if (voice == null) {
            DetectorBuilder<VoiceEmotionDetector> builder = EmotionDetectors.voiceBuilder();
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
