package io.github.affect4j.voice.onnx;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.spi.DetectorLifetime;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.ClipFeatures;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice emotion from a model on ONNX Runtime: finds speech segments (by energy, or with Silero
 * VAD), and reads each segment and all speech of the clip with the model: a feature classifier
 * over their acoustic features, or a waveform model over their samples.
 *
 * <p>With a speaker-normalised feature classifier, each segment is centred on the speaker's mean
 * estimated from the segments before it ({@link SpeakerBaseline}): a {@code speaker-mean} model
 * reads every segment centred, a {@code speaker-blend} model reads with its plain classifier
 * until the baseline rests on enough speech and then blends in its centred one
 * ({@link BlendedClassifier}). The whole-clip summary is never centred, since a single clip
 * carries no other baseline of its speaker.
 *
 * <p>Thread-safe and meant to be shared: one ONNX session per model serves all threads, and
 * feature extraction builds its DSP objects (and VAD state) per call. A {@link DetectorLifetime}
 * guards the sessions: {@link #close()} waits for running calls, and later calls fail with
 * {@link IllegalStateException}.
 */
final class OnnxVoiceEmotionDetector implements VoiceEmotionDetector {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxVoiceEmotionDetector.class);

    private final AffectModel model;
    private final SileroVad vad;
    private final AcousticFeatureExtractor extractor;
    private final DetectorInfo info;
    private final DetectorLifetime lifetime = new DetectorLifetime("the onnx voice detector");

    /**
     * @param model the model, owned (closed) by this detector
     * @param vad the speech detector model, owned by this detector, or null for the energy one
     */
    OnnxVoiceEmotionDetector(AffectModel model, SileroVad vad) {
        this.model = Objects.requireNonNull(model, "model");
        this.vad = vad;
        AcousticFeatureExtractor e = new AcousticFeatureExtractor();
        if (vad != null) {
            e = e.withVoiceActivity(vad);
        }
        this.extractor = model.readsSamples() ? e.keepingSamples() : e;
        this.info = new DetectorInfo(OnnxVoiceDetectorProvider.ID, model.method()
                + (vad != null ? ", speech found by Silero VAD" : ""), model.describe()
                + (vad != null ? "; " + vad.describe() : ""));
    }

    @Override
    public VoiceAnalysis analyze(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        return guarded(() -> run(clip.toString(), () -> analyzeNow(clip)));
    }

    @Override
    public VoiceEmotionStream openStream(int sampleRate) {
        AudioClip.checkSampleRate(sampleRate);
        return guarded(() -> new OnnxVoiceStream(this, extractor.openStream(sampleRate)));
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public void close() {
        lifetime.close(() -> {
            try {
                model.close();
            } finally {
                if (vad != null) {
                    vad.close();
                }
            }
        });
    }

    /** Runs an action while the detector cannot be closed. */
    <T> T guarded(Supplier<T> action) {
        return lifetime.call(action);
    }

    /** A baseline for one clip or stream, or null when the model keeps none. */
    SpeakerBaseline newBaseline() {
        return model.newBaseline();
    }

    /** The results of segments read in order against a baseline (updated). */
    List<VoiceResult> read(List<SpeechFeatures> segments, SpeakerBaseline baseline) {
        if (segments.isEmpty()) {
            return List.of();
        }
        List<VoiceAffect> affects = model.read(segments, baseline, null);
        List<VoiceResult> results = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            SpeechFeatures s = segments.get(i);
            results.add(result(s, affects.get(i), s.startSeconds(), s.endSeconds()));
        }
        return results;
    }

    static VoiceResult result(SpeechFeatures features, VoiceAffect affect, double start,
                              double end) {
        double span = end - start;
        double ratio = span > 0 ? Math.min(1, features.speechSeconds() / span) : 0;
        return new VoiceResult(start, end, ratio, affect, features.prosody(),
                features.flags());
    }

    private VoiceAnalysis analyzeNow(AudioClip clip) {
        ClipFeatures features = extractor.extract(clip);
        if (features.speech().isEmpty()) {
            VoiceResult summary = new VoiceResult(0, features.durationSeconds(), 0, null,
                    Prosody.unknown(), features.flags());
            LOG.debug("analysed {}: no speech", clip);
            return new VoiceAnalysis(summary, List.of(), info);
        }
        SpeechFeatures all = features.speech().get();
        List<VoiceAffect> affects = model.read(features.segments(), newBaseline(), all);
        List<VoiceResult> segments = new ArrayList<>();
        for (int i = 0; i < features.segments().size(); i++) {
            SpeechFeatures s = features.segments().get(i);
            segments.add(result(s, affects.get(i), s.startSeconds(), s.endSeconds()));
        }
        VoiceResult summary = result(all, affects.get(affects.size() - 1), 0,
                features.durationSeconds());
        LOG.debug("analysed {}: {} speech segments, summary {}", clip, segments.size(), summary);
        return new VoiceAnalysis(summary, segments, info);
    }

    static <T> T run(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException | AnalysisException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AnalysisException("onnx voice analysis failed on " + what + ": " + e, e);
        }
    }
}
