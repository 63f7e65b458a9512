package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.util.Locale;
import java.util.Map;

/**
 * Quick measurements behind the defaults (letterboxing, alignment, flip, ensemble) and a rough
 * timing loop. Not a test: run by hand (see the module README) and read the printout.
 */
public final class FaceMeasurements {

    private FaceMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        if (what.equals("all") || what.equals("sample")) {
            sample();
        }
        if (what.equals("all") || what.equals("letterbox")) {
            letterbox();
        }
        if (what.equals("all") || what.equals("align")) {
            align();
        }
        if (what.equals("all") || what.equals("tta")) {
            flipAndEnsemble();
        }
        if (what.equals("all") || what.equals("timing")) {
            timing();
        }
    }

    static FaceEmotionDetector detector(String... options) throws Exception {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return OnnxFaceEmotion.load(Settings.of(map));
    }

    static String describe(FaceResult face) {
        return String.format(Locale.ROOT, "box=%s conf=%.3f dominant=%s happy=%.3f %s flags=%s",
                face.box(), face.confidence(), face.dominant().label(),
                face.scores().probability(Emotion.HAPPINESS), face.scores(), face.quality());
    }

    static void sample() throws Exception {
        try (FaceEmotionDetector d = detector()) {
            for (Map.Entry<String, ImageFrame> e : Map.of(
                    "astronaut", TestImages.astronaut(),
                    "webcam 640x480", TestImages.placed(640, 480, 140, 60, 360),
                    "two faces", TestImages.twoFaces(),
                    "gradient", TestImages.gradient(640, 480),
                    "noise", TestImages.noise(640, 480, 7)).entrySet()) {
                FaceAnalysis a = d.analyze(e.getValue());
                System.out.println(e.getKey() + ": " + a.faces().size() + " faces");
                a.faces().forEach(f -> System.out.println("   " + describe(f)));
            }
        }
    }

    /** The face box found in the square original photo (where letterboxing changes nothing). */
    static double[] referenceBox() throws Exception {
        try (FaceEmotionDetector d = detector()) {
            io.github.affect4j.BoundingBox b = d.analyze(TestImages.astronaut()).faces().get(0).box();
            return new double[] {b.x(), b.y(), b.width(), b.height()};
        }
    }

    static double iou(io.github.affect4j.BoundingBox box, double[] ref) {
        double ix = Math.max(0, Math.min(box.x() + box.width(), ref[0] + ref[2]) - Math.max(box.x(), ref[0]));
        double iy = Math.max(0, Math.min(box.y() + box.height(), ref[1] + ref[3]) - Math.max(box.y(), ref[1]));
        double inter = ix * iy;
        return inter / (box.area() + ref[2] * ref[3] - inter);
    }

    /**
     * Letterboxing vs stretching the frame to the detector's square input: the photo placed in
     * frames of several shapes; the expected box is the one found in the square photo, moved
     * and scaled like the photo.
     */
    static void letterbox() throws Exception {
        double[] ref = referenceBox();
        int[][] frames = {{640, 480, 140, 60, 360}, {1280, 480, 500, 40, 420}, {480, 800, 40, 200, 400},
            {1920, 1080, 700, 200, 640}, {800, 300, 300, 10, 280}, {360, 640, 20, 150, 320}};
        for (String size : new String[] {"back", "front"}) {
            for (String letterbox : new String[] {"true", "false"}) {
                double iouSum = 0;
                double scoreSum = 0;
                int found = 0;
                StringBuilder detail = new StringBuilder();
                try (FaceEmotionDetector d = detector("detector", size, "letterbox", letterbox,
                        "minConfidence", "0.3")) {
                    for (int[] f : frames) {
                        double s = f[4] / 512.0;
                        double[] expected = {f[2] + ref[0] * s, f[3] + ref[1] * s, ref[2] * s, ref[3] * s};
                        java.util.List<FaceResult> faces = d.analyze(TestImages.placed(f[0], f[1], f[2], f[3], f[4])).faces();
                        FaceResult best = faces.stream().max(java.util.Comparator.comparingDouble(
                                r -> iou(r.box(), expected))).orElse(null);
                        double v = best == null ? 0 : iou(best.box(), expected);
                        iouSum += v;
                        if (best != null && v > 0.3) {
                            found++;
                            scoreSum += best.confidence();
                        }
                        detail.append(String.format(Locale.ROOT, " %dx%d:%s", f[0], f[1], best == null
                                ? "miss" : String.format(Locale.ROOT, "iou %.2f conf %.2f", v, best.confidence())));
                    }
                }
                System.out.printf(Locale.ROOT, "detector %s letterbox %s: found %d/%d, mean IoU %.3f,"
                        + " mean confidence of found %.3f;%s%n", size, letterbox, found, frames.length,
                        iouSum / frames.length, found == 0 ? 0 : scoreSum / found, detail);
            }
        }
    }

    /**
     * Mean absolute difference of log-probabilities over the categories either gives weight
     * (floored at 1e-7): unlike TV it still sees changes when one category holds almost all
     * probability, as on the smiling sample.
     */
    static double logDistance(double[] a, double[] b) {
        double d = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0 || b[i] > 0) {
                d += Math.abs(Math.log(Math.max(a[i], 1e-7)) - Math.log(Math.max(b[i], 1e-7)));
                n++;
            }
        }
        return d / n;
    }

    static double tv(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d / 2;
    }

    /**
     * In-plane rotation: the photo turned about the face centre; how far the scores move from
     * the upright photo's (total variation distance), with and without eye alignment.
     */
    static void align() throws Exception {
        int[] angles = {-40, -30, -20, -10, 10, 20, 30, 40};
        for (String variant : new String[] {"photo", "low-contrast"})
        for (String classifiers : new String[] {"face-api", "fer2013", "face-api,fer2013"}) {
            for (String align : new String[] {"false", "true"}) {
                try (FaceEmotionDetector d = detector("align", align, "classifiers", classifiers,
                        "flip", "false")) {
                    double[] upright = d.analyze(adjust(TestImages.astronaut(), variant)).faces().get(0)
                            .scores().toArray();
                    double sum = 0;
                    double happy = 0;
                    int found = 0;
                    StringBuilder detail = new StringBuilder();
                    for (int angle : angles) {
                        java.util.List<FaceResult> faces = d.analyze(adjust(TestImages.rotated(angle, 225, 125),
                                variant)).faces();
                        if (faces.isEmpty()) {
                            detail.append(' ').append(angle).append(":miss");
                            continue;
                        }
                        double[] p = faces.get(0).scores().toArray();
                        found++;
                        sum += logDistance(p, upright);
                        happy += p[Emotion.HAPPINESS.ordinal()];
                        detail.append(String.format(Locale.ROOT, " %d:%.2f", angle, logDistance(p, upright)));
                    }
                    System.out.printf(Locale.ROOT, "%s %s align %s: found %d/%d, mean log-distance to upright %.3f,"
                            + " mean P(happiness) %.3f;%s%n", variant, classifiers, align, found, angles.length,
                            sum / found, happy / found, detail);
                }
            }
        }
    }

    /**
     * Mirror images and the ensemble: with no labelled expression data here, two consistency
     * measures. (1) Stability: the photo shifted by up to 8 px and scaled 0.9-1.1 (25 variants);
     * mean TV distance of each variant's scores to their mean. (2) Mirror consistency: TV
     * distance between the photo's scores and its mirror image's (0 by construction with flip).
     * Done on the photo and on a darkened, low-contrast copy, where the models are less sure.
     */
    static void flipAndEnsemble() throws Exception {
        for (String variant : new String[] {"photo", "low-contrast"}) {
            for (String[] config : new String[][] {{"face-api", "false"}, {"face-api", "true"},
                    {"fer2013", "false"}, {"fer2013", "true"}, {"face-api,fer2013", "false"},
                    {"face-api,fer2013", "true"}}) {
                try (FaceEmotionDetector d = detector("classifiers", config[0], "flip", config[1])) {
                    java.util.List<double[]> all = new java.util.ArrayList<>();
                    for (int dx = -8; dx <= 8; dx += 4) {
                        for (double s : new double[] {0.9, 0.95, 1.0, 1.05, 1.1}) {
                            int size = (int) Math.round(512 * s);
                            ImageFrame frame = adjust(TestImages.placed(512, 512, dx + (512 - size) / 2,
                                    (512 - size) / 2, size), variant);
                            java.util.List<FaceResult> faces = d.analyze(frame).faces();
                            if (!faces.isEmpty()) {
                                all.add(faces.get(0).scores().toArray());
                            }
                        }
                    }
                    double[] mean = new double[8];
                    all.forEach(p -> { for (int i = 0; i < 8; i++) { mean[i] += p[i] / all.size(); } });
                    double spread = all.stream().mapToDouble(p -> logDistance(p, mean)).average().orElse(Double.NaN);
                    ImageFrame photo = adjust(TestImages.astronaut(), variant);
                    double[] a = d.analyze(photo).faces().get(0).scores().toArray();
                    double[] b = d.analyze(mirror(photo)).faces().get(0).scores().toArray();
                    System.out.printf(Locale.ROOT, "%s %s flip %s: %d variants, log-spread %.3f, mirror log-distance %.3f,"
                            + " P(happiness) %.3f, dominant %s%n", variant, config[0], config[1], all.size(),
                            spread, logDistance(a, b), mean[Emotion.HAPPINESS.ordinal()],
                            Emotion.values()[argmax(mean)].label());
                }
            }
        }
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    static ImageFrame adjust(ImageFrame frame, String variant) {
        if (variant.equals("photo")) {
            return frame;
        }
        byte[] rgb = frame.toBytes(io.github.affect4j.media.PixelFormat.RGB);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (60 + (rgb[i] & 0xff) / 4);
        }
        return ImageFrame.fromPixels(rgb, frame.width(), frame.height(), frame.width() * 3,
                io.github.affect4j.media.PixelFormat.RGB);
    }

    static ImageFrame mirror(ImageFrame frame) {
        int w = frame.width();
        byte[] rgb = frame.toBytes(io.github.affect4j.media.PixelFormat.RGB);
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(rgb, (y * w + x) * 3, out, (y * w + w - 1 - x) * 3, 3);
            }
        }
        return ImageFrame.fromPixels(out, w, frame.height(), w * 3, io.github.affect4j.media.PixelFormat.RGB);
    }

    /**
     * The calling thread's CPU time, through reflection: the tests are compiled inside this
     * module, which does not read java.management (they run on the class path, which does).
     */
    static long cpuNanos() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            return (Long) Class.forName("java.lang.management.ThreadMXBean")
                    .getMethod("getCurrentThreadCpuTime").invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void timing() throws Exception {
        ImageFrame frame = TestImages.placed(640, 480, 140, 60, 360);
        boolean cpu = Boolean.getBoolean("cpu");
        String[][] configs = cpu ? new String[][] {{}, {"mode", "fast"}, {"flip", "false"},
            {"classifiers", "face-api"}}
            : new String[][] {{}, {"mode", "fast"}, {"threads", "2"},
                {"mode", "fast", "threads", "2"}};
        System.out.println(cpu ? "thread CPU time:" : "wall time:");
        for (String[] options : configs) {
            long t0 = System.nanoTime();
            try (FaceEmotionDetector d = detector(options)) {
                long load = System.nanoTime() - t0;
                ImageFrame crop = frame.crop(d.analyze(frame).faces().get(0).box());
                java.util.List<ImageFrame> crops = java.util.Collections.nCopies(32, crop);
                for (int i = 0; i < 50; i++) {
                    d.analyze(frame);
                    d.analyzeFace(crop);
                }
                double full = median(() -> d.analyze(frame), 200);
                double one = median(() -> d.analyzeFace(crop), 200);
                double batch = median(() -> d.analyzeFaces(crops), 30);
                System.out.printf(Locale.ROOT, "%s: load %.0f ms, 640x480 frame %.2f ms, one crop %.2f ms,"
                        + " 32 crops %.1f ms (%.0f faces/s)%n", java.util.Arrays.toString(options),
                        load / 1e6, full, one, batch, 32 * 1000 / batch);
            }
        }
    }

    /**
     * Median milliseconds of {@code runs} calls: wall time, or with {@code -Dcpu=true} the
     * calling thread's CPU time, which a machine shared with other builds inflates far less
     * (with one intra-op thread ONNX Runtime computes on the calling thread).
     */
    static double median(Runnable task, int runs) {
        boolean cpu = Boolean.getBoolean("cpu");
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = cpu ? cpuNanos() : System.nanoTime();
            task.run();
            times[i] = ((cpu ? cpuNanos() : System.nanoTime()) - t) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }
}
