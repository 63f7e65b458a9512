package io.github.affect4j.onnx;

import io.github.affect4j.InvalidModelException;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * One loaded ONNX model: a single {@link OrtSession}, shared by all threads (ONNX Runtime allows
 * concurrent {@code run} calls on one session), its file name and SHA-256 for messages and
 * {@code DetectorInfo}, and its main float input and output, checked when loaded.
 *
 * <h2>Session options</h2>
 * Every affect4j model runs with the same options, set in one place ({@link #load}):
 * <ul>
 *   <li>{@code intraOpThreads} intra-op threads, chosen by the caller (affect4j's providers
 *       default to one: a detector is shared by the application's threads, which then run in
 *       parallel without oversubscribing the cores; 0 lets ONNX Runtime choose);</li>
 *   <li>one inter-op thread and sequential execution: the graphs are chains;</li>
 *   <li>all graph optimisations;</li>
 *   <li>thread spinning off ({@code session.intra_op.allow_spinning = 0}): a library shares its
 *       cores with its host, and idle intra-op threads that spin burn the cores the
 *       application's other threads and the other sessions need (with 2 threads on a 2-core
 *       machine a 640x480 face frame took 24 ms spinning and 12.5 ms without). With one
 *       intra-op thread there is no pool, and the setting changes nothing.</li>
 *   <li>no CPU memory arena and no memory pattern: with the arena each session keeps the
 *       largest amount of tensor memory its concurrent runs ever needed, for the life of the
 *       session; without it tensors are allocated per run and freed after it. In the example
 *       server under eight concurrent clients this kept resident memory about 70 MB lower
 *       (together with a fixed glibc mmap threshold, see examples/server/deploy); the change
 *       in frames per second stayed within the noise of the shared machine it was measured on
 *       (BENCHMARKS.md).</li>
 * </ul>
 *
 * <h2>Runs and errors</h2>
 * Runs take a direct, native-order {@link FloatBuffer} (see {@link #floatBuffer}), which ONNX
 * Runtime reads without copying; every tensor and result is closed before a run returns, and the
 * output is copied out first. {@link OrtException} never escapes: loading failures become
 * {@link InvalidModelException} and run or close failures {@link AnalysisException}, each naming
 * the file.
 *
 * <p>Closing is not guarded here: the owning detector makes sure no run is in flight (core's
 * {@code DetectorLifetime}).
 */
public final class OnnxModel implements AutoCloseable {

    /** Checks a freshly loaded model and builds what uses it. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * @param model the model just loaded
         * @return what uses the model
         * @throws InvalidModelException naming the file when the model does not fit
         */
        T apply(OnnxModel model) throws InvalidModelException;
    }

    /** Checks a model's node names before its main input and output are looked up. */
    @FunctionalInterface
    public interface Signature {
        /**
         * @param inputs the names of the model's inputs
         * @param outputs the names of the model's outputs
         * @throws InvalidModelException naming the file when the model is not of the kind expected
         */
        void check(Set<String> inputs, Set<String> outputs) throws InvalidModelException;
    }

    /** Reads a run's output tensor; called while the tensor is open, so it must copy. */
    @FunctionalInterface
    public interface OutputReader<T> {
        /**
         * @param output the open output tensor
         * @return what was read from it
         * @throws OrtException if ONNX Runtime fails to give the values
         */
        T read(OnnxTensor output) throws OrtException;
    }

    /** A run with more than the main input, written against ONNX Runtime's own API. */
    @FunctionalInterface
    public interface Call<T> {
        /**
         * @param env the environment, for tensors
         * @param session the session to run
         * @return the call's result, copied out of any tensor
         * @throws OrtException if ONNX Runtime fails
         */
        T run(OrtEnvironment env, OrtSession session) throws OrtException;
    }

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
     * Loads a model with affect4j's session options (see the class description), loading the
     * natives first if need be, and checks that its main input and output are float tensors.
     *
     * @param bytes the model file's bytes
     * @param name the file name, for messages
     * @param intraOpThreads intra-op threads, 1 or more; 0 lets ONNX Runtime choose (one per
     *     physical core)
     * @param input the main input's name, or null to require exactly one input and take it
     * @param output the main output's name, or null to take the first output
     * @return the model; close it when done
     * @throws InvalidModelException naming the file when ONNX Runtime rejects it, a named node is
     *     missing or the main input or output is not a float tensor
     * @throws IllegalArgumentException if {@code intraOpThreads} is negative
     * @throws IllegalStateException if ONNX Runtime's natives cannot be loaded
     */
    public static OnnxModel load(byte[] bytes, String name, int intraOpThreads, String input,
                                 String output) throws InvalidModelException {
        return load(bytes, name, intraOpThreads, input, output, model -> model);
    }

    /**
     * Like {@link #load(byte[], String, int, String, String)}, then hands the model to
     * {@code check}; if the check fails in any way the session is closed again (a failure to
     * close is added as suppressed).
     *
     * @param <T> what the check builds
     * @param bytes the model
     * @param name names the model in messages
     * @param intraOpThreads threads per run, 0 for ONNX Runtime's choice
     * @param input the input node, or null for the only one
     * @param output the output node, or null for the first
     * @param check validates the loaded model and builds what uses it
     * @return what the check built
     * @throws InvalidModelException naming the file: thrown by the check as it is, or wrapping
     *     ONNX Runtime's refusal or any other failure of the check
     * @throws IllegalArgumentException if {@code intraOpThreads} is negative
     * @throws IllegalStateException if ONNX Runtime's natives cannot be loaded
     */
    public static <T> T load(byte[] bytes, String name, int intraOpThreads, String input,
                             String output, Check<T> check) throws InvalidModelException {
        return load(bytes, name, intraOpThreads, (inputs, outputs) -> { }, input, output, check);
    }

    /**
     * Like {@link #load(byte[], String, int, String, String, Check)}, with the node names checked
     * by {@code signature} first, so a model of another kind gets a message about its kind rather
     * than about a missing node.
     *
     * @param <T> what the check builds
     * @param bytes the model
     * @param name names the model in messages
     * @param intraOpThreads threads per run, 0 for ONNX Runtime's choice
     * @param signature checks the model's input and output names
     * @param input the input node, or null for the only one
     * @param output the output node, or null for the first
     * @param check validates the loaded model and builds what uses it
     * @return what the check built
     * @throws InvalidModelException naming the file: thrown by the signature or the check as it
     *     is, or wrapping ONNX Runtime's refusal or any other failure
     * @throws IllegalArgumentException if {@code intraOpThreads} is negative
     * @throws IllegalStateException if ONNX Runtime's natives cannot be loaded
     */
    public static <T> T load(byte[] bytes, String name, int intraOpThreads, Signature signature,
                             String input, String output, Check<T> check)
            throws InvalidModelException {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be 0 (ONNX Runtime decides)"
                    + " or more, got " + intraOpThreads);
        }
        OrtEnvironment env = Natives.environment();
        OrtSession session;
        try (OrtSession.SessionOptions options = sessionOptions(intraOpThreads)) {
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new InvalidModelException(name + ": not a model ONNX Runtime can load ("
                    + e.getMessage() + ")", e);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            signature.check(inputs.keySet(), outputs.keySet());
            String in = pick(name, "input", inputs, input, true);
            String out = pick(name, "output", outputs, output, false);
            OnnxModel model = new OnnxModel(name, sha256(bytes), env, session, in,
                    floatShape(name, "input", in, inputs), out,
                    floatShape(name, "output", out, outputs));
            return check.apply(model);
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

    /** The one set of session options; see the class description for why each is set. */
    private static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
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

    private static long[] floatShape(String file, String kind, String node,
                                     Map<String, NodeInfo> nodes) throws InvalidModelException {
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

    /**
     * The SHA-256 of a model's bytes, as lower-case hex.
     *
     * @param bytes the model file's bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    /**
     * A direct buffer in native byte order for {@code floats} values: ONNX Runtime reads it in
     * place. (A direct buffer in big-endian order is accepted too, silently, and gives wrong
     * results.)
     *
     * @param floats its capacity in floats
     * @return a new buffer, position 0, limit {@code floats}
     */
    public static FloatBuffer floatBuffer(int floats) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** @return the file name given when loading */
    public String name() {
        return name;
    }

    /** @return the SHA-256 of the model's bytes, lower-case hex */
    public String sha256() {
        return sha256;
    }

    /** @return the main input's name */
    public String inputName() {
        return inputName;
    }

    /** @return the main input's declared shape; -1 for dynamic dimensions */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** @return the main output's name */
    public String outputName() {
        return outputName;
    }

    /** @return the main output's declared shape; -1 for dynamic dimensions */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /** @return the names of all the model's inputs */
    public Set<String> inputNames() {
        return nodeNames(true);
    }

    /** @return the names of all the model's outputs */
    public Set<String> outputNames() {
        return nodeNames(false);
    }

    private Set<String> nodeNames(boolean inputs) {
        try {
            return Set.copyOf((inputs ? session.getInputInfo() : session.getOutputInfo()).keySet());
        } catch (OrtException e) {
            throw new AnalysisException(name + ": cannot list its " + (inputs ? "inputs" : "outputs")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The shape of another float input, for models with more than one (state, say).
     *
     * @param node the input's name
     * @return its declared shape; -1 for dynamic dimensions
     * @throws InvalidModelException naming the file if there is no such input or it is not a
     *     float tensor
     */
    public long[] floatInputShape(String node) throws InvalidModelException {
        try {
            return floatShape(name, "input", node, session.getInputInfo());
        } catch (OrtException e) {
            throw new InvalidModelException(name + ": cannot read its inputs (" + e.getMessage()
                    + ")", e);
        }
    }

    /** @return whether the batch dimension of the main input is fixed at 1 (one sample a run) */
    public boolean singleSample() {
        return inputShape.length > 0 && inputShape[0] == 1;
    }

    /**
     * Runs the model on its main input and returns its main output's values.
     *
     * @param input direct, native byte order, holding at least the product of {@code shape}
     *     floats from its position 0
     * @param shape the input's shape
     * @return the output tensor's values, row-major
     * @throws AnalysisException naming the file if ONNX Runtime fails or the output is not a tensor
     */
    public float[] run(FloatBuffer input, long[] shape) {
        return run(input, shape, out -> {
            FloatBuffer values = out.getFloatBuffer();
            float[] array = new float[values.remaining()];
            values.get(array);
            return array;
        });
    }

    /**
     * Runs the model on its main input and reads its main output with {@code reader}.
     *
     * @param input direct, native byte order, holding at least the product of {@code shape}
     *     floats from its position 0
     * @param shape the input's shape
     * @param reader copies what it needs out of the open output tensor
     * @param <T> what the reader reads
     * @return what the reader read
     * @throws AnalysisException naming the file if ONNX Runtime fails or the output is not a
     *     tensor (and whatever {@code reader} throws unchecked)
     */
    public <T> T run(FloatBuffer input, long[] shape, OutputReader<T> reader) {
        int count = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
        FloatBuffer view = input.duplicate().position(0).limit(count).slice();
        return call("input " + Arrays.toString(shape), (environment, s) -> {
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, view, shape);
                 OrtSession.Result result = s.run(Map.of(inputName, tensor), Set.of(outputName))) {
                OnnxValue value = result.get(0);
                if (!(value instanceof OnnxTensor out)) {
                    throw new AnalysisException(name + ": output '" + outputName
                            + "' is not a tensor");
                }
                return reader.read(out);
            }
        });
    }

    /**
     * Runs ONNX Runtime code against this model's session, for runs with several inputs; the
     * call must close every tensor and result it opens.
     *
     * @param what what is being run, for the message ({@code "a VAD window"})
     * @param call the code
     * @param <T> what the call returns
     * @return what the call returned
     * @throws AnalysisException naming the file and {@code what} if ONNX Runtime fails
     */
    public <T> T call(String what, Call<T> call) {
        try {
            return call.run(env, session);
        } catch (OrtException e) {
            throw new AnalysisException(name + ": ONNX Runtime failed on " + what + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Frees the session.
     *
     * @throws AnalysisException naming the file if ONNX Runtime fails to
     */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new AnalysisException(name + ": closing the session failed: " + e.getMessage(), e);
        }
    }

    /** @return the file name and the first 12 hex digits of its SHA-256 */
    @Override
    public String toString() {
        return name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
}
