package io.github.affect4j.voice.onnx;

import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.voice.features.FeatureStream;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream over the same feature pipeline as whole-clip analysis: a segment is reported 0.3 s
 * after its last speech frame (plus 32 ms of framing), classified against the speaker's running
 * baseline when the model is speaker-normalised. Memory is bounded: fixed DSP buffers, at most
 * one segment (10 s) of frames, a constant-size baseline. Not thread-safe.
 */
final class OnnxVoiceStream implements VoiceEmotionStream {

    private final OnnxVoiceEmotionDetector detector;
    private final FeatureStream features;
    private final SpeakerBaseline baseline;
    private final int sampleRate;
    private boolean closed;

    OnnxVoiceStream(OnnxVoiceEmotionDetector detector, FeatureStream features) {
        this.detector = detector;
        this.features = features;
        this.baseline = detector.newBaseline();
        this.sampleRate = features.sampleRate();
    }

    @Override
    public List<VoiceResult> accept(float[] samples) {
        checkOpen();
        return detector.guarded(() -> OnnxVoiceEmotionDetector.run("a stream chunk",
                () -> read(features.accept(samples))));
    }

    @Override
    public List<VoiceResult> flush() {
        checkOpen();
        return detector.guarded(() -> OnnxVoiceEmotionDetector.run("a stream flush",
                () -> read(features.flush())));
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public void close() {
        closed = true;
    }

    private List<VoiceResult> read(List<SpeechFeatures> segments) {
        if (segments.isEmpty()) {
            return List.of();
        }
        List<EmotionScores> scores = detector.scores(detector.inputs(segments, baseline));
        List<VoiceResult> results = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            SpeechFeatures s = segments.get(i);
            results.add(OnnxVoiceEmotionDetector.result(s, scores.get(i), s.startSeconds(),
                    s.endSeconds()));
        }
        return results;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the voice emotion stream was closed");
        }
    }
}
