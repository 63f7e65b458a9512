import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.evaluation.ConfusionMatrix;
import io.github.affect4j.face.onnx.OnnxFaceEmotion;
import io.github.affect4j.media.ImageFrame;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores a labelled CSV (path,label; paths relative to the CSV) with the onnx face detector
 * built with any provider options, which `affect4j evaluate` cannot pass. Single-file program:
 *
 * <pre>
 * java -cp "examples/cli/target/affect4j-cli.jar:examples/cli/target/lib/*" \
 *     face/training/EvaluateFaces.java DATA.csv [--whole] [--scores OUT.csv] \
 *     [--model MODEL.onnx CARD.properties] [name=value ...]
 * </pre>
 *
 * Without --whole each image goes through detection like `affect4j evaluate` (largest face, else
 * the whole image); with --whole every image is classified whole with analyzeFace. --scores
 * writes each sample's label and eight probabilities (Emotion order) for offline analysis.
 */
public class EvaluateFaces {
    /** Quality measures written by --scores, in this order. */
    static final List<String> MEASURES = List.of("faceSize", "sharpness", "brightness", "contrast",
            "outsideFraction", "yawDegrees", "rollDegrees");

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        boolean whole = false;
        Path scoresOut = null;
        OnnxFaceEmotion.Builder builder = OnnxFaceEmotion.builder();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--whole")) {
                whole = true;
            } else if (args[i].equals("--scores")) {
                scoresOut = Path.of(args[++i]);
            } else if (args[i].equals("--model")) {
                // A model file and its card handed to the builder directly (the same as the
                // options model=FILE card=CARD).
                Path model = Path.of(args[++i]);
                Path card = Path.of(args[++i]);
                builder.classifier(model, io.github.affect4j.face.onnx.ModelCard.read(card));
                options.add("model=" + model.getFileName());
            } else {
                int eq = args[i].indexOf('=');
                builder.option(args[i].substring(0, eq), args[i].substring(eq + 1));
                options.add(args[i]);
            }
        }
        List<String> lines = Files.readAllLines(csv);
        Path base = csv.toAbsolutePath().getParent();
        ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
        int wholeImages = 0;
        long start = System.nanoTime();
        try (FaceEmotionDetector faces = builder.build();
             PrintWriter scores = scoresOut == null ? null : new PrintWriter(Files.newBufferedWriter(scoresOut))) {
            if (scores != null) {
                scores.println("path,label,whole," + String.join(",",
                        java.util.Arrays.stream(Emotion.values()).map(Emotion::label).toList())
                        + ",source,confidence,assessable,flags," + String.join(",", MEASURES));
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Emotion truth = Emotion.fromLabel(f[1]).orElseThrow();
                ImageFrame image = ImageFrame.read(base.resolve(f[0]));
                Optional<FaceResult> largest = whole ? Optional.empty()
                        : faces.analyze(image).largestFace();
                FaceResult face = largest.isPresent() ? largest.get() : faces.analyzeFace(image);
                wholeImages += largest.isEmpty() ? 1 : 0;
                tally.add(truth, face.dominant());
                if (scores != null) {
                    StringBuilder row = new StringBuilder(f[0] + "," + f[1] + "," + (largest.isEmpty() ? 1 : 0));
                    for (Emotion e : Emotion.values()) {
                        row.append(String.format(Locale.ROOT, ",%.6g", face.scores().probability(e)));
                    }
                    row.append(',').append(face.source()).append(',')
                            .append(String.format(Locale.ROOT, "%.4f", face.confidence()))
                            .append(',').append(face.assessable() ? 1 : 0).append(',')
                            .append(String.join("|", face.quality().flags().stream()
                                    .map(Enum::name).toList()));
                    for (String m : MEASURES) {
                        Double v = face.quality().measures().get(m);
                        row.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.4g", v));
                    }
                    scores.println(row);
                }
            }
        }
        ConfusionMatrix m = tally.build();
        System.out.printf(Locale.ROOT, "%s %s%s: n=%d accuracy %.4f UAR %.4f whole-image %d (%.0f s)%n",
                csv.getFileName(), options, whole ? " --whole" : "", m.samples(), m.accuracy(),
                m.uar(), wholeImages, (System.nanoTime() - start) / 1e9);
        StringBuilder recall = new StringBuilder("recall:");
        m.recallPerClass().forEach((e, r) -> recall.append(String.format(Locale.ROOT, " %s %.3f", e.label(), r)));
        System.out.println(recall);
        System.out.println(m.toTable());
    }
}
