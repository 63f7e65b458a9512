package io.github.affect4j.voice.features;

import io.github.affect4j.media.AudioClip;
import java.util.Objects;

/**
 * The measuring pipeline of one clip or stream: raw samples in, speech segments with their frame
 * measurements out.
 *
 * <pre>
 * input rate:  raw statistics, DC blocker, resampler to 16 kHz ({@link SignalConditioner})
 * 16 kHz:      frames every 10 ms, cut and measured by a {@link FrameSpec} ({@link FrameAnalyzer})
 * frames:      voice activity detection into segments    ({@link SpeechSegmenter})
 * </pre>
 *
 * <p>Memory is bounded: the resampler's and frame buffers are fixed, the segmenter holds at most
 * one segment. Not thread-safe: one per clip or stream.
 */
public final class SpeechPipeline {

    /** Sees the conditioned 16 kHz samples around their analysis. */
    public interface Tap {
        /**
         * Called with each conditioned block before its frames are measured.
         *
         * @param samples a reused buffer: copy what must be kept
         * @param count how many of {@code samples}, from index 0, are new
         */
        void conditioned(float[] samples, int count);

        /** Called after the frames of the block were measured and segmented. */
        void analysed();
    }

    /** Raw samples handed on at a time when reading a clip, so per-call buffers stay small. */
    private static final int CHUNK = 1 << 15;

    private static final Tap NO_TAP = new Tap() {
        @Override
        public void conditioned(float[] samples, int count) {
        }

        @Override
        public void analysed() {
        }
    };

    private final int inputRate;
    private final SignalConditioner conditioner;
    private final FrameAnalyzer analyzer;
    private final SpeechSegmenter segmenter;
    private final VoiceActivityModel.Tracker tracker;
    private final Tap tap;

    /**
     * A pipeline for one input.
     *
     * @param inputRate the input's sample rate, 8 to 192 kHz
     * @param spec how frames are cut and measured
     * @param settings the segmenter's thresholds and timing
     * @param voiceActivity a speech detector model in place of frame energy, or null
     * @param tap sees the conditioned samples, or null
     * @throws IllegalArgumentException if the rate is outside that range
     */
    public SpeechPipeline(int inputRate, FrameSpec spec, SegmenterSettings settings,
                          VoiceActivityModel voiceActivity, Tap tap) {
        this.conditioner = new SignalConditioner(inputRate);
        this.inputRate = inputRate;
        this.analyzer = new FrameAnalyzer(spec);
        this.tracker = voiceActivity != null ? voiceActivity.newTracker() : null;
        this.segmenter = new SpeechSegmenter(Objects.requireNonNull(settings, "settings"),
                voiceActivity, tracker);
        this.tap = tap != null ? tap : NO_TAP;
    }

    /**
     * Feeds raw input samples; segments they end go to the sink.
     *
     * @param samples raw samples at the input rate
     * @param offset the first to take
     * @param length how many to take
     * @param sink receives finished segments
     */
    public void accept(float[] samples, int offset, int length, SpeechSegmenter.Sink sink) {
        conditioner.accept(samples, offset, length, (block, count) -> analyse(block, count, sink));
    }

    /**
     * Feeds a whole clip in chunks, then {@link #finish}es: every segment of the clip goes to the
     * sink, in order.
     *
     * @param clip the input, at the rate this pipeline was made for
     * @param sink receives the segments
     * @throws IllegalArgumentException if the clip's rate is not the pipeline's
     */
    public void acceptAll(AudioClip clip, SpeechSegmenter.Sink sink) {
        if (clip.sampleRate() != inputRate) {
            throw new IllegalArgumentException("the clip is at " + clip.sampleRate()
                    + " Hz, the pipeline at " + inputRate + " Hz");
        }
        float[] chunk = new float[Math.min(CHUNK, clip.length())];
        for (int from = 0; from < clip.length(); from += chunk.length) {
            int n = Math.min(chunk.length, clip.length() - from);
            clip.copySamples(from, chunk, 0, n);
            accept(chunk, 0, n, sink);
        }
        finish(sink);
    }

    /**
     * Ends the segment in progress, keeping the stream open for more input.
     *
     * @param sink receives the segment
     */
    public void flush(SpeechSegmenter.Sink sink) {
        segmenter.flush(sink);
    }

    /**
     * Ends the input: releases the resampler's look-ahead and ends the segment in progress.
     *
     * @param sink receives the remaining segments
     */
    public void finish(SpeechSegmenter.Sink sink) {
        conditioner.finish((block, count) -> analyse(block, count, sink));
        segmenter.flush(sink);
    }

    /** @return statistics of the raw input so far */
    public RawStatistics statistics() {
        return conditioner.statistics();
    }

    /** @return frames held by the segmenter: one segment at most */
    public int retainedFrames() {
        return segmenter.retainedFrames();
    }

    /** @return the capacity of the segmenter's speech flags, to check they stay bounded */
    public int flagCapacity() {
        return segmenter.flagCapacity();
    }

    /** @return samples held for the next frame (less than one frame) */
    public int bufferedSamples() {
        return analyzer.bufferedSamples();
    }

    private void analyse(float[] block, int count, SpeechSegmenter.Sink sink) {
        tap.conditioned(block, count);
        if (tracker != null) {
            tracker.accept(block, count);
        }
        analyzer.accept(block, count, conditioner.statistics(),
                frame -> segmenter.accept(frame, sink));
        tap.analysed();
    }
}
