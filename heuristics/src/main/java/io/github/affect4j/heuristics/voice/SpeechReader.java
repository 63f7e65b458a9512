package io.github.affect4j.heuristics.voice;

import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.voice.features.AudioQuality;
import io.github.affect4j.voice.features.RawStatistics;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechSpan;
import java.util.List;
import java.util.Set;

/**
 * Turns speech segments into {@link VoiceResult}s, in order, keeping the speaker's running
 * baseline: each segment is read against the baseline of the segments before it, then added to
 * it. One per stream or analysed clip; not thread-safe.
 *
 * <p>Flags are those of {@link AudioQuality}, with {@code TOO_SHORT} below
 * {@code minSpeechSeconds} of speech (default 0.5 s); a segment's raw-input flags (clipping, DC
 * offset) cover the input since the previous segment ended. A {@code TOO_SHORT} span is still
 * read, but its arousal and valence are scaled by {@code min(1, speech / 1 s)}, so it reads
 * closer to neutral.
 */
final class SpeechReader {

    private final VoiceSettings settings;
    private final AffectRules rules;
    private final SpeakerBaseline baseline =
            SpeakerBaseline.withoutPopulation(SpeechMeasurement.CUE_COUNT);
    private RawStatistics segmentStart = RawStatistics.EMPTY;

    SpeechReader(VoiceSettings settings) {
        this.settings = settings;
        this.rules = new AffectRules(settings.baselineWeight());
    }

    /** Reads one segment against the baseline so far, then adds it to the baseline. */
    VoiceResult read(SpeechSpan span) {
        SpeechMeasurement m = SpeechMeasurement.of(List.of(span));
        VoiceAffect affect = rules.read(m, baseline);
        baseline.add(m.cues(), m.speechSeconds());
        double start = span.startSeconds();
        double end = span.endSeconds();
        double ratio = Math.min(1, m.speechSeconds() / (end - start));
        RawStatistics raw = span.rawAtEnd().minus(segmentStart);
        segmentStart = span.rawAtEnd();
        return new VoiceResult(start, end, ratio, affect, m.prosody(),
                AudioQuality.ofSpeech(raw, m.speechSeconds(), m.levelDb(),
                        settings.minSpeechSeconds()));
    }

    /**
     * The summary of a whole clip: its speech read against population references only, since a
     * single clip carries no other baseline of its speaker.
     *
     * @param spans the clip's segments, possibly none
     * @param duration the clip's duration in seconds
     * @param raw raw statistics of the whole clip
     */
    VoiceResult summarize(List<SpeechSpan> spans, double duration, RawStatistics raw) {
        if (spans.isEmpty()) {
            return new VoiceResult(0, duration, 0, null, Prosody.unknown(),
                    AudioQuality.withoutSpeech(raw, duration, settings.minSpeechSeconds()));
        }
        SpeechMeasurement m = SpeechMeasurement.of(spans);
        VoiceAffect affect = rules.read(m, null);
        Set<Flag> flags = AudioQuality.ofSpeech(raw, m.speechSeconds(), m.levelDb(),
                settings.minSpeechSeconds());
        double ratio = duration > 0 ? Math.min(1, m.speechSeconds() / duration) : 0;
        return new VoiceResult(0, duration, ratio, affect, m.prosody(), flags);
    }

    SpeakerBaseline baseline() {
        return baseline;
    }
}
