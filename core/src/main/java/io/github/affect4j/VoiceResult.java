package io.github.affect4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis of one span of audio: a whole clip, or one speech segment of it.
 *
 * @param startSeconds start of the span, from the start of the clip or stream
 * @param endSeconds end of the span
 * @param speechRatio fraction of the span judged to be speech, in [0, 1]
 * @param affectOrNull the affect read from the speech, or {@code null} when there was no speech
 *     to read (see {@link Flag#NO_SPEECH}): affect4j does not guess on silence. Callers usually
 *     want {@link #affect()}, which says the same with an {@code Optional}
 * @param prosody key prosodic measurements of the speech in the span
 * @param flags problems found in the audio; iterated in the order the flags are declared in
 *     {@link Flag}, so logs and reports list them the same way every time
 */
public record VoiceResult(double startSeconds, double endSeconds, double speechRatio,
                          VoiceAffect affectOrNull, Prosody prosody, Set<Flag> flags) {

    /** Problems found in audio. */
    public enum Flag {
        /** No speech was found: the affect is empty. */
        NO_SPEECH,
        /** Less speech than the implementation needs for a reliable reading. */
        TOO_SHORT,
        /** Samples at or near full scale: the signal was clipped. */
        CLIPPED,
        /** A large constant offset was present (and removed before analysis). */
        DC_OFFSET,
        /** The signal is very quiet; it was analysed relative to its own level. */
        LOW_LEVEL
    }

    /**
     * Copies the flags into declaration order.
     *
     * @param startSeconds start of the span
     * @param endSeconds end of the span
     * @param speechRatio fraction of the span judged to be speech
     * @param affectOrNull the affect read from the speech, or {@code null}
     * @param prosody key prosodic measurements
     * @param flags problems found in the audio
     * @throws IllegalArgumentException if the span or ratio is invalid
     * @throws NullPointerException if prosody, flags or one of the flags is null
     */
    public VoiceResult {
        Objects.requireNonNull(prosody, "prosody");
        EnumSet<Flag> ordered = EnumSet.noneOf(Flag.class);
        ordered.addAll(flags);
        flags = Collections.unmodifiableSet(ordered);
        if (!(startSeconds >= 0 && endSeconds >= startSeconds && Double.isFinite(endSeconds))) {
            throw new IllegalArgumentException("invalid span " + startSeconds + " to " + endSeconds);
        }
        if (!(speechRatio >= 0 && speechRatio <= 1)) {
            throw new IllegalArgumentException("speech ratio must be in [0, 1], got " + speechRatio);
        }
    }

    /** {@return the length of the span in seconds} */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /**
     * The affect read from the speech.
     *
     * @return the affect, or empty when there was no speech to read (see {@link Flag#NO_SPEECH})
     */
    public Optional<VoiceAffect> affect() {
        return Optional.ofNullable(affectOrNull);
    }

    /** {@return whether speech was found and read} */
    public boolean hasSpeech() {
        return affectOrNull != null;
    }
}
