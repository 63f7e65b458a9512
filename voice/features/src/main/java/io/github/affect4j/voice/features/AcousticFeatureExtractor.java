package io.github.affect4j.voice.features;

import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Computes the {@link FeatureSet} vectors of speech: per speech segment and over a whole clip.
 *
 * <pre>
 * input rate:  DC blocker (20 Hz), raw statistics, resampling to 16 kHz (TarsosDSP libresample)
 * 16 kHz:      32 ms frames every 10 ms: energy, ZCR, FastYin pitch, FFT spectrum, MFCC
 * frames:      adaptive-floor energy voice activity detection into speech segments
 * segments:    functionals over the speech frames (see {@link FeatureSet})
 * </pre>
 *
 * Any mono sample rate from 8 to 192 kHz is accepted; stereo is mixed down by
 * {@link AudioClip}. Nothing is computed from javax.sound: the work is on {@code float[]} frames.
 *
 * <h2>Flags</h2>
 * As {@link AudioQuality} defines them: {@code NO_SPEECH} for a clip without speech (then there
 * is no vector), {@code TOO_SHORT} below {@value #MIN_SPEECH_SECONDS} s of speech,
 * {@code CLIPPED}, {@code DC_OFFSET} and {@code LOW_LEVEL}. A segment's raw-input flags cover
 * the input since the previous segment ended. Nothing depends on level, so the vector is
 * unaffected by them.
 *
 * <p>Thread-safe: every call builds its own DSP objects. Each {@link FeatureStream} belongs to one
 * thread at a time.
 */
public final class AcousticFeatureExtractor {

    /** Less speech than this is flagged {@code TOO_SHORT}. */
    public static final double MIN_SPEECH_SECONDS = 0.5;

    private static final float[] NO_SAMPLES = new float[0];
    /** Samples kept behind the frames the segmenter holds: the analyser's look-ahead and more. */
    private static final int HISTORY_MARGIN = 8192;

    private final FeatureSet featureSet = FeatureSet.current();
    private final VoiceActivityModel voiceActivity;
    private final boolean keepSamples;

    /** An extractor of the current {@link FeatureSet} with the energy speech detector. */
    public AcousticFeatureExtractor() {
        this(null, false);
    }

    private AcousticFeatureExtractor(VoiceActivityModel voiceActivity, boolean keepSamples) {
        this.voiceActivity = voiceActivity;
        this.keepSamples = keepSamples;
    }

    /**
     * An extractor like this one that finds speech with a model (Silero VAD, say) instead of
     * frame energy; see {@link VoiceActivityModel} for how its decisions are used.
     *
     * @param model the model, shared by every call and stream of the new extractor
     * @return a new extractor; this one is unchanged
     */
    public AcousticFeatureExtractor withVoiceActivity(VoiceActivityModel model) {
        return new AcousticFeatureExtractor(Objects.requireNonNull(model, "model"), keepSamples);
    }

    /**
     * An extractor like this one whose {@link SpeechFeatures} also hold their 16 kHz samples
     * ({@link SpeechFeatures#samples()}), for models that read the waveform. Memory: a stream
     * holds at most one segment of samples (10 s, 640 kB) besides the segments it returns; a
     * whole clip's summary holds all of its speech.
     *
     * @return a new extractor; this one is unchanged
     */
    public AcousticFeatureExtractor keepingSamples() {
        return new AcousticFeatureExtractor(voiceActivity, true);
    }

    /** @return the speech detector model, or null for the energy detector */
    public VoiceActivityModel voiceActivity() {
        return voiceActivity;
    }

    /** {@return the feature set computed} */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /**
     * Finds the speech segments of a clip and computes their features and those of all its
     * speech.
     *
     * @param clip mono audio at 8 to 192 kHz
     * @return the features; without speech, no vector and the flag {@code NO_SPEECH}
     */
    public ClipFeatures extract(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        Pipeline pipeline = new Pipeline(clip.sampleRate());
        List<SpeechSpan> spans = new ArrayList<>();
        List<SpeechFeatures> segments = new ArrayList<>();
        SpeechSegmenter.Sink sink = span -> {
            spans.add(span);
            segments.add(pipeline.measure(span));
        };
        pipeline.acceptAll(clip, sink);
        RawStatistics raw = pipeline.statistics();
        double duration = clip.durationSeconds();
        if (spans.isEmpty()) {
            return new ClipFeatures(duration, null, segments,
                    AudioQuality.withoutSpeech(raw, duration, MIN_SPEECH_SECONDS));
        }
        Functionals.Measurement m = Functionals.of(spans);
        Set<Flag> flags = flags(m, raw);
        SpeechFeatures all = new SpeechFeatures(0, duration, m.speechSeconds(), m.values(),
                m.prosody(), flags, featureSet, keepSamples ? concatenate(segments) : NO_SAMPLES);
        return new ClipFeatures(duration, all, segments, flags);
    }

    /**
     * Opens a stream that takes consecutive chunks and reports the features of each speech
     * segment when it ends (0.3 s of pause later).
     *
     * @param sampleRate the rate of the chunks, 8 to 192 kHz
     * @return a new stream
     * @throws IllegalArgumentException if the rate is outside that range
     */
    public FeatureStream openStream(int sampleRate) {
        AudioClip.checkSampleRate(sampleRate);
        return new FeatureStream(new Pipeline(sampleRate), sampleRate);
    }

    private static float[] concatenate(List<SpeechFeatures> segments) {
        int n = 0;
        for (SpeechFeatures s : segments) {
            n += s.sampleCount();
        }
        float[] all = new float[n];
        int at = 0;
        for (SpeechFeatures s : segments) {
            float[] part = s.samples();
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static Set<Flag> flags(Functionals.Measurement m, RawStatistics raw) {
        return AudioQuality.ofSpeech(raw, m.speechSeconds(), m.levelDb(), MIN_SPEECH_SECONDS);
    }

    /**
     * The measuring pipeline of one clip or stream, keeping the conditioned samples of the
     * segment in progress when asked to. Not thread-safe.
     */
    final class Pipeline implements SpeechPipeline.Tap {
        private final SpeechPipeline pipeline;
        private final SampleHistory history = keepSamples ? new SampleHistory() : null;
        private RawStatistics segmentStart = RawStatistics.EMPTY;

        Pipeline(int inputRate) {
            this.pipeline = new SpeechPipeline(inputRate, FrameSpec.FEATURES,
                    SegmenterSettings.DEFAULTS, voiceActivity, this);
        }

        void accept(float[] samples, int offset, int length, SpeechSegmenter.Sink sink) {
            pipeline.accept(samples, offset, length, sink);
        }

        @Override
        public void conditioned(float[] samples, int count) {
            if (history != null) {
                history.append(samples, count);
            }
        }

        @Override
        public void analysed() {
            if (history != null) {
                history.keepFrom(history.end() - (long) (pipeline.retainedFrames() + 4)
                        * FrameSpec.HOP - FrameSpec.FEATURES.frameLength() - HISTORY_MARGIN);
            }
        }

        void flush(SpeechSegmenter.Sink sink) {
            pipeline.flush(sink);
        }

        void acceptAll(AudioClip clip, SpeechSegmenter.Sink sink) {
            pipeline.acceptAll(clip, sink);
        }

        RawStatistics statistics() {
            return pipeline.statistics();
        }

        int retainedFrames() {
            return pipeline.retainedFrames();
        }

        int retainedSamples() {
            return history == null ? 0 : history.held();
        }

        /** The features of one segment, flagged from the raw input since the previous one. */
        SpeechFeatures measure(SpeechSpan span) {
            Functionals.Measurement m = Functionals.of(List.of(span));
            RawStatistics end = span.rawAtEnd();
            Set<Flag> flags = flags(m, end.minus(segmentStart));
            segmentStart = end;
            double start = span.startSeconds();
            double stop = Math.max(start, span.endSeconds());
            float[] samples = history == null ? NO_SAMPLES
                    : history.copy(Math.round(start * SignalConditioner.ANALYSIS_RATE),
                            Math.round(stop * SignalConditioner.ANALYSIS_RATE));
            return new SpeechFeatures(start, stop, m.speechSeconds(), m.values(), m.prosody(),
                    flags, featureSet, samples);
        }
    }
}
