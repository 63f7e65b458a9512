package io.github.affect4j.voice.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.affect4j.AnalysisException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * What this package's models have in common with ONNX Runtime: opening a session from a model's
 * bytes and checking it, with the session closed whenever the check fails; the float tensor
 * shapes of its nodes; a single-input, single-output run; and closing. Every message names the
 * model file.
 */
final class OnnxSessions {

    /** Checks a freshly created session and builds what uses it. */
    @FunctionalInterface
    interface Check<T> {
        T apply(OrtSession session) throws OrtException, InvalidModelException;
    }

    /** Reads a run's output tensor; called while the tensor is open. */
    @FunctionalInterface
    interface OutputReader<T> {
        T read(OnnxTensor output) throws OrtException;
    }

    private OnnxSessions() {
    }

    /**
     * The options every model here runs with: {@code threads} intra-op threads, one inter-op
     * thread, all graph optimisations. Closed again if a setting is rejected.
     *
     * @throws OrtException if ONNX Runtime rejects a setting
     */
    static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /**
     * Creates a session from a model's bytes and hands it to {@code check}; if the check fails in
     * any way the session is closed (a failure to close is added as suppressed).
     *
     * @param name the file name, for messages
     * @throws InvalidModelException naming the file: thrown by the check as it is, or wrapping
     *     ONNX Runtime's refusal to load the model or any other failure of the check
     */
    static <T> T open(OrtEnvironment env, OrtSession.SessionOptions options, byte[] bytes,
                      String name, Check<T> check) throws InvalidModelException {
        OrtSession session;
        try {
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new InvalidModelException(name + ": not a model ONNX Runtime can load ("
                    + e.getMessage() + ")", e);
        }
        try {
            return check.apply(session);
        } catch (OrtException | InvalidModelException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException(name + ": cannot use its inputs and outputs ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The shape of a float tensor node.
     *
     * @param file the file name, for messages
     * @param kind {@code input} or {@code output}
     * @throws InvalidModelException if there is no such node or it is not a float tensor
     */
    static long[] floatShape(String file, String kind, String node, Map<String, NodeInfo> nodes)
            throws InvalidModelException {
        NodeInfo info = nodes.get(node);
        if (info == null) {
            throw new InvalidModelException(file + ": has no " + kind + " '" + node + "' (its "
                    + kind + "s: " + nodes.keySet() + ")");
        }
        if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new InvalidModelException(file + ": " + kind + " '" + node
                    + "' is not a float tensor (" + info.getInfo() + ")");
        }
        return tensor.getShape();
    }

    /** A direct buffer in native order for {@code floats} values: read by ONNX Runtime uncopied. */
    static FloatBuffer floatBuffer(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /**
     * Runs a session with one float input and reads its one output; the tensor and the result
     * are closed before this returns.
     *
     * @param file the file name, for messages
     * @param input the filled, rewound input values
     * @throws AnalysisException naming the file if ONNX Runtime fails or the output is not a
     *     tensor (and whatever {@code reader} throws unchecked)
     */
    static <T> T run(OrtEnvironment env, OrtSession session, String file, String inputName,
                     String outputName, FloatBuffer input, long[] shape, OutputReader<T> reader) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor),
                     Set.of(outputName))) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor out)) {
                throw new AnalysisException(file + ": output '" + outputName
                        + "' is not a tensor");
            }
            return reader.read(out);
        } catch (OrtException e) {
            throw new AnalysisException(file + ": ONNX Runtime failed on input "
                    + Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes a session.
     *
     * @throws AnalysisException naming the file if ONNX Runtime fails to
     */
    static void close(OrtSession session, String file) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new AnalysisException(file + ": closing the session failed: " + e.getMessage(), e);
        }
    }
}
