package io.github.affect4j.voice.features;

import io.github.affect4j.VoiceResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The acoustic features of a clip: one {@link SpeechFeatures} per speech segment and one over
 * all its speech.
 *
 * @param durationSeconds the clip's duration
 * @param speech the features over all speech of the clip; empty when no speech was found (then
 *     {@code flags} holds {@link VoiceResult.Flag#NO_SPEECH})
 * @param segments one entry per speech segment, in time order
 * @param flags problems found in the clip as a whole
 */
public record ClipFeatures(double durationSeconds, Optional<SpeechFeatures> speech,
                           List<SpeechFeatures> segments, Set<VoiceResult.Flag> flags) {

    /** Copies the lists. */
    public ClipFeatures {
        Objects.requireNonNull(speech, "speech");
        segments = List.copyOf(segments);
        flags = Set.copyOf(flags);
    }

    /** Whether speech was found. */
    public boolean hasSpeech() {
        return speech.isPresent();
    }
}
