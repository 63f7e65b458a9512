/**
 * Model-backed voice emotion analysis on ONNX Runtime: level-independent acoustic features,
 * a trainer that exports ONNX classifiers, and the {@code "onnx"} voice provider found by
 * {@link io.github.affect4j.EmotionDetectors}.
 *
 * <p>TarsosDSP ships without a module name: {@code TarsosDSP} is derived from its jar name. The
 * Tribuo jars declare automatic module names ({@code org.tribuo.*}).
 */
module io.github.affect4j.voice {
    requires transitive io.github.affect4j.core;
    requires org.slf4j;
    requires java.logging;
    requires TarsosDSP;
    requires com.microsoft.onnxruntime;
    requires org.tribuo.core;
    requires org.tribuo.classification.core;
    requires org.tribuo.classification.sgd;
    requires org.tribuo.common.sgd;
    requires org.tribuo.math;
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;
    requires com.oracle.labs.mlrg.olcut;

    exports io.github.affect4j.voice.features;
    exports io.github.affect4j.voice.training;
    exports io.github.affect4j.voice.onnx;

    provides io.github.affect4j.spi.VoiceDetectorProvider
            with io.github.affect4j.voice.onnx.OnnxVoiceDetectorProvider;
}
