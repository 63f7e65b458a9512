package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import java.util.Objects;
import java.util.Optional;

/**
 * The feature vector of one labelled recording.
 *
 * @param recording the recording, its label and speaker
 * @param values its {@link io.github.affect4j.voice.features.FeatureSet} vector (NaN where
 *     unmeasurable); not copied
 * @param speechSeconds seconds of speech the vector was computed from
 */
public record LabelledFeatures(LabelledRecording recording, double[] values, double speechSeconds) {

    /**
     * @param recording the recording, its label and speaker
     * @param values the feature vector
     * @param speechSeconds seconds of speech the vector was computed from
     * @throws NullPointerException if an argument is null
     */
    public LabelledFeatures {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(values, "values");
    }

    Emotion emotion() {
        return recording.emotion();
    }

    Optional<String> speaker() {
        return recording.speaker();
    }
}
