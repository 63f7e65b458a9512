package io.github.affect4j.voice.features;

import io.github.affect4j.VoiceResult;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The acoustic features of a clip: one {@link SpeechFeatures} per speech segment and one over
 * all its speech.
 *
 * @param durationSeconds the clip's duration
 * @param speechOrNull the features over all speech of the clip; null when no speech was found
 *     (then {@code flags} holds {@link VoiceResult.Flag#NO_SPEECH}); read it through
 *     {@link #speech()}
 * @param segments one entry per speech segment, in time order
 * @param flags problems found in the clip as a whole, in declaration order
 */
public record ClipFeatures(double durationSeconds, SpeechFeatures speechOrNull,
                           List<SpeechFeatures> segments, Set<VoiceResult.Flag> flags) {

    /**
     * Copies the list, and the flags into declaration order.
     *
     * @param durationSeconds the clip's duration
     * @param speechOrNull the features over all speech of the clip
     * @param segments one entry per speech segment, in time order
     * @param flags problems found in the clip as a whole, in declaration order
     */
    public ClipFeatures {
        segments = List.copyOf(segments);
        EnumSet<VoiceResult.Flag> ordered = EnumSet.noneOf(VoiceResult.Flag.class);
        ordered.addAll(flags);
        flags = Collections.unmodifiableSet(ordered);
    }

    /** {@return the features over all speech of the clip; empty when no speech was found} */
    public Optional<SpeechFeatures> speech() {
        return Optional.ofNullable(speechOrNull);
    }

    /** {@return whether speech was found} */
    public boolean hasSpeech() {
        return speechOrNull != null;
    }
}
