package io.github.affect4j;

import java.util.List;

/**
 * Consecutive audio chunks in, a result per finished speech segment out. Memory stays bounded
 * however long the stream runs. Not thread-safe: feed a stream from one thread at a time.
 */
public interface VoiceEmotionStream extends AutoCloseable {

    /**
     * Feeds the next chunk of mono samples, in [-1, 1], at the stream's sample rate.
     *
     * @param samples the chunk; any length, e.g. 20 ms worth
     * @return the speech segments that ended within this chunk, possibly none; times are
     *     counted from the first sample fed
     * @throws IllegalArgumentException if a sample is NaN or infinite
     * @throws IllegalStateException if the stream was closed
     */
    List<VoiceResult> accept(float[] samples);

    /**
     * Ends the current segment, if speech is in progress, and reports it.
     *
     * @return the segment cut short, or an empty list
     * @throws IllegalStateException if the stream was closed
     */
    List<VoiceResult> flush();

    /** The sample rate this stream was opened with. */
    int sampleRate();

    /** Frees the stream; idempotent. */
    @Override
    void close();
}
