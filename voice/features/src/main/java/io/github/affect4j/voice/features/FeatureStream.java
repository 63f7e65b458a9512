package io.github.affect4j.voice.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive chunks in, the features of each finished speech segment out. Memory is bounded:
 * fixed DSP buffers and at most one segment (10 s) of frames. Not thread-safe.
 */
public final class FeatureStream {

    private final AcousticFeatureExtractor.Pipeline pipeline;
    private final int sampleRate;

    FeatureStream(AcousticFeatureExtractor.Pipeline pipeline, int sampleRate) {
        this.pipeline = pipeline;
        this.sampleRate = sampleRate;
    }

    /** {@return the sample rate of the chunks, in Hz} */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Feeds the next chunk.
     *
     * @param samples mono samples at the stream's rate
     * @return the segments that ended within this chunk, possibly none
     * @throws IllegalArgumentException if a sample is NaN or infinite
     */
    public List<SpeechFeatures> accept(float[] samples) {
        Objects.requireNonNull(samples, "samples");
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + i + " of the chunk is " + samples[i]);
            }
        }
        List<SpeechFeatures> out = new ArrayList<>();
        pipeline.accept(samples, 0, samples.length, span -> out.add(pipeline.measure(span)));
        return out;
    }

    /** {@return the ends the segment in progress, if any, and reports it} */
    public List<SpeechFeatures> flush() {
        List<SpeechFeatures> out = new ArrayList<>();
        pipeline.flush(span -> out.add(pipeline.measure(span)));
        return out;
    }

    /** Frames held in memory now; bounded by one segment. */
    int retainedFrames() {
        return pipeline.retainedFrames();
    }

    /** Samples held for waveform models now; bounded by one segment plus a margin. */
    int retainedSamples() {
        return pipeline.retainedSamples();
    }
}
