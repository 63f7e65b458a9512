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

    private final FeatureSet featureSet = FeatureSet.current();

    /** An extractor of the current {@link FeatureSet}. */
    public AcousticFeatureExtractor() {
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
                m.prosody(), flags, featureSet);
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
        private final SpeechSegmenter segmenter = new SpeechSegmenter();
        private SignalConditioner.RawStatistics segmentStart = new SignalConditioner.RawStatistics(0, 0, 0, 0);

        Pipeline(int inputRate) {
            this.conditioner = new SignalConditioner(inputRate);
        }

        void accept(float[] samples, int offset, int length, SpeechSegmenter.Sink sink) {
            conditioner.accept(samples, offset, length, (block, count) -> analyzer.accept(block,
                    count, conditioner.statistics(), frame -> segmenter.accept(frame, sink)));
        }

        void flush(SpeechSegmenter.Sink sink) {
            segmenter.flush(sink);
        }

        void finish(SpeechSegmenter.Sink sink) {
            conditioner.finish((block, count) -> analyzer.accept(block, count,
                    conditioner.statistics(), frame -> segmenter.accept(frame, sink)));
            segmenter.flush(sink);
        }

        int retainedFrames() {
            return segmenter.retainedFrames();
        }

        /** The features of one segment, flagged from the raw input since the previous one. */
        SpeechFeatures measure(SpeechSpan span) {
            Functionals.Measurement m = Functionals.of(List.of(span));
            SignalConditioner.RawStatistics end = span.frames().get(span.frames().size() - 1).raw();
            Set<Flag> flags = flags(m, end.minus(segmentStart));
            segmentStart = end;
            double start = span.startSeconds();
            return new SpeechFeatures(start, Math.max(start, span.endSeconds()), m.speechSeconds(),
                    m.values(), m.prosody(), flags, featureSet);
        }
    }
}
