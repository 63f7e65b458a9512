package io.github.affect4j.heuristics.voice;

/**
 * The measuring pipeline shared by whole-clip analysis and streams: raw samples in, speech
 * segments with their frame measurements out.
 *
 * <pre>
 * input rate:  raw statistics, DC blocker, resampler   ({@link SignalConditioner})
 * 16 kHz:      40 ms frames every 10 ms: energy, ZCR, YIN pitch, FFT spectrum ({@link FrameAnalyzer})
 * frames:      adaptive-floor voice activity detection  ({@link SpeechSegmenter})
 * </pre>
 *
 * <p>Holds its own DSP objects; not thread-safe. Memory is bounded: the resampler's and frame
 * buffers are fixed, the segmenter holds at most one segment.
 */
final class SpeechTracker {

    private final SignalConditioner conditioner;
    private final FrameAnalyzer analyzer;
    private final SpeechSegmenter segmenter;
    private boolean firstFrame = true;

    SpeechTracker(VoiceSettings settings, int inputRate) {
        this.conditioner = new SignalConditioner(inputRate);
        this.analyzer = new FrameAnalyzer(settings.pitchMinHz(), settings.pitchMaxHz());
        this.segmenter = new SpeechSegmenter(settings);
    }

    /** Feeds raw input samples; finished segments go to the sink. */
    void accept(float[] samples, int offset, int length, SpeechSegmenter.Sink sink) {
        conditioner.accept(samples, offset, length, (block, count) -> analyze(block, count, sink));
    }

    /** Ends the segment in progress, keeping the stream open for more input. */
    void flush(SpeechSegmenter.Sink sink) {
        segmenter.flush(sink);
    }

    /** Ends the input: releases the resampler's look-ahead and ends the segment in progress. */
    void finish(SpeechSegmenter.Sink sink) {
        conditioner.finish((block, count) -> analyze(block, count, sink));
        segmenter.flush(sink);
    }

    SignalConditioner conditioner() {
        return conditioner;
    }

    FrameAnalyzer analyzer() {
        return analyzer;
    }

    SpeechSegmenter segmenter() {
        return segmenter;
    }

    private void analyze(float[] block, int count, SpeechSegmenter.Sink sink) {
        analyzer.accept(block, count, this::nextBin, frame -> segmenter.accept(frame, sink));
    }

    private SignalConditioner.RawBin nextBin() {
        if (firstFrame) {
            // Frame 0 stands for the third 10 ms bin (its window centre); the first two bins
            // belong to no frame.
            for (int i = 0; i < Frame.CENTRE_OFFSET; i++) {
                conditioner.takeBin();
            }
            firstFrame = false;
        }
        return conditioner.takeBin();
    }
}
