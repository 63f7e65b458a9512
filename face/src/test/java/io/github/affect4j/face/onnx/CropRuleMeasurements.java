package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Raw material for choosing the crop rule of {@code analyze}: for each image of a path,label CSV,
 * the whole image classified as the face, and for several paddings the largest detected face
 * (box, confidence, prediction). Not a test: run by hand, see MODELS.md. Arguments: the CSV,
 * the output file, then detector options as {@code name=value}.
 */
public final class CropRuleMeasurements {

    private CropRuleMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double[] pads = {1.0, 1.5, 2.0};
        List<String> lines = Files.readAllLines(csv);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] option = args[i].split("=", 2);
            options.put(option[0], option[1]);
        }
        try (OnnxFaceEmotionDetector d = OnnxFaceEmotion.load(Settings.of(options));
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder head = new StringBuilder("path,label,w,h,whole");
            for (double pad : pads) {
                String p = String.format(Locale.ROOT, "p%.1f_", pad);
                head.append(",").append(p).append("n,").append(p).append("x1,").append(p)
                        .append("y1,").append(p).append("x2,").append(p).append("y2,")
                        .append(p).append("conf,").append(p).append("pred");
            }
            w.println(head);
            OnnxFaceEmotionDetector.Workspace ws = new OnnxFaceEmotionDetector.Workspace(d.settings().classifiers().size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                ImageFrame image = ImageFrame.read(csv.getParent().resolve(f[0]));
                RgbImage src = new RgbImage(image.toBytes(PixelFormat.RGB), image.width(),
                        image.height());
                StringBuilder row = new StringBuilder(f[0]).append(',').append(io.github.affect4j.Emotion.fromLabel(f[1]).orElseThrow().label()).append(',')
                        .append(src.width()).append(',').append(src.height()).append(',')
                        .append(d.analyzeFace(image).dominant().label());
                for (double pad : pads) {
                    List<OnnxFaceEmotionDetector.Geometry> faces = d.detect(src, ws, pad);
                    OnnxFaceEmotionDetector.Geometry best = null;
                    double area = -1;
                    for (OnnxFaceEmotionDetector.Geometry g : faces) {
                        float[] b = g.box();
                        double a = (b[2] - b[0]) * (double) (b[3] - b[1]);
                        if (a > area) {
                            area = a;
                            best = g;
                        }
                    }
                    row.append(',').append(faces.size());
                    if (best == null) {
                        row.append(",,,,,,");
                    } else {
                        float[] b = best.box();
                        double[][] sums = d.classify(new ArrayList<>(List.of(best)), ws);
                        int arg = 0;
                        for (int i = 1; i < sums[0].length; i++) {
                            if (sums[0][i] > sums[0][arg]) {
                                arg = i;
                            }
                        }
                        row.append(String.format(Locale.ROOT, ",%.1f,%.1f,%.1f,%.1f,%.3f,%s",
                                b[0], b[1], b[2], b[3], best.confidence(),
                                Emotion.values()[arg].label()));
                    }
                }
                w.println(row);
            }
        }
    }
}
