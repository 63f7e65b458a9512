package io.github.affect4j.voice.onnx;

import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.spi.StreamLifetime;
import io.github.affect4j.voice.features.FeatureStream;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.List;

/**
 * A stream over the same feature pipeline as whole-clip analysis: a segment is reported 0.3 s
 * after its last speech frame (plus 32 ms of framing), classified against the speaker's running
 * baseline when the model is speaker-normalised. Memory is bounded: fixed DSP buffers, at most
 * one segment (10 s) of frames (and of samples, for a waveform model), a constant-size baseline,
 * the VAD's recurrent state. Not thread-safe: a call made while another is running fails
 * ({@link StreamLifetime}).
 */
final class OnnxVoiceStream implements VoiceEmotionStream {

    private final OnnxVoiceEmotionDetector detector;
    private final FeatureStream features;
    private final SpeakerBaseline baseline;
    private final int sampleRate;
    private final StreamLifetime lifetime = new StreamLifetime("voice emotion stream");

    OnnxVoiceStream(OnnxVoiceEmotionDetector detector, FeatureStream features) {
        this.detector = detector;
        this.features = features;
        this.baseline = detector.newBaseline();
        this.sampleRate = features.sampleRate();
    }

    @Override
    public List<VoiceResult> accept(float[] samples) {
        return lifetime.call(() -> detector.guarded(() -> OnnxVoiceEmotionDetector.run(
                "a stream chunk", () -> read(features.accept(samples)))));
    }

    @Override
    public List<VoiceResult> flush() {
        return lifetime.call(() -> detector.guarded(() -> OnnxVoiceEmotionDetector.run(
                "a stream flush", () -> read(features.flush()))));
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public void close() {
        lifetime.close();
    }

    private List<VoiceResult> read(List<SpeechFeatures> segments) {
        return detector.read(segments, baseline);
    }
}
