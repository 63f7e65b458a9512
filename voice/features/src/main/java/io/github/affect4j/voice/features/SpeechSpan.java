package io.github.affect4j.voice.features;

import java.util.List;

/**
 * One speech segment as found by {@link SpeechSegmenter}: its frames from the first to the last
 * speech frame, and which of them are speech (the others are short pauses inside the segment).
 *
 * @param frames the frames, at least one
 * @param active one flag per frame: whether it is speech
 */
public record SpeechSpan(List<Frame> frames, boolean[] active) {

    /**
     * @param frames the frames, at least one
     * @param active one flag per frame
     * @throws IllegalArgumentException without frames or with one flag too many or few
     */
    public SpeechSpan {
        frames = List.copyOf(frames);
        if (frames.isEmpty() || active.length != frames.size()) {
            throw new IllegalArgumentException("a span needs frames and one flag per frame");
        }
        active = active.clone();
    }

    /** @return a copy of the speech flags */
    @Override
    public boolean[] active() {
        return active.clone();
    }

    /** @return the start of the span, in seconds */
    public double startSeconds() {
        return frames.get(0).startSeconds();
    }

    /** @return the end of the span, in seconds */
    public double endSeconds() {
        return frames.get(frames.size() - 1).endSeconds();
    }

    /** @return the raw-input statistics when the span's last frame was measured (cumulative) */
    public RawStatistics rawAtEnd() {
        return frames.get(frames.size() - 1).raw();
    }
}
