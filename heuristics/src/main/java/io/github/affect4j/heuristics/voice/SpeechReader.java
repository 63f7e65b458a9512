package io.github.affect4j.heuristics.voice;

import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.VoiceResult.Flag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns speech segments into {@link VoiceResult}s, in order, keeping the speaker's running
 * baseline: each segment is read against the baseline of the segments before it, then added to
 * it. One per stream or analysed clip; not thread-safe.
 *
 * <h2>Flags</h2>
 * <ul>
 *   <li>{@code TOO_SHORT}: less than {@code minSpeechSeconds} of speech (default 0.5 s). The
 *       span is still read, but its arousal and valence are scaled by
 *       {@code min(1, speech / 1 s)}, so a short span reads closer to neutral.</li>
 *   <li>{@code CLIPPED}: at least 0.05 % of the raw samples (and at least three) at or beyond
 *       0.99 of full scale.</li>
 *   <li>{@code DC_OFFSET}: a raw mean of magnitude at least 0.02 of full scale, or at least
 *       0.002 and larger than the signal's own RMS about its mean. The offset is always removed
 *       before analysis; the flag says it was there.</li>
 *   <li>{@code LOW_LEVEL}: speech frames average below {@value #LOW_LEVEL_DB} dBFS (for a span
 *       without speech: the whole signal). Nothing is judged on absolute level, so the reading
 *       is unaffected; the flag warns that noise weighs more.</li>
 * </ul>
 */
final class SpeechReader {

    static final double LOW_LEVEL_DB = -45;
    static final double CLIP_FRACTION = 0.0005;
    static final int CLIP_MIN_SAMPLES = 3;
    static final double DC_LIMIT = 0.02;
    static final double DC_RELATIVE_MIN = 0.002;

    private final VoiceSettings settings;
    private final AffectRules rules;
    private final SpeakerBaseline baseline = new SpeakerBaseline();

    SpeechReader(VoiceSettings settings) {
        this.settings = settings;
        this.rules = new AffectRules(settings.baselineWeight());
    }

    /** Reads one segment against the baseline so far, then adds it to the baseline. */
    VoiceResult read(SpeechSpan span) {
        SpeechMeasurement m = SpeechMeasurement.of(List.of(span));
        VoiceAffect affect = rules.read(m, baseline);
        baseline.update(m.cues(), m.speechSeconds());
        double start = span.startSeconds();
        double end = span.endSeconds();
        double ratio = Math.min(1, m.speechSeconds() / (end - start));
        return new VoiceResult(start, end, ratio, affect, m.prosody(),
                flags(m.speechSeconds(), m.levelDb(), m.raw()));
    }

    /**
     * The summary of a whole clip: its speech read against population references only, since a
     * single clip carries no other baseline of its speaker.
     *
     * @param spans the clip's segments, possibly none
     * @param duration the clip's duration in seconds
     * @param raw raw statistics of the whole clip
     */
    VoiceResult summarize(List<SpeechSpan> spans, double duration, SignalConditioner.RawBin raw) {
        if (spans.isEmpty()) {
            Set<Flag> flags = rawFlags(raw);
            flags.add(Flag.NO_SPEECH);
            if (duration < settings.minSpeechSeconds()) {
                flags.add(Flag.TOO_SHORT);
            }
            double ms = raw.sumSquares() / Math.max(1, raw.count());
            double mean = raw.sum() / Math.max(1, raw.count());
            if (10 * Math.log10(Math.max(0, ms - mean * mean) + 1e-12) < LOW_LEVEL_DB) {
                flags.add(Flag.LOW_LEVEL);
            }
            return new VoiceResult(0, duration, 0, null, Prosody.unknown(), flags);
        }
        SpeechMeasurement m = SpeechMeasurement.of(spans);
        VoiceAffect affect = rules.read(m, null);
        Set<Flag> flags = flags(m.speechSeconds(), m.levelDb(), raw);
        double ratio = duration > 0 ? Math.min(1, m.speechSeconds() / duration) : 0;
        return new VoiceResult(0, duration, ratio, affect, m.prosody(), flags);
    }

    SpeakerBaseline baseline() {
        return baseline;
    }

    private Set<Flag> flags(double speechSeconds, double levelDb, SignalConditioner.RawBin raw) {
        Set<Flag> flags = rawFlags(raw);
        if (speechSeconds < settings.minSpeechSeconds()) {
            flags.add(Flag.TOO_SHORT);
        }
        if (levelDb < LOW_LEVEL_DB) {
            flags.add(Flag.LOW_LEVEL);
        }
        return flags;
    }

    private static Set<Flag> rawFlags(SignalConditioner.RawBin raw) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (raw.count() == 0) {
            return flags;
        }
        if (raw.clipped() >= CLIP_MIN_SAMPLES && raw.clipped() >= CLIP_FRACTION * raw.count()) {
            flags.add(Flag.CLIPPED);
        }
        double mean = raw.sum() / raw.count();
        double acRms = Math.sqrt(Math.max(0, raw.sumSquares() / raw.count() - mean * mean));
        if (Math.abs(mean) >= DC_LIMIT || (Math.abs(mean) >= DC_RELATIVE_MIN
                && Math.abs(mean) > acRms)) {
            flags.add(Flag.DC_OFFSET);
        }
        return flags;
    }
}
