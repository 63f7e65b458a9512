package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A soak test for native memory: runs the default face detector ({@code EmotionDetectors.face()})
 * on a prepared face crop {@code n} times ({@link FaceEmotionDetector#analyzeFace}), with one
 * whole-frame {@link FaceEmotionDetector#analyze} of a 640x480 frame every
 * {@value #FRAME_EVERY} crops, and watches the process's resident set size.
 *
 * <p>Native leaks (an ONNX Runtime tensor or session buffer never closed, an OpenCV matrix never
 * released) do not show in the Java heap, only in the RSS. The RSS ({@code VmRSS} of
 * {@code /proc/self/status}, so Linux only) is sampled every {@code n / 100} inferences, after a
 * full GC so that garbage on the Java heap does not count; the committed heap is printed beside
 * it. The first {@value #WARM_UP_PERCENT}% of the run is warm-up (JIT compilation, ONNX Runtime's
 * arena and malloc's arenas reaching their working size) and is not judged.
 *
 * <p>Pass/fail: the least-squares slope of the RSS over the samples after warm-up must not
 * exceed {@value #MAX_SLOPE_MB} MB per 10,000 inferences, about 100 bytes per inference. Every
 * native buffer the pipeline allocates per crop is far larger (the face-api input tensor alone
 * is 112 x 112 x 3 floats, 150 KB), so leaking any one of them, or even one small output tensor
 * per call, goes over the threshold within a few thousand inferences; allocator noise does not.
 *
 * <pre>
 * ./mvnw -q -DskipTests package -pl benchmarks -am
 * nice java -cp benchmarks/target/benchmarks.jar io.github.affect4j.benchmarks.RssSoak [n] [--simulate-leak BYTES]
 * </pre>
 *
 * <p>{@code --simulate-leak BYTES} keeps a direct buffer of that many bytes per inference, a
 * native leak made on purpose, to check that the soak catches one (1000 bytes fails within 5,000
 * inferences). Exit code 0 when the RSS did not grow, 1 when it did, 2 for a bad argument or a
 * system without {@code /proc/self/status}. Not part of {@code ./mvnw verify}: 100,000 inferences take
 * ten minutes or more on two cores.
 */
public final class RssSoak {

    /** Largest accepted RSS slope after warm-up, MB per 10,000 inferences. */
    static final double MAX_SLOPE_MB = 1.0;
    /** Share of the run, in percent, that is warm-up and not judged. */
    static final int WARM_UP_PERCENT = 10;
    /** One whole-frame analysis per this many crops. */
    static final int FRAME_EVERY = 20;

    private static final Path STATUS = Path.of("/proc/self/status");

    private RssSoak() {
    }

    /**
     * Runs the soak.
     *
     * @param args optionally the number of crop inferences (default 100,000), then optionally
     *     {@code --simulate-leak BYTES}
     */
    public static void main(String[] args) throws IOException {
        int n = 100_000;
        int leak = 0;
        try {
            List<String> rest = new ArrayList<>(List.of(args));
            if (rest.size() >= 2 && rest.get(rest.size() - 2).equals("--simulate-leak")) {
                leak = Integer.parseInt(rest.remove(rest.size() - 1));
                rest.remove(rest.size() - 1);
            }
            if (rest.size() > 1 || leak < 0) {
                throw new NumberFormatException();
            }
            if (rest.size() == 1) {
                n = Integer.parseInt(rest.get(0).replace("_", ""));
            }
            if (n < 1000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            System.err.println("usage: RssSoak [n] [--simulate-leak BYTES]  (n: crop inferences, "
                    + "at least 1000; default 100000)");
            System.exit(2);
            return;
        }
        if (!Files.isReadable(STATUS)) {
            System.err.println("RssSoak needs Linux: " + STATUS + " is not readable");
            System.exit(2);
            return;
        }
        System.exit(run(n, leak) ? 0 : 1);
    }

    private static boolean run(int n, int leakBytes) throws IOException {
        int step = n / 100;
        int warmUp = n * WARM_UP_PERCENT / 100;
        System.out.printf(Locale.ROOT, "RSS soak: %d crop inferences (analyzeFace), one "
                + "640x480 analyze every %d, RSS sampled every %d after a full GC; warm-up %d; "
                + "load average %s; %d processors%n", n, FRAME_EVERY, step, warmUp, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (leakBytes > 0) {
            System.out.printf(Locale.ROOT, "SIMULATED LEAK: %d bytes of native memory kept per "
                    + "inference%n", leakBytes);
        }
        List<java.nio.ByteBuffer> leaked = new ArrayList<>();
        List<double[]> judged = new ArrayList<>();
        long frames = 0;
        long start = System.nanoTime();
        try (FaceEmotionDetector faces = EmotionDetectors.face()) {
            ImageFrame frame = Samples.webcamFrame();
            ImageFrame crop = frame.crop(faces.analyze(frame).largestFace()
                    .orElseThrow(() -> new IllegalStateException("no face in the sample frame"))
                    .box());
            System.out.printf(Locale.ROOT, "detector %s (%s), crop %dx%d%n",
                    faces.info().providerId(), faces.info().model(), crop.width(), crop.height());
            System.out.printf(Locale.ROOT, "%9s %8s %9s %10s %s%n", "inference", "seconds",
                    "RSS MB", "heap MB", "");
            sample(0, start, false);
            for (int i = 1; i <= n; i++) {
                faces.analyzeFace(crop);
                if (leakBytes > 0) {
                    leaked.add(java.nio.ByteBuffer.allocateDirect(leakBytes));
                }
                if (i % FRAME_EVERY == 0) {
                    faces.analyze(frame);
                    frames++;
                }
                if (i % step == 0) {
                    double rss = sample(i, start, i < warmUp);
                    if (i >= warmUp) {
                        judged.add(new double[] {i, rss});
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double slope = slope(judged) * 10_000;
        double first = judged.get(0)[1];
        double last = judged.get(judged.size() - 1)[1];
        double min = judged.stream().mapToDouble(s -> s[1]).min().orElseThrow();
        double max = judged.stream().mapToDouble(s -> s[1]).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%d crops and %d frames in %.0f s (%.1f ms per crop "
                + "including the frames); load average %s%n", n, frames, seconds,
                seconds * 1e3 / n, loadAverage());
        System.out.printf(Locale.ROOT, "after warm-up (%d samples): RSS %.1f MB at %d, %.1f MB "
                + "at %d (min %.1f, max %.1f)%n", judged.size(), first, (long) judged.get(0)[0],
                last, n, min, max);
        boolean pass = slope <= MAX_SLOPE_MB;
        System.out.printf(Locale.ROOT, "slope %+.3f MB per 10,000 inferences (limit %.1f): %s%n",
                slope, MAX_SLOPE_MB, pass ? "PASS, no growth" : "FAIL, RSS grows");
        return pass;
    }

    /** Collects garbage, prints one sample line, and returns the RSS in MB. */
    private static double sample(long inference, long start, boolean warmUp) throws IOException {
        System.gc();
        double rss = status("VmRSS") / 1024.0;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf(Locale.ROOT, "%9d %8.1f %9.1f %10.1f %s%n", inference,
                (System.nanoTime() - start) / 1e9, rss, heap.getCommitted() / 1048576.0,
                warmUp ? "warm-up" : "");
        return rss;
    }

    /** A field of /proc/self/status in kB, e.g. {@code VmRSS:  123456 kB}. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " missing from " + STATUS);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Least-squares slope of y over x. */
    static double slope(List<double[]> points) {
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
