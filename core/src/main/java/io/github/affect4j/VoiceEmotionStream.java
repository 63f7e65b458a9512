package io.github.affect4j;

import java.util.List;

/**
 * Consecutive audio chunks in, a result per finished speech segment out. Memory stays bounded
 * however long the stream runs.
 *
 * <p>Not thread-safe: feed a stream from one thread at a time. Handing it from thread to thread
 * between calls is fine (an executor feeding chunks in order); a call made while another call
 * of the same stream is still running fails with {@link IllegalStateException} and leaves the
 * running call and the stream's state untouched. {@link #close()} may be called from any thread
 * at any time: a call already running finishes, later calls fail. Streams of one detector are
 * independent of each other and may run at the same time; closing the detector makes its
 * streams' later calls fail with {@link IllegalStateException} too.
 */
public interface VoiceEmotionStream extends AutoCloseable {

    /**
     * Feeds the next chunk of mono samples, in [-1, 1], at the stream's sample rate.
     *
     * @param samples the chunk; any length, e.g. 20 ms worth
     * @return the speech segments that ended within this chunk, possibly none; times are
     *     counted from the first sample fed
     * @throws IllegalArgumentException if a sample is NaN or infinite
     * @throws IllegalStateException if the stream or its detector was closed, or another call of
     *     this stream is running
     */
    List<VoiceResult> accept(float[] samples);

    /**
     * Ends the current segment, if speech is in progress, and reports it.
     *
     * @return the segment cut short, or an empty list
     * @throws IllegalStateException if the stream or its detector was closed, or another call of
     *     this stream is running
     */
    List<VoiceResult> flush();

    /** {@return the sample rate this stream was opened with} */
    int sampleRate();

    /** Frees the stream; idempotent. */
    @Override
    void close();
}
