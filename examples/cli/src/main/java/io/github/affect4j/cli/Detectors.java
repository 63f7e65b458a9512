package io.github.affect4j.cli;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;

/**
 * The detectors a command uses, created on first need (an images-only run never loads the voice
 * implementation) and closed together.
 */
final class Detectors implements AutoCloseable {

    private final String providerId;
    private FaceEmotionDetector face;
    private VoiceEmotionDetector voice;

    /** @param providerId the provider to force for both kinds, or null for the best available */
    Detectors(String providerId) {
        this.providerId = providerId;
    }

    FaceEmotionDetector face() {
        if (face == null) {
            face = EmotionDetectors.faceBuilder().provider(providerId).build();
        }
        return face;
    }

    VoiceEmotionDetector voice() {
        if (voice == null) {
            voice = EmotionDetectors.voiceBuilder().provider(providerId).build();
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
