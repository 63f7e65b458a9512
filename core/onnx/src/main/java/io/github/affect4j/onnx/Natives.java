package io.github.affect4j.onnx;

import ai.onnxruntime.OrtEnvironment;
import io.github.affect4j.spi.Availability;

/**
 * ONNX Runtime's natives and its one environment, loaded once per JVM.
 *
 * <p>ONNX Runtime makes {@link OrtEnvironment#getEnvironment()} idempotent and thread-safe; this
 * class adds a message a user can act on when the natives cannot be loaded. ONNX Runtime copies
 * its native libraries from its jar into a fresh folder under {@code java.io.tmpdir} on first
 * use. Where that folder is read-only or mounted {@code noexec}, unpack
 * {@code ai/onnxruntime/native/<os>-<arch>/} from the onnxruntime jar into a folder and point the
 * system property {@code onnxruntime.native.path} at it.
 */
public final class Natives {

    private Natives() {
    }

    /**
     * The JVM's ONNX Runtime environment, loading the natives on the first call.
     *
     * @return the shared environment (never closed: ONNX Runtime owns it)
     * @throws IllegalStateException if the natives cannot be loaded, naming the innermost cause,
     *     the temp folder and the system property that points elsewhere
     */
    public static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("ONNX Runtime natives could not be loaded ("
                    + rootCause(e) + "); they are unpacked"
                    + " to java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + "): if that"
                    + " folder is read-only or noexec, set -Donnxruntime.native.path to a folder"
                    + " holding the libraries of ai/onnxruntime/native/<os>-<arch>/", e);
        }
    }

    /**
     * Whether ONNX Runtime's classes are on the class path, checked without loading them or the
     * natives: cheap enough for a provider's {@code availability}.
     *
     * @return ready, or unavailable naming the missing artifact and the failure
     */
    public static Availability classesPresent() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, Natives.class.getClassLoader());
            return Availability.ready();
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable("ONNX Runtime (com.microsoft.onnxruntime:onnxruntime)"
                    + " is not on the class path (" + e + ")");
        }
    }

    /**
     * The innermost cause that has a message, as {@code "Type: message"}: class initialisation
     * errors wrap the real failure (an {@code UnsatisfiedLinkError} naming the library).
     *
     * @param e a failure
     * @return its most telling cause, for a message
     */
    static String rootCause(Throwable e) {
        Throwable best = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null) {
                best = t;
            }
        }
        return best.getClass().getSimpleName() + (best.getMessage() == null ? "" : ": " + best.getMessage());
    }
}
