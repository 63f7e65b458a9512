import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs converted ONNX models in ONNX Runtime for Java and compares them with the outputs of
 * the original JavaScript implementations. Conversion-time check only (the module's tests
 * re-check the bundled fixtures); launched by convert-all.sh as a single-file program:
 * {@code java -cp onnxruntime.jar OrtParity.java ort-cases.tsv [output dir]}; with an output
 * directory it also writes each case's batch output as {@code <case>.ort.f32}.
 *
 * <p>Each line of the TSV: case id, model path, input file (uint8, NHWC), N, H, W, C, expected file
 * (float32 little-endian), output element count per sample. For every line it runs the whole
 * batch at once and each sample alone (the batch dimension must be dynamic and batching must
 * not change results), with graph optimisation ALL (what the library uses), and prints one
 * JSON object per line.
 */
public final class OrtParity {

    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String caseId = f[0];
            Path model = Path.of(f[1]);
            byte[] input = Files.readAllBytes(Path.of(f[2]));
            int n = Integer.parseInt(f[3]);
            int h = Integer.parseInt(f[4]);
            int w = Integer.parseInt(f[5]);
            int c = Integer.parseInt(f[6]);
            float[] expected = readF32(Path.of(f[7]));
            int perSample = Integer.parseInt(f[8]);
            if (input.length != n * h * w * c || expected.length != n * perSample) {
                throw new IllegalStateException("size mismatch in " + line);
            }
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(1);
                try (OrtSession session = env.createSession(model.toString(), options)) {
                    String inName = session.getInputNames().iterator().next();
                    String outName = session.getOutputNames().iterator().next();
                    NodeInfo inInfo = session.getInputInfo().get(inName);
                    long[] declared = ((TensorInfo) inInfo.getInfo()).getShape();
                    float[] batch = run(env, session, inName, toFloat(input, 0, n * h * w * c), new long[] {n, h, w, c});
                    double batchDiff = maxAbsDiff(batch, 0, expected, 0, expected.length);
                    if (args.length > 1) {
                        writeF32(Path.of(args[1], caseId + ".ort.f32"), batch);
                    }
                    double singleDiff = 0;
                    double batchVsSingle = 0;
                    StringBuilder perSampleDiff = new StringBuilder();
                    StringBuilder perSampleMax = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        int len = h * w * c;
                        float[] one = run(env, session, inName, toFloat(input, i * len, len), new long[] {1, h, w, c});
                        double d = maxAbsDiff(one, 0, expected, i * perSample, perSample);
                        singleDiff = Math.max(singleDiff, d);
                        batchVsSingle = Math.max(batchVsSingle, maxAbsDiff(one, 0, batch, i * perSample, perSample));
                        perSampleDiff.append(i == 0 ? "" : ",").append(d);
                        perSampleMax.append(i == 0 ? "" : ",").append(maxAbs(expected, i * perSample, perSample));
                    }
                    Map<String, String> meta = session.getMetadata().getCustomMetadata();
                    System.out.printf(
                            "{\"case\":\"%s\",\"model\":\"%s\",\"ortVersion\":\"%s\",\"input\":\"%s\",\"declaredInputShape\":\"%s\","
                                    + "\"output\":\"%s\",\"samples\":%d,\"maxAbsDiffBatch\":%s,\"maxAbsDiffSingle\":%s,"
                                    + "\"maxAbsDiffBatchVsSingle\":%s,\"maxAbsDiffPerSample\":[%s],"
                                    + "\"maxAbsExpectedPerSample\":[%s],\"metadataKeys\":\"%s\"}%n",
                            caseId, model.getFileName(), env.getVersion(), inName, Arrays.toString(declared), outName, n,
                            batchDiff, singleDiff, batchVsSingle, perSampleDiff, perSampleMax,
                            String.join(",", new java.util.TreeSet<>(meta.keySet())));
                }
            }
        }
    }

    private static float[] run(OrtEnvironment env, OrtSession session, String inName, float[] data, long[] shape)
            throws Exception {
        // A direct buffer must be in native order: ONNX Runtime reads it without a copy.
        FloatBuffer buffer = ByteBuffer.allocateDirect(data.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        buffer.put(data).rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
                OrtSession.Result result = session.run(Map.of(inName, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            FloatBuffer fb = out.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return values;
        }
    }

    private static float[] toFloat(byte[] bytes, int from, int len) {
        float[] out = new float[len];
        for (int i = 0; i < len; i++) {
            out[i] = bytes[from + i] & 0xff;
        }
        return out;
    }

    private static float[] readF32(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static void writeF32(Path path, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(path, b.array());
    }

    private static double maxAbs(float[] a, int from, int len) {
        double max = 0;
        for (int i = 0; i < len; i++) {
            max = Math.max(max, Math.abs(a[from + i]));
        }
        return max;
    }

    private static double maxAbsDiff(float[] a, int aFrom, float[] b, int bFrom, int len) {
        double max = 0;
        for (int i = 0; i < len; i++) {
            max = Math.max(max, Math.abs((double) a[aFrom + i] - b[bFrom + i]));
        }
        return max;
    }
}
