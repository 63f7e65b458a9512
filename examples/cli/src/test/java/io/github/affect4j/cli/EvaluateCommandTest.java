package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code affect4j evaluate} in-process, with the real detectors, on labelled folders built from
 * the bundled samples.
 */
class EvaluateCommandTest extends CapturedConsole {

    private static final Path SAMPLES = Path.of(System.getProperty("affect4j.samples.dir"));
    private static final List<String> SPEC_FIELDS = List.of("samples", "accuracy", "uar",
            "perClass", "confusion", "msPerSample", "detector", "wholeImageFallbacks");

    @TempDir
    Path temp;

    /**
     * happy/: the sample photo, its mirror image, a truncated copy and a hidden file;
     * neutral/: a gradient without a face; boredom/: the photo again; README.txt at the top.
     */
    private Path faceFolder() throws IOException {
        Path dir = temp.resolve("faces");
        Path happy = Files.createDirectories(dir.resolve("happy"));
        Path neutral = Files.createDirectories(dir.resolve("neutral"));
        Path boredom = Files.createDirectories(dir.resolve("boredom"));
        byte[] photo = Files.readAllBytes(SAMPLES.resolve("astronaut.jpg"));
        Files.write(happy.resolve("astronaut.jpg"), photo);
        ImageIO.write(mirrored(ImageIO.read(SAMPLES.resolve("astronaut.jpg").toFile())), "png",
                happy.resolve("astronaut-mirrored.png").toFile());
        Files.write(happy.resolve("corrupt.jpg"), Arrays.copyOf(photo, photo.length / 3));
        Files.writeString(happy.resolve(".DS_Store"), "finder metadata");
        ImageIO.write(gradient(320, 240), "png", neutral.resolve("gradient.png").toFile());
        Files.write(boredom.resolve("astronaut.jpg"), photo);
        Files.writeString(dir.resolve("README.txt"), "a labelled test set");
        return dir;
    }

    @Test
    void faceFolderJsonHasTheSpecifiedFieldsAndTheyAgree() throws IOException {
        int code = Main.execute("evaluate", "--json", faceFolder().toString());

        assertEquals(1, code, "a corrupt file makes the exit code 1: " + err);
        Map<String, Object> report = json();
        for (String field : SPEC_FIELDS) {
            assertTrue(report.keySet().stream().anyMatch(k -> k.equals(field)
                    || k.startsWith(field + ".")), "missing " + field + " in " + out);
        }
        assertEquals("image", report.get("kind"));
        assertEquals("onnx", report.get("detector"));
        assertEquals(3, integer(report, "samples"), out::toString);
        assertEquals(1, integer(report, "errors"));
        assertEquals(1, integer(report, "wholeImageFallbacks"), "the gradient has no face");
        assertEquals(1, integer(report, "unmappedLabels.boredom"));
        assertEquals(1, integer(report, "unlabelled"), "README.txt beside the label folders");
        assertEquals(2, integer(report, "confusion.happiness.happiness"),
                "the photo and its mirror image are happy: " + out);
        assertEquals(1.0, number(report, "perClass.happiness"), 0.0);
        assertEquals(List.of("contempt"), report.get("neverScored"),
                "the bundled face models have no contempt");
        assertTrue(number(report, "msPerSample") > 0);
        assertConsistent(report);

        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("corrupt.jpg: error: "), errors);
        assertFalse(errors.contains(".DS_Store"), errors);
    }

    @Test
    void faceFolderTableShowsFiguresMatrixAndWhatWasLeftOut() throws IOException {
        assertEquals(1, Main.execute("evaluate", faceFolder().toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("3 images"), text);
        assertTrue(text.contains("detector: onnx"), text);
        assertTrue(text.matches("(?s).*accuracy \\d\\.\\d{3}   UAR \\d\\.\\d{3}   [\\d.]+ ms per "
                + "image.*"), text);
        assertTrue(text.contains("whole image classified: 1"), text);
        assertTrue(text.contains("1 file labelled 'boredom'"), text);
        assertTrue(text.contains("1 file that could not be read"), text);
        assertTrue(text.contains("true \\ predicted"), text);
        assertTrue(text.matches("(?s).*\nhappiness +0 +2 \\| +2 +1\\.000\n.*"),
                "row happiness: 0 neutral, 2 happiness, support 2, recall 1: " + text);
        assertTrue(text.contains("never predicted: contempt"), text);
    }

    @Test
    void csvRowsAreResolvedAgainstTheCsvFolder() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Files.copy(SAMPLES.resolve("astronaut.jpg"), images.resolve("a.jpg"));
        ImageIO.write(mirrored(ImageIO.read(SAMPLES.resolve("astronaut.jpg").toFile())), "png",
                images.resolve("mirrored, flipped.png").toFile());
        ImageIO.write(gradient(200, 200), "png", images.resolve("plain.png").toFile());
        Path lists = Files.createDirectories(temp.resolve("lists"));
        Path csv = Files.writeString(lists.resolve("test.csv"), String.join("\n",
                "path,label",
                "# the portrait, and its mirror image (a comma in its name)",
                "../images/a.jpg,Happy",
                "\"../images/mirrored, flipped.png\",joy",
                images.resolve("plain.png").toAbsolutePath() + ",calm",
                "../images/a.jpg,boredom",
                "", ""));

        int code = Main.execute("evaluate", "--json", "--csv", csv.toString());

        assertEquals(0, code, err::toString);
        Map<String, Object> report = json();
        assertEquals(3, integer(report, "samples"), out::toString);
        assertEquals(2, integer(report, "confusion.happiness.happiness"), out::toString);
        assertEquals(0, integer(report, "wholeImageFallbacks"),
                "the faceless 200x200 image is crop-sized: the detector reads it whole");
        assertEquals(1, integer(report, "paths.crop-no-face"));
        assertEquals(2, integer(report, "paths.face"));
        assertEquals(1, integer(report, "unmappedLabels.boredom"));
        assertTrue(report.containsKey("confusion.neutral.neutral"), "calm maps to neutral");
        assertEquals(0, integer(report, "errors"));
        assertConsistent(report);
    }

    @Test
    void predictionsFileHasOneRowPerSampleWithThePathTaken() throws IOException {
        Path rows = temp.resolve("predictions.csv");
        Path dir = faceFolder();
        Files.writeString(dir.resolve("happy").resolve("notes, draft.txt"), "not an image");

        int code = Main.execute("evaluate", "--predictions", rows.toString(), dir.toString());

        assertEquals(1, code, err::toString);
        List<String> lines = Files.readAllLines(rows);
        assertEquals(PredictionLog.HEADER, lines.get(0));
        // happy: astronaut-mirrored.png, astronaut.jpg, corrupt.jpg, "notes, draft.txt";
        // neutral: gradient.png. boredom is not an emotion label and is left out.
        assertEquals(6, lines.size(), String.join("\n", lines));
        String notes = dir.resolve("happy").resolve("notes, draft.txt").toString();
        assertTrue(lines.get(1).equals("\"" + notes + "\",happiness,,,error,"), lines.get(1));
        List<String> body = lines.subList(2, lines.size());
        assertTrue(body.stream().anyMatch(l -> l.matches(".*astronaut\\.jpg,happiness,happiness,"
                + "0\\.\\d{4},face,(true|false)")), String.join("\n", body));
        assertTrue(body.stream().anyMatch(l -> l.matches(".*astronaut-mirrored\\.png,happiness,"
                + "happiness,0\\.\\d{4},face,(true|false)")), String.join("\n", body));
        assertTrue(body.stream().anyMatch(l -> l.matches(".*corrupt\\.jpg,happiness,,,error,")),
                String.join("\n", body));
        assertTrue(body.stream().anyMatch(l -> l.matches(".*gradient\\.png,neutral,[a-z]+,"
                + "[01]\\.\\d{4},whole-image,(true|false)")), String.join("\n", body));
    }

    @Test
    void tiffImagesAndLinkedLabelFoldersAreRead() throws IOException {
        // A dataset assembled from links: the label folder is a symbolic link to the photos.
        Path photos = Files.createDirectories(temp.resolve("photos"));
        ImageIO.write(ImageIO.read(SAMPLES.resolve("astronaut.jpg").toFile()), "tiff",
                photos.resolve("astronaut.tif").toFile());
        Path dataset = Files.createDirectories(temp.resolve("linked"));
        Files.createSymbolicLink(dataset.resolve("happy"), photos);

        int code = Main.execute("evaluate", "--json", dataset.toString());

        assertEquals(0, code, err::toString);
        Map<String, Object> report = json();
        assertEquals(1, integer(report, "samples"), out::toString);
        assertEquals(1, integer(report, "confusion.happiness.happiness"), out::toString);
        assertEquals(0, integer(report, "wholeImageFallbacks"), "the TIFF's face is found");
        assertEquals(0, integer(report, "errors"));
    }

    @Test
    void malformedCsvIsAUsageErrorNamingTheLine() throws IOException {
        Path csv = Files.writeString(temp.resolve("bad.csv"), "path,label\na.jpg,happy,extra\n");
        assertEquals(2, Main.execute("evaluate", "--csv", csv.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bad.csv:2: expected a row path,label"), text);
    }

    @Test
    void missingFileInCsvIsAnErrorAndTheRestIsEvaluated() throws IOException {
        Files.copy(SAMPLES.resolve("astronaut.jpg"), temp.resolve("a.jpg"));
        Path csv = Files.writeString(temp.resolve("set.csv"), "a.jpg,happy\ngone.jpg,sad\n");
        assertEquals(1, Main.execute("evaluate", "--json", "--csv", csv.toString()));
        assertEquals(1, integer(json(), "samples"));
        assertEquals(1, integer(json(), "errors"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("gone.jpg: error: no such file"),
                err::toString);
    }

    @Test
    void speechFolderIsEvaluatedWithTheVoiceDetectorAndSilenceCountsAsNoSpeech()
            throws IOException {
        // neutral 2 of 2 right, sad 0 of 1: accuracy 2/3 but UAR 1/2. The heuristic detector
        // is named: the CLI's default voice model (affect4j-voice-model-ravdess) reads the
        // sample otherwise.
        Path dir = temp.resolve("voices");
        Path neutral = Files.createDirectories(dir.resolve("neutral"));
        Files.copy(SAMPLES.resolve("speech.wav"), neutral.resolve("speech.wav"));
        Files.copy(SAMPLES.resolve("speech.wav"), neutral.resolve("speech-again.wav"));
        Files.write(Files.createDirectories(dir.resolve("sad")).resolve("silence.wav"),
                silentWav(16_000, 2.0));

        int code = Main.execute("evaluate", "--json", "--detector", "heuristic",
                dir.toString());

        assertEquals(0, code, err::toString);
        Map<String, Object> report = json();
        for (String field : SPEC_FIELDS) {
            assertTrue(report.keySet().stream().anyMatch(k -> k.equals(field)
                    || k.startsWith(field + ".")), "missing " + field + " in " + out);
        }
        assertEquals("audio", report.get("kind"));
        assertEquals("heuristic", report.get("detector"));
        assertEquals(3, integer(report, "samples"));
        assertEquals(1, integer(report, "noSpeech"));
        assertEquals(2, integer(report, "confusion.neutral.neutral"), out::toString);
        assertEquals(2.0 / 3, number(report, "accuracy"), 1e-12);
        assertEquals(0.5, number(report, "uar"), 1e-12);
        assertEquals(1, integer(report, "confusion.sadness.no speech"), out::toString);
        assertEquals(0.0, number(report, "perClass.sadness"), 0.0);
        assertEquals(0, integer(report, "wholeImageFallbacks"));
        assertConsistent(report);
    }

    @Test
    void mixingImagesAndAudioIsRefusedWithCounts() throws IOException {
        Path dir = temp.resolve("mixed");
        Files.copy(SAMPLES.resolve("speech.wav"),
                Files.createDirectories(dir.resolve("neutral")).resolve("speech.wav"));
        Files.copy(SAMPLES.resolve("astronaut.jpg"),
                Files.createDirectories(dir.resolve("happy")).resolve("astronaut.jpg"));
        assertEquals(2, Main.execute("evaluate", dir.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("mixes 1 image") && text.contains("1 WAV file"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void datasetWithoutKnownLabelsIsAUsageErrorThatNamesTheLabels() throws IOException {
        Path dir = temp.resolve("emodb");
        Files.copy(SAMPLES.resolve("speech.wav"),
                Files.createDirectories(dir.resolve("boredom")).resolve("speech.wav"));
        assertEquals(2, Main.execute("evaluate", dir.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no samples with an emotion label") && text.contains("boredom"),
                text);
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(2, Main.execute("evaluate"));
        assertEquals(2, Main.execute("evaluate", temp.resolve("nowhere").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such folder"), err::toString);
        Path csv = Files.writeString(temp.resolve("x.csv"), "a.jpg,happy\n");
        assertEquals(2, Main.execute("evaluate", temp.toString(), "--csv", csv.toString()));
        assertEquals(2, Main.execute("evaluate", "--csv", temp.resolve("none.csv").toString()));
        assertEquals(2, Main.execute("evaluate", Files.createDirectories(temp.resolve("empty"))
                .toString()));
    }

    @Test
    void unusableVoiceModelIsAUsageError() throws IOException {
        Path dir = temp.resolve("voices");
        Files.copy(SAMPLES.resolve("speech.wav"),
                Files.createDirectories(dir.resolve("neutral")).resolve("speech.wav"));
        assertEquals(2, Main.execute("evaluate", dir.toString(), "--voice-model",
                temp.resolve("missing.onnx").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("onnx"), err::toString);
    }

    @Test
    void onlyUnreadableFilesGiveAnEmptyReportAndExitCodeOne() throws IOException {
        Path dir = temp.resolve("broken");
        Files.writeString(Files.createDirectories(dir.resolve("happy")).resolve("a.jpg"), "text");
        Files.createFile(dir.resolve("happy").resolve("b.png"));
        assertEquals(1, Main.execute("evaluate", "--json", dir.toString()));
        Map<String, Object> report = json();
        assertEquals(0, integer(report, "samples"));
        assertEquals(2, integer(report, "errors"));
        for (String undefined : List.of("accuracy", "uar", "msPerSample", "detector")) {
            assertTrue(report.containsKey(undefined) && report.get(undefined) == null,
                    undefined + " must be null: " + out);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("a.jpg: error: neither an image"), errors);
        assertTrue(errors.contains("b.png: error: empty file"), errors);
    }

    /** samples = the sum of the confusion counts; accuracy, UAR and recalls follow from them. */
    /**
     * happy/: the sample photo (a scene: its face is detected), the face cropped from it at
     * 48x48 and at 160x160 (face crops), a faceless 320x240 gradient (larger than a crop: no
     * face, evaluate's own whole-image fallback) and a faceless 200x200 one (crop-sized).
     */
    private Path cropFolder() throws IOException {
        Path happy = Files.createDirectories(temp.resolve("crops").resolve("happy"));
        BufferedImage photo = ImageIO.read(SAMPLES.resolve("astronaut.jpg").toFile());
        Files.copy(SAMPLES.resolve("astronaut.jpg"), happy.resolve("photo.jpg"));
        for (int size : new int[] {48, 160}) {
            BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = crop.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo.getSubimage(155, 55, 140, 140), 0, 0, size, size, null);
            g.dispose();
            ImageIO.write(crop, "png", happy.resolve("crop" + size + ".png").toFile());
        }
        ImageIO.write(gradient(320, 240), "png", happy.resolve("plain320.png").toFile());
        ImageIO.write(gradient(200, 200), "png", happy.resolve("plain200.png").toFile());
        return temp.resolve("crops");
    }

    @Test
    void pathsTakenAreCountedInJsonTableAndPredictions() throws IOException {
        Path rows = temp.resolve("predictions.csv");
        Path dir = cropFolder();
        assertEquals(0, Main.execute("evaluate", "--json", "--predictions", rows.toString(),
                dir.toString()), err::toString);
        Map<String, Object> report = json();
        assertEquals(5, integer(report, "samples"));
        assertEquals(1, integer(report, "paths.face"), out::toString);
        assertEquals(1, integer(report, "paths.crop-small"), out::toString);
        assertEquals(1, integer(report, "paths.crop-filled"), out::toString);
        assertEquals(1, integer(report, "paths.crop-no-face"), out::toString);
        assertEquals(0, integer(report, "paths.crop-given"), out::toString);
        assertEquals(1, integer(report, "paths.whole-image"), out::toString);
        assertEquals(1, integer(report, "wholeImageFallbacks"));
        String csv = String.join("\n", Files.readAllLines(rows));
        for (String expected : List.of("photo\\.jpg,happiness,happiness,[01]\\.\\d{4},face,",
                "crop48\\.png,happiness,happiness,[01]\\.\\d{4},crop-small,",
                "crop160\\.png,happiness,happiness,[01]\\.\\d{4},crop-filled,",
                "plain200\\.png,happiness,[a-z]+,[01]\\.\\d{4},crop-no-face,false",
                "plain320\\.png,happiness,[a-z]+,[01]\\.\\d{4},whole-image,")) {
            assertTrue(csv.matches("(?s).*" + expected + ".*"), expected + " in\n" + csv);
        }

        out.reset();
        assertEquals(0, Main.execute("evaluate", dir.toString()), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("paths taken: face 1, crop-filled 1, crop-small 1, "
                + "crop-no-face 1, crop-given 0, whole-image 1"), text);
    }

    @Test
    void cropsSwitchesThePathForEveryImage() throws IOException {
        Path dir = cropFolder();
        assertEquals(0, Main.execute("evaluate", "--json", "--crops", "always", dir.toString()),
                err::toString);
        Map<String, Object> always = json();
        assertEquals(5, integer(always, "paths.crop-given"), out::toString);
        assertEquals(0, integer(always, "paths.face"), out::toString);

        out.reset();
        assertEquals(0, Main.execute("evaluate", "--json", "--crops", "never", dir.toString()),
                err::toString);
        Map<String, Object> never = json();
        assertEquals(0, integer(never, "paths.crop-given") + integer(never, "paths.crop-small")
                + integer(never, "paths.crop-filled") + integer(never, "paths.crop-no-face"),
                out::toString);
        assertEquals(5, integer(never, "paths.face") + integer(never, "paths.whole-image"));
        assertTrue(integer(never, "paths.whole-image") >= 2, "the faceless images: " + out);

        assertEquals(2, Main.execute("evaluate", "--crops", "sometimes", dir.toString()));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("crops") && errors.contains("sometimes"), errors);
        assertEquals(2, Main.execute("evaluate", "--crops", "always", "--option",
                "crops=never", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--crops always contradicts"),
                err::toString);
    }

    private static void assertConsistent(Map<String, Object> report) {
        long sum = 0;
        long diagonal = 0;
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : report.entrySet()) {
            String[] path = field.getKey().split("\\.");
            if (path[0].equals("confusion")) {
                long count = ((Number) field.getValue()).longValue();
                sum += count;
                long[] row = rows.computeIfAbsent(path[1], k -> new long[2]);
                row[0] += count;
                if (path[1].equals(path[2])) {
                    diagonal += count;
                    row[1] += count;
                }
            }
        }
        assertEquals(integer(report, "samples"), sum, "samples = sum of the confusion counts");
        assertEquals(diagonal / (double) sum, number(report, "accuracy"), 1e-12);
        double recalls = 0;
        for (Map.Entry<String, long[]> row : rows.entrySet()) {
            double recall = row.getValue()[1] / (double) row.getValue()[0];
            assertEquals(recall, number(report, "perClass." + row.getKey()), 1e-12, row.getKey());
            recalls += recall;
        }
        assertEquals(recalls / rows.size(), number(report, "uar"), 1e-12);
    }

    private static long integer(Map<String, Object> report, String field) {
        Object value = report.get(field);
        assertTrue(value instanceof Number, field + " missing or not a number in " + report);
        return ((Number) value).longValue();
    }

    private static double number(Map<String, Object> report, String field) {
        Object value = report.get(field);
        assertTrue(value instanceof Number, field + " missing or not a number in " + report);
        return ((Number) value).doubleValue();
    }

    private static BufferedImage mirrored(BufferedImage image) {
        AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
        flip.translate(-image.getWidth(), 0);
        return new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR)
                .filter(image, null);
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 255 * x / (width - 1);
                image.setRGB(x, y, v << 16 | (255 - v) << 8 | 128);
            }
        }
        return image;
    }

    private static byte[] silentWav(int sampleRate, double seconds) {
        int samples = (int) (sampleRate * seconds);
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(2 * sampleRate)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        return wav.array();
    }

    /** The single JSON object printed, flattened as {@link #jsonLines()} does. */
    private Map<String, Object> json() throws IOException {
        List<Map<String, Object>> lines = jsonLines();
        assertEquals(1, lines.size(), "expected one line: " + out);
        return lines.get(0);
    }
}
