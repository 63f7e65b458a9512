package io.github.affect4j.voice.features;

import io.github.affect4j.VoiceResult.Flag;
import java.util.EnumSet;

/**
 * The audio-quality flags of a span of speech or a whole clip, from the raw input and the speech
 * frames. The one definition shared by the model-backed and the rule-based voice detectors:
 * <ul>
 *   <li>{@code CLIPPED}: at least {@value #CLIP_FRACTION} of the raw samples (and at least
 *       {@value #CLIP_MIN_SAMPLES}) at or beyond {@value SignalConditioner#CLIP_LEVEL} of full
 *       scale.</li>
 *   <li>{@code DC_OFFSET}: a raw mean of magnitude at least {@value #DC_LIMIT} of full scale, or
 *       at least {@value #DC_RELATIVE_MIN} and larger than the signal's own RMS about its mean.
 *       The offset is always removed before analysis; the flag says it was there.</li>
 *   <li>{@code LOW_LEVEL}: speech frames average below {@value #LOW_LEVEL_DB} dBFS (without
 *       speech: the whole signal's RMS about its mean). Nothing is judged on absolute level;
 *       the flag warns that noise weighs more.</li>
 *   <li>{@code TOO_SHORT}: less speech than the caller's minimum (without speech: a clip
 *       shorter than it).</li>
 *   <li>{@code NO_SPEECH}: no speech segment was found.</li>
 * </ul>
 * Stateless; the returned sets are fresh and iterate in {@link Flag} order.
 */
public final class AudioQuality {

    /** Speech frames averaging below this level, in dBFS, are flagged {@code LOW_LEVEL}. */
    public static final double LOW_LEVEL_DB = -45;
    /** The fraction of clipped raw samples flagged {@code CLIPPED}. */
    public static final double CLIP_FRACTION = 0.0005;
    /** The fewest clipped raw samples flagged {@code CLIPPED}. */
    public static final int CLIP_MIN_SAMPLES = 3;
    /** A raw mean flagged {@code DC_OFFSET} whatever the signal. */
    public static final double DC_LIMIT = 0.02;
    /** The smallest raw mean flagged {@code DC_OFFSET} when it exceeds the signal's RMS. */
    public static final double DC_RELATIVE_MIN = 0.002;

    private AudioQuality() {
    }

    /**
     * The flags of a span with speech.
     *
     * @param raw raw-input statistics of the span
     * @param speechSeconds seconds of speech frames
     * @param levelDb mean power of the speech frames, dBFS
     * @param minSpeechSeconds less speech than this is {@code TOO_SHORT}
     * @return the flags, possibly none
     */
    public static EnumSet<Flag> ofSpeech(RawStatistics raw, double speechSeconds, double levelDb,
                                         double minSpeechSeconds) {
        EnumSet<Flag> flags = ofRaw(raw);
        if (speechSeconds < minSpeechSeconds) {
            flags.add(Flag.TOO_SHORT);
        }
        if (levelDb < LOW_LEVEL_DB) {
            flags.add(Flag.LOW_LEVEL);
        }
        return flags;
    }

    /**
     * The flags of a clip in which no speech was found: {@code NO_SPEECH} and those of the raw
     * input.
     *
     * @param raw raw-input statistics of the clip
     * @param durationSeconds the clip's duration
     * @param minSpeechSeconds a shorter clip is {@code TOO_SHORT}
     * @return the flags, with {@code NO_SPEECH}
     */
    public static EnumSet<Flag> withoutSpeech(RawStatistics raw, double durationSeconds,
                                              double minSpeechSeconds) {
        EnumSet<Flag> flags = ofRaw(raw);
        flags.add(Flag.NO_SPEECH);
        if (durationSeconds < minSpeechSeconds) {
            flags.add(Flag.TOO_SHORT);
        }
        if (20 * Math.log10(raw.acRms() + 1e-12) < LOW_LEVEL_DB) {
            flags.add(Flag.LOW_LEVEL);
        }
        return flags;
    }

    private static EnumSet<Flag> ofRaw(RawStatistics raw) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (raw.count() == 0) {
            return flags;
        }
        if (raw.clipped() >= CLIP_MIN_SAMPLES && raw.clipped() >= CLIP_FRACTION * raw.count()) {
            flags.add(Flag.CLIPPED);
        }
        double mean = Math.abs(raw.mean());
        if (mean >= DC_LIMIT || (mean >= DC_RELATIVE_MIN && mean > raw.acRms())) {
            flags.add(Flag.DC_OFFSET);
        }
        return flags;
    }
}
