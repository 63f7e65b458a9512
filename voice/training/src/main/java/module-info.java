/**
 * Trains voice emotion classifiers on labelled recordings and exports them as ONNX models with
 * the card {@code affect4j-voice} reads. A tool: applications that only analyse speech leave it
 * out, and with it Tribuo and its dependencies.
 *
 * <p>The Tribuo jars declare automatic module names ({@code org.tribuo.*}).
 */
module io.github.affect4j.voice.training {
    requires transitive io.github.affect4j.voice;
    requires org.slf4j;
    requires java.logging;
    requires org.tribuo.core;
    requires org.tribuo.classification.core;
    requires org.tribuo.classification.sgd;
    requires org.tribuo.classification.liblinear;
    requires org.tribuo.classification.libsvm;
    requires org.tribuo.common.libsvm;
    requires libsvm;
    requires org.tribuo.common.sgd;
    requires org.tribuo.math;
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;
    requires com.oracle.labs.mlrg.olcut;

    exports io.github.affect4j.voice.training;
}
