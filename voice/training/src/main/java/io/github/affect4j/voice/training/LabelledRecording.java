package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A recording with its emotion label and, where known, its speaker.
 *
 * @param file the WAV file
 * @param emotion the labelled category
 * @param speaker the speaker, empty when unknown
 */
public record LabelledRecording(Path file, Emotion emotion, Optional<String> speaker) {

    /**
     * @param file the WAV file
     * @param emotion the labelled category
     * @param speaker the speaker, empty when unknown
     * @throws NullPointerException if an argument is null
     */
    public LabelledRecording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(speaker, "speaker");
    }
}
