import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.BufferedOutputStream;
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
 * little-endian float32 [N,256]. ONNX Runtime Java runs this net much faster than torch's CPU
 * depthwise convolutions on this machine, which is why the backbone's features come from here.
 * While make_views.py is still writing IN.u8 (as IN.u8.tmp), it follows the growing file; every
 * batch is flushed, so a run stopped early leaves a usable prefix.
 *
 * <pre>
 * java -cp "examples/cli/target/lib/*" face/training/ExtractFeatures.java MODEL IN.u8 OUT.f32 \
 *     [threads [output size]]      (default: features 256; dense2/out 25088 = [128,14,14])
 * </pre>
 */
public class ExtractFeatures {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[1]);
        Path growing = Path.of(args[1] + ".tmp");
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int pixels = 112 * 112 * 3;
        int batch = 64;
        String output = args.length > 5 ? args[4] : "features";
        int size = args.length > 5 ? Integer.parseInt(args[5]) : 256;
        while (!Files.exists(in) && !Files.exists(growing)) {
            Thread.sleep(1000);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long start = System.nanoTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession session = env.createSession(args[0], options);
                 java.nio.channels.FileChannel data = java.nio.channels.FileChannel.open(
                         Files.exists(in) ? in : growing);
                 OutputStream out = new BufferedOutputStream(new FileOutputStream(args[2]), 1 << 20)) {
                byte[] bytes = new byte[batch * pixels];
                FloatBuffer buffer = ByteBuffer.allocateDirect(batch * pixels * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
                long done = 0;
                while (true) {
                    boolean complete = Files.exists(in);
                    long available = data.size() / pixels - done;
                    if (available <= 0 && complete) {
                        break;
                    }
                    if (available < batch && !complete) {
                        Thread.sleep(500);
                        continue;
                    }
                    int k = (int) Math.min(batch, available);
                    ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, k * pixels);
                    while (chunk.hasRemaining()) {
                        data.read(chunk, done * pixels + chunk.position());
                    }
                    buffer.clear();
                    for (int i = 0; i < k * pixels; i++) {
                        buffer.put(bytes[i] & 0xff);
                    }
                    buffer.flip();
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {k, 112, 112, 3});
                         OrtSession.Result result = session.run(Map.of("input", tensor), Set.of(output))) {
                        FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
                        ByteBuffer bb = ByteBuffer.allocate(k * size * 4).order(ByteOrder.LITTLE_ENDIAN);
                        bb.asFloatBuffer().put(values);
                        out.write(bb.array());
                        out.flush();
                    }
                    done += k;
                }
            }
        }
        System.out.printf("%s: %d samples in %.0f s%n", args[2], Files.size(Path.of(args[2])) / (4L * size), (System.nanoTime() - start) / 1e9);
    }
}
