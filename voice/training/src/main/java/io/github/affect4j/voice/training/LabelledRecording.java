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
 * @param speakerOrNull the speaker, null when unknown; read it through {@link #speaker()}
 */
public record LabelledRecording(Path file, Emotion emotion, String speakerOrNull) {

    /**
     * @param file the WAV file
     * @param emotion the labelled category
     * @param speakerOrNull the speaker, null when unknown
     * @throws NullPointerException if the file or the emotion is null
     */
    public LabelledRecording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(emotion, "emotion");
    }

    /** {@return the speaker, empty when unknown} */
    public Optional<String> speaker() {
        return Optional.ofNullable(speakerOrNull);
    }
}
