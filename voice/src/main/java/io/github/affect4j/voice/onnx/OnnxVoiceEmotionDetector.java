package io.github.affect4j.voice.onnx;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.EmotionScores;
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
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice emotion from a feature classifier on ONNX Runtime: finds speech segments, computes their
 * acoustic features, and runs the model on each segment and on all speech of the clip in one
 * batch.
 *
 * <p>With a speaker-normalised model, each segment is centred on the speaker's mean estimated
 * from the segments before it ({@link SpeakerBaseline}); the whole-clip summary is not centred,
 * since a single clip carries no other baseline of its speaker.
 *
 * <p>Thread-safe and meant to be shared: one ONNX session serves all threads, and feature
 * extraction builds its DSP objects per call. A {@link DetectorLifetime} guards the session:
 * {@link #close()} waits for running calls, and later calls fail with
 * {@link IllegalStateException}.
 */
final class OnnxVoiceEmotionDetector implements VoiceEmotionDetector {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxVoiceEmotionDetector.class);

    private final FeatureClassifier classifier;
    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
    private final DetectorInfo info;
    private final DetectorLifetime lifetime = new DetectorLifetime("the onnx voice detector");

    OnnxVoiceEmotionDetector(FeatureClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.info = new DetectorInfo(OnnxVoiceDetectorProvider.ID,
                "acoustic features (" + classifier.card().featureSet() + ") classified on ONNX "
                        + "Runtime", classifier.describe());
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
        lifetime.close(classifier::close);
    }

    /** Runs an action while the detector cannot be closed. */
    <T> T guarded(Supplier<T> action) {
        return lifetime.call(action);
    }

    /** A baseline for one clip or stream, or null when the model is not speaker-normalised. */
    SpeakerBaseline newBaseline() {
        return classifier.card().normalisation() == VoiceModelCard.Normalisation.SPEAKER_MEAN
                ? new SpeakerBaseline(classifier.population(), classifier.card().priorSeconds())
                : null;
    }

    /** The model inputs of segments read in order against a baseline (updated). */
    List<float[]> inputs(List<SpeechFeatures> segments, SpeakerBaseline baseline) {
        List<float[]> inputs = new ArrayList<>(segments.size());
        for (SpeechFeatures s : segments) {
            double[] values = s.values();
            inputs.add(classifier.input(values, baseline != null ? baseline.mean() : null));
            if (baseline != null) {
                baseline.add(classifier.select(values), s.speechSeconds());
            }
        }
        return inputs;
    }

    List<EmotionScores> scores(List<float[]> inputs) {
        return classifier.scores(inputs);
    }

    static VoiceResult result(SpeechFeatures features, EmotionScores scores, double start,
                              double end) {
        double span = end - start;
        double ratio = span > 0 ? Math.min(1, features.speechSeconds() / span) : 0;
        VoiceAffect affect = new VoiceAffect(scores, clamp(scores.arousal()),
                clamp(scores.valence()));
        return new VoiceResult(start, end, ratio, Optional.of(affect), features.prosody(),
                features.flags());
    }

    private VoiceAnalysis analyzeNow(AudioClip clip) {
        ClipFeatures features = extractor.extract(clip);
        if (features.speech().isEmpty()) {
            VoiceResult summary = new VoiceResult(0, features.durationSeconds(), 0,
                    Optional.empty(), Prosody.unknown(), features.flags());
            LOG.debug("analysed {}: no speech", clip);
            return new VoiceAnalysis(summary, List.of(), info);
        }
        List<float[]> inputs = inputs(features.segments(), newBaseline());
        SpeechFeatures all = features.speech().get();
        inputs.add(classifier.input(all.values(), null));
        List<EmotionScores> scores = classifier.scores(inputs);
        List<VoiceResult> segments = new ArrayList<>();
        for (int i = 0; i < features.segments().size(); i++) {
            SpeechFeatures s = features.segments().get(i);
            segments.add(result(s, scores.get(i), s.startSeconds(), s.endSeconds()));
        }
        VoiceResult summary = result(all, scores.get(scores.size() - 1), 0,
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

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
