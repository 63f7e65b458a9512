package io.github.affect4j.voice.features;

import java.util.List;

/**
 * One speech segment as found by {@link SpeechSegmenter}: its frames from the first to the last
 * speech frame, and which of them are speech (the others are short pauses inside the segment).
 */
record SpeechSpan(List<Frame> frames, boolean[] active) {

    SpeechSpan {
        frames = List.copyOf(frames);
        if (frames.isEmpty() || active.length != frames.size()) {
            throw new IllegalArgumentException("a span needs frames and one flag per frame");
        }
    }

    double startSeconds() {
        return frames.get(0).startSeconds();
    }

    double endSeconds() {
        return frames.get(frames.size() - 1).endSeconds();
    }
}
