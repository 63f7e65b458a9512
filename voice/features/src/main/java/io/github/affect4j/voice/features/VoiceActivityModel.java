package io.github.affect4j.voice.features;

/**
 * A model that tells speech from non-speech, used by {@link AcousticFeatureExtractor} in place of
 * its energy detector (see {@link AcousticFeatureExtractor#withVoiceActivity}). The model sees
 * the same conditioned 16 kHz samples as the feature frames; each 10 ms frame is judged by the
 * latest model window that ends by the frame's last sample, whatever the chunking of the input,
 * so a clip and a stream of it are segmented alike. The segmenter's rules for onsets, pauses and segment
 * lengths stay as documented on the extractor; only the per-frame speech decision changes:
 * speech starts where the probability reaches {@link #onsetThreshold()} and continues while it
 * stays at or above {@link #offsetThreshold()}.
 *
 * <p>Implementations are shared by all threads: {@link #newTracker()} must be thread-safe; each
 * {@link Tracker} belongs to one clip or stream and one thread at a time.
 */
public interface VoiceActivityModel {

    /**
     * State for one clip or stream.
     *
     * @return a fresh tracker with no history
     */
    Tracker newTracker();

    /** @return the probability at which speech starts, in (0, 1] */
    double onsetThreshold();

    /** @return the probability below which speech ends, in [0, {@link #onsetThreshold()}] */
    double offsetThreshold();

    /** {@return a short description for logs and {@code DetectorInfo}, e.g. the model file} */
    String describe();

    /** The per-clip or per-stream state of a {@link VoiceActivityModel}. Not thread-safe. */
    interface Tracker {

        /**
         * Consumes the next conditioned samples.
         *
         * @param samples DC-free mono samples at 16 kHz
         * @param count how many of {@code samples}, from index 0, are new
         * @throws io.github.affect4j.AnalysisException if the model fails
         */
        void accept(float[] samples, int count);

        /**
         * The speech probability of the latest window that ends at or before a sample.
         *
         * @param endSample a count of samples from the start of the clip or stream, no more than
         *     have been given to {@link #accept}
         * @return the probability, 0 when no window ends that early
         */
        double speechProbability(long endSample);
    }
}
