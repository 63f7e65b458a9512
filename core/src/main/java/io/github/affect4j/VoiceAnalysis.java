package io.github.affect4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of one audio clip: a summary over the whole clip and a result per speech segment.
 *
 * @param summary the result for the whole clip
 * @param segments one result per speech segment found, in time order; empty when there was no
 *     speech
 * @param detector the implementation that produced this analysis
 */
public record VoiceAnalysis(VoiceResult summary, List<VoiceResult> segments, DetectorInfo detector) {

    /**
     * Copies the segment list.
     *
     * @param summary the result for the whole clip
     * @param segments one result per speech segment, in time order
     * @param detector the implementation that produced this analysis
     */
    public VoiceAnalysis {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detector, "detector");
        segments = List.copyOf(segments);
    }

    /** {@return {@code summary().affect()}, as a shortcut} */
    public Optional<VoiceAffect> affect() {
        return summary.affect();
    }

    /** {@return {@code summary().durationSeconds()}, as a shortcut} */
    public double durationSeconds() {
        return summary.durationSeconds();
    }
}
