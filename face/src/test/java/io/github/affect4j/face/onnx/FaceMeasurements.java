package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.spi.DetectorConfig;
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
        if (what.equals("all") || what.equals("timing")) {
            timing();
        }
    }

    static FaceEmotionDetector detector(String... options) throws Exception {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return OnnxFaceEmotion.load(Settings.of(DetectorConfig.of(map)));
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

    static void timing() throws Exception {
        ImageFrame frame = TestImages.placed(640, 480, 140, 60, 360);
        for (String[] options : new String[][] {{}, {"mode", "fast"}, {"intraOpThreads", "2"},
                {"mode", "fast", "intraOpThreads", "2"}}) {
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

    static double median(Runnable task, int runs) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }
}
