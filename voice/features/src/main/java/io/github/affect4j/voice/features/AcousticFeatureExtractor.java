package io.github.affect4j.voice.features;

import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <ul>
 *   <li>{@code NO_SPEECH} (clip only): no speech segment was found; there is no vector.</li>
 *   <li>{@code TOO_SHORT}: less than {@value #MIN_SPEECH_SECONDS} s of speech.</li>
 *   <li>{@code CLIPPED}: at least 0.05 % of the raw samples (and three) at 0.99 of full scale or
 *       beyond.</li>
 *   <li>{@code DC_OFFSET}: a raw mean of at least 0.02, or of at least 0.002 and above the
 *       signal's own RMS; the offset is always removed first.</li>
 *   <li>{@code LOW_LEVEL}: speech frames average below {@value #LOW_LEVEL_DB} dBFS. Nothing
 *       depends on level, so the vector is unaffected; noise weighs more.</li>
 * </ul>
 *
 * <p>Thread-safe: every call builds its own DSP objects. Each {@link FeatureStream} belongs to one
 * thread at a time.
 */
public final class AcousticFeatureExtractor {

    /** Less speech than this is flagged {@code TOO_SHORT}. */
    public static final double MIN_SPEECH_SECONDS = 0.5;

    static final double LOW_LEVEL_DB = -45;
    static final double CLIP_FRACTION = 0.0005;
    static final int CLIP_MIN_SAMPLES = 3;
    static final double DC_LIMIT = 0.02;
    static final double DC_RELATIVE_MIN = 0.002;
    private static final int CHUNK = 1 << 15;
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

    /** The feature set computed. */
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
        float[] chunk = new float[Math.min(CHUNK, clip.length())];
        for (int from = 0; from < clip.length(); from += chunk.length) {
            int n = Math.min(chunk.length, clip.length() - from);
            clip.copySamples(from, chunk, 0, n);
            pipeline.accept(chunk, 0, n, sink);
        }
        pipeline.finish(sink);
        SignalConditioner.RawStatistics raw = pipeline.conditioner.statistics();
        double duration = clip.durationSeconds();
        if (spans.isEmpty()) {
            Set<Flag> flags = rawFlags(raw);
            flags.add(Flag.NO_SPEECH);
            if (duration < MIN_SPEECH_SECONDS) {
                flags.add(Flag.TOO_SHORT);
            }
            if (20 * Math.log10(raw.acRms() + 1e-12) < LOW_LEVEL_DB) {
                flags.add(Flag.LOW_LEVEL);
            }
            return new ClipFeatures(duration, Optional.empty(), segments, flags);
        }
        Functionals.Measurement m = Functionals.of(spans);
        Set<Flag> flags = flags(m, raw);
        SpeechFeatures all = new SpeechFeatures(0, duration, m.speechSeconds(), m.values(),
                m.prosody(), flags, featureSet, keepSamples ? concatenate(segments) : NO_SAMPLES);
        return new ClipFeatures(duration, Optional.of(all), segments, flags);
    }

    /**
     * Opens a stream that takes consecutive chunks and reports the features of each speech
     * segment when it ends (0.3 s of pause later).
     *
     * @param sampleRate the rate of the chunks, 8 to 192 kHz
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

    private static Set<Flag> flags(Functionals.Measurement m, SignalConditioner.RawStatistics raw) {
        Set<Flag> flags = rawFlags(raw);
        if (m.speechSeconds() < MIN_SPEECH_SECONDS) {
            flags.add(Flag.TOO_SHORT);
        }
        if (m.levelDb() < LOW_LEVEL_DB) {
            flags.add(Flag.LOW_LEVEL);
        }
        return flags;
    }

    private static Set<Flag> rawFlags(SignalConditioner.RawStatistics raw) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (raw.count() == 0) {
            return flags;
        }
        if (raw.clipped() >= CLIP_MIN_SAMPLES && raw.clipped() >= CLIP_FRACTION * raw.count()) {
            flags.add(Flag.CLIPPED);
        }
        double mean = Math.abs(raw.mean());
        if (mean >= DC_LIMIT || (mean >= DC_RELATIVE_MIN && mean > raw.acRms())) {
            flags.add(Flag.DC_OFFSET);
        }
        return flags;
    }

    /** The measuring pipeline of one clip or stream. Not thread-safe. */
    final class Pipeline {
        final SignalConditioner conditioner;
        private final FrameAnalyzer analyzer = new FrameAnalyzer();
        private final SpeechSegmenter segmenter;
        private final VoiceActivityModel.Tracker tracker;
        private final SampleHistory history = keepSamples ? new SampleHistory() : null;
        private SignalConditioner.RawStatistics segmentStart = new SignalConditioner.RawStatistics(0, 0, 0, 0);

        Pipeline(int inputRate) {
            this.conditioner = new SignalConditioner(inputRate);
            this.tracker = voiceActivity != null ? voiceActivity.newTracker() : null;
            this.segmenter = new SpeechSegmenter(voiceActivity, tracker);
        }

        void accept(float[] samples, int offset, int length, SpeechSegmenter.Sink sink) {
            conditioner.accept(samples, offset, length, (block, count) -> analyse(block, count,
                    sink));
        }

        private void analyse(float[] block, int count, SpeechSegmenter.Sink sink) {
            if (history != null) {
                history.append(block, count);
            }
            if (tracker != null) {
                tracker.accept(block, count);
            }
            analyzer.accept(block, count, conditioner.statistics(),
                    frame -> segmenter.accept(frame, sink));
            if (history != null) {
                history.keepFrom(history.end() - (long) (segmenter.retainedFrames() + 4)
                        * FrameAnalyzer.HOP - FrameAnalyzer.FRAME - HISTORY_MARGIN);
            }
        }

        void flush(SpeechSegmenter.Sink sink) {
            segmenter.flush(sink);
        }

        void finish(SpeechSegmenter.Sink sink) {
            conditioner.finish((block, count) -> analyse(block, count, sink));
            segmenter.flush(sink);
        }

        int retainedFrames() {
            return segmenter.retainedFrames();
        }

        int retainedSamples() {
            return history == null ? 0 : history.held();
        }

        /** The features of one segment, flagged from the raw input since the previous one. */
        SpeechFeatures measure(SpeechSpan span) {
            Functionals.Measurement m = Functionals.of(List.of(span));
            SignalConditioner.RawStatistics end = span.frames().get(span.frames().size() - 1).raw();
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
