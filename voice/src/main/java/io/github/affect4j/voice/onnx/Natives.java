package io.github.affect4j.voice.onnx;

import ai.onnxruntime.OrtEnvironment;

/**
 * Loads ONNX Runtime's natives once per JVM (ONNX Runtime makes this idempotent and thread-safe)
 * and turns a failure into a message a user can act on.
 *
 * <p>ONNX Runtime copies its native libraries from its jar into a fresh folder under
 * {@code java.io.tmpdir} on first use. Where that folder is read-only or mounted {@code noexec},
 * unpack {@code ai/onnxruntime/native/<os>-<arch>/} from the onnxruntime jar into a folder and
 * point the system property {@code onnxruntime.native.path} at it.
 */
final class Natives {

    private Natives() {
    }

    static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("ONNX Runtime natives could not be loaded ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); they are unpacked"
                    + " to java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + "): if that"
                    + " folder is read-only or noexec, set -Donnxruntime.native.path to a folder"
                    + " holding the libraries of ai/onnxruntime/native/<os>-<arch>/", e);
        }
    }
}
