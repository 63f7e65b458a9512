package io.github.affect4j.face.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.affect4j.AnalysisException;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * One loaded ONNX model: a single {@link OrtSession} shared by all threads (ONNX Runtime allows
 * concurrent {@code run} calls on one session) plus what was learnt about its one float input
 * and its output. Runs take a direct, native-order {@link FloatBuffer} that ONNX Runtime reads
 * without copying; every tensor and result is closed before {@link #run} returns.
 *
 * <p>Closing is not guarded here: the owning detector makes sure no run is in flight.
 */
final class OnnxModel implements AutoCloseable {

    private final String name;
    private final String sha256;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final String outputName;
    private final long[] outputShape;

    private OnnxModel(String name, String sha256, OrtEnvironment env, OrtSession session,
                      String inputName, long[] inputShape, String outputName, long[] outputShape) {
        this.name = name;
        this.sha256 = sha256;
        this.env = env;
        this.session = session;
        this.inputName = inputName;
        this.inputShape = inputShape;
        this.outputName = outputName;
        this.outputShape = outputShape;
    }

    /**
     * Creates a session from the model bytes.
     *
     * @param name the file name, for messages
     * @param wantedInput the input's name, or null to require exactly one input
     * @param wantedOutput the output's name, or null to take the first
     * @throws InvalidModelException naming the file when ONNX Runtime rejects it or the names do
     *     not match
     */
    static OnnxModel load(OrtEnvironment env, OrtSession.SessionOptions options, byte[] bytes,
                          String name, String wantedInput, String wantedOutput)
            throws InvalidModelException {
        OrtSession session;
        try {
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new InvalidModelException(name + ": not a model ONNX Runtime can load ("
                    + e.getMessage() + ")", e);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            String input = pick(name, "input", inputs, wantedInput, true);
            String output = pick(name, "output", outputs, wantedOutput, false);
            long[] inShape = floatTensorShape(name, "input", input, inputs.get(input));
            long[] outShape = floatTensorShape(name, "output", output, outputs.get(output));
            return new OnnxModel(name, sha256(bytes), env, session, input, inShape, output,
                    outShape);
        } catch (OrtException | InvalidModelException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException(name + ": cannot read its inputs and outputs ("
                    + e.getMessage() + ")", e);
        }
    }

    private static String pick(String file, String kind, Map<String, NodeInfo> nodes, String wanted,
                               boolean onlyOne) throws InvalidModelException {
        if (wanted != null) {
            if (!nodes.containsKey(wanted)) {
                throw new InvalidModelException(file + ": has no " + kind + " '" + wanted
                        + "' (its " + kind + "s: " + nodes.keySet() + ")");
            }
            return wanted;
        }
        if (nodes.isEmpty() || (onlyOne && nodes.size() != 1)) {
            throw new InvalidModelException(file + ": has " + kind + "s " + nodes.keySet()
                    + "; name the one to use in the model card");
        }
        return nodes.keySet().iterator().next();
    }

    private static long[] floatTensorShape(String file, String kind, String node, NodeInfo info)
            throws InvalidModelException {
        if (!(info.getInfo() instanceof TensorInfo tensor)) {
            throw new InvalidModelException(file + ": " + kind + " '" + node
                    + "' is not a tensor (" + info.getInfo() + ")");
        }
        if (tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new InvalidModelException(file + ": " + kind + " '" + node + "' is "
                    + tensor.type + ", not float32");
        }
        return tensor.getShape();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    String name() {
        return name;
    }

    String sha256() {
        return sha256;
    }

    String inputName() {
        return inputName;
    }

    /** The declared input shape; -1 for dynamic dimensions. */
    long[] inputShape() {
        return inputShape.clone();
    }

    String outputName() {
        return outputName;
    }

    /** The declared output shape; -1 for dynamic dimensions. */
    long[] outputShape() {
        return outputShape.clone();
    }

    /** Whether the batch dimension is fixed at 1 (then one sample per run). */
    boolean singleSample() {
        return inputShape.length > 0 && inputShape[0] == 1;
    }

    /**
     * Runs the model.
     *
     * @param input direct, native byte order, holding at least the product of {@code shape}
     *     floats from its position 0
     * @return the output tensor's values, row-major
     * @throws AnalysisException if ONNX Runtime reports an error
     */
    float[] run(FloatBuffer input, long[] shape) {
        int count = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
        FloatBuffer view = input.duplicate().position(0).limit(count).slice();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, view, shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor),
                     java.util.Set.of(outputName))) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor out)) {
                throw new AnalysisException(name + ": output '" + outputName + "' is not a tensor");
            }
            FloatBuffer values = out.getFloatBuffer();
            float[] array = new float[values.remaining()];
            values.get(array);
            return array;
        } catch (OrtException e) {
            throw new AnalysisException(name + ": ONNX Runtime failed on input "
                    + Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new AnalysisException(name + ": closing the session failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
}
