import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Runs the face-api expression net with its "features" output (make_views.py writes that copy of
 * the bundled model) over a raw uint8 [N,112,112,3] file and writes the 256-d pooled features as
 * little-endian float32 [N,256]. ONNX Runtime Java runs this net ~30x faster than torch's CPU
 * depthwise convolutions on this machine, which is why the backbone's features come from here.
 *
 * <pre>
 * java -cp "examples/cli/target/lib/*" face/training/ExtractFeatures.java MODEL IN.u8 OUT.f32 [threads]
 * </pre>
 */
public class ExtractFeatures {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[1]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int pixels = 112 * 112 * 3;
        long n = Files.size(in) / pixels;
        int batch = 64;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long start = System.nanoTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession session = env.createSession(args[0], options);
                 DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new FileInputStream(in.toFile()), 1 << 20));
                 OutputStream out = new BufferedOutputStream(new FileOutputStream(args[2]), 1 << 20)) {
                byte[] bytes = new byte[batch * pixels];
                FloatBuffer buffer = ByteBuffer.allocateDirect(batch * pixels * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
                for (long done = 0; done < n; ) {
                    int k = (int) Math.min(batch, n - done);
                    data.readFully(bytes, 0, k * pixels);
                    buffer.clear();
                    for (int i = 0; i < k * pixels; i++) {
                        buffer.put(bytes[i] & 0xff);
                    }
                    buffer.flip();
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {k, 112, 112, 3});
                         OrtSession.Result result = session.run(Map.of("input", tensor), Set.of("features"))) {
                        float[][] features = (float[][]) result.get(0).getValue();
                        ByteBuffer bb = ByteBuffer.allocate(k * 256 * 4).order(ByteOrder.LITTLE_ENDIAN);
                        for (float[] row : features) {
                            for (float v : row) {
                                bb.putFloat(v);
                            }
                        }
                        out.write(bb.array());
                    }
                    done += k;
                }
            }
        }
        System.out.printf("%s: %d samples in %.0f s%n", args[2], n, (System.nanoTime() - start) / 1e9);
    }
}
