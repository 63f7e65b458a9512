/**
 * Model-backed voice emotion analysis on ONNX Runtime: classifiers over the acoustic feature
 * vector (trained by {@code affect4j-voice-training}) and user-supplied waveform models, the
 * {@code "onnx"} voice provider found by {@link io.github.affect4j.EmotionDetectors}.
 */
module io.github.affect4j.voice {
    requires transitive io.github.affect4j.core;
    requires transitive io.github.affect4j.voice.features;
    requires transitive io.github.affect4j.onnx;
    requires org.slf4j;

    exports io.github.affect4j.voice.onnx;

    provides io.github.affect4j.spi.VoiceDetectorProvider
            with io.github.affect4j.voice.onnx.OnnxVoiceDetectorProvider;
}
