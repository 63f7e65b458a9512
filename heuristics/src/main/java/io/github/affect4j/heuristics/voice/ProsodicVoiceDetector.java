package io.github.affect4j.heuristics.voice;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.spi.DetectorLifetime;
import io.github.affect4j.voice.features.SpeechPipeline;
import io.github.affect4j.voice.features.SpeechSegmenter;
import io.github.affect4j.voice.features.SpeechSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule-based voice emotion detector: measures prosody with TarsosDSP and maps it to affect
 * with {@link AffectRules}.
 *
 * <p>Thread-safe and meant to be shared: it holds only frozen settings, and every call builds its
 * own DSP objects ({@code Yin}, FFT and resampler are stateful). A read-write lock guards the
 * lifetime: calls hold the read lock, {@link #close()} takes the write lock, so it waits for
 * running calls and later calls fail with {@link IllegalStateException}.
 */
final class ProsodicVoiceDetector implements VoiceEmotionDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodicVoiceDetector.class);

    static final DetectorInfo INFO = new DetectorInfo(HeuristicVoiceProvider.ID,
            "rule-based prosody (TarsosDSP YIN pitch, energy, spectrum) mapped to the circumplex",
            "none");

    private final VoiceSettings settings;
    private final DetectorLifetime lifetime =
            new DetectorLifetime("the heuristic voice detector");

    ProsodicVoiceDetector(VoiceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public VoiceAnalysis analyze(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        return guarded(() -> {
            try {
                return analyzeNow(clip);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new AnalysisException("heuristic voice analysis failed on " + clip + ": "
                        + e, e);
            }
        });
    }

    @Override
    public VoiceEmotionStream openStream(int sampleRate) {
        AudioClip.checkSampleRate(sampleRate);
        return guarded(() -> new ProsodicVoiceStream(this, settings, sampleRate));
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public void close() {
        lifetime.close(() -> { });
    }

    /** Runs an action while the detector cannot be closed. */
    <T> T guarded(Supplier<T> action) {
        return lifetime.call(action);
    }

    VoiceSettings settings() {
        return settings;
    }

    private VoiceAnalysis analyzeNow(AudioClip clip) {
        SpeechPipeline pipeline = ProsodyAnalysis.pipeline(settings, clip.sampleRate());
        SpeechReader reader = new SpeechReader(settings);
        List<SpeechSpan> spans = new ArrayList<>();
        List<VoiceResult> segments = new ArrayList<>();
        SpeechSegmenter.Sink sink = span -> {
            spans.add(span);
            segments.add(reader.read(span));
        };
        pipeline.acceptAll(clip, sink);
        VoiceResult summary = reader.summarize(spans, clip.durationSeconds(),
                pipeline.statistics());
        if (LOG.isDebugEnabled()) {
            LOG.debug("analysed {}: {} speech segments, summary {}", clip, segments.size(),
                    summary);
        }
        return new VoiceAnalysis(summary, segments, INFO);
    }
}
