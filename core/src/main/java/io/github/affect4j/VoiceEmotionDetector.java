package io.github.affect4j;

import io.github.affect4j.media.AudioClip;

/**
 * Reads emotion from speech.
 *
 * <p>Obtain one with {@link EmotionDetectors#voice()} or {@link EmotionDetectors#voiceBuilder()}.
 *
 * <p><b>Thread safety:</b> implementations are thread-safe. Create one instance and share it
 * between all threads. {@link #close()} may be called while other threads are inside
 * {@code analyze}: it waits for running calls, frees the resources, and makes later calls fail
 * with {@link IllegalStateException}. The streams a detector opens are not thread-safe: feed
 * each from one thread at a time.
 */
public interface VoiceEmotionDetector extends AutoCloseable {

    /**
     * Analyses a whole clip: finds its speech segments and reads each, plus a summary.
     *
     * @param clip mono audio at any sample rate the implementation supports
     * @return the analysis; for a clip without speech, a summary flagged
     *     {@link VoiceResult.Flag#NO_SPEECH} with no affect
     * @throws IllegalStateException if the detector was closed
     * @throws AnalysisException if the analysis failed inside the implementation
     */
    VoiceAnalysis analyze(AudioClip clip);

    /**
     * Opens a stream that takes consecutive chunks of audio and reports a result per speech
     * segment as soon as the segment ends. A stream keeps a bounded history to adapt to the
     * speaker's baseline.
     *
     * @param sampleRate the sample rate of the chunks that will be fed, in Hz
     * @return a new stream, to be closed by the caller
     * @throws IllegalArgumentException if the rate is not supported
     * @throws IllegalStateException if the detector was closed
     */
    VoiceEmotionStream openStream(int sampleRate);

    /** {@return which implementation and model this detector runs} */
    DetectorInfo info();

    /** Frees the detector's resources; idempotent. */
    @Override
    void close();
}
