/**
 * Model-backed face emotion analysis on ONNX Runtime: BlazeFace face detection, the face-api.js
 * expression net and affect4j's cnn48 (bundled; a FER-2013 mini-Xception too), or a classifier
 * of your own described by a {@link io.github.affect4j.face.onnx.ModelCard}. Found by
 * {@link io.github.affect4j.EmotionDetectors} as provider {@code "onnx"}.
 */
module io.github.affect4j.face {
    requires transitive io.github.affect4j.core;
    requires transitive io.github.affect4j.onnx;
    requires org.slf4j;

    exports io.github.affect4j.face.onnx;

    provides io.github.affect4j.spi.FaceDetectorProvider
            with io.github.affect4j.face.onnx.OnnxFaceDetectorProvider;
}
