package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process against the real detectors and the bundled samples. */
class MainTest extends CapturedConsole {

    private static final Path SAMPLES = Path.of(System.getProperty("affect4j.samples.dir"));

    @TempDir
    Path temp;


    @Test
    void demoJsonReportsTheFaceAndTheSpeech() throws IOException {
        assertEquals(0, Main.execute("demo", "--json"), err::toString);
        List<Map<String, Object>> lines = jsonLines();
        assertEquals(2, lines.size(), out::toString);

        Map<String, Object> image = lines.get(0);
        assertEquals("astronaut.jpg", image.get("file"));
        assertEquals("image", image.get("kind"));
        assertFalse(((String) image.get("detector")).isBlank());
        assertEquals(1, ((Number) image.get("faces.count")).intValue(), out::toString);
        assertBoxCoversTheFace(image);
        assertScores(image);

        Map<String, Object> audio = lines.get(1);
        assertEquals("speech.wav", audio.get("file"));
        assertEquals("audio", audio.get("kind"));
        assertEquals(7.1, ((Number) audio.get("durationSeconds")).doubleValue(), 0.01);
        // The default voice model (affect4j-voice-model-ravdess) reads the speech.
        assertEquals("onnx", audio.get("detector"), out::toString);
        assertScores(audio);
        double arousal = ((Number) audio.get("arousal")).doubleValue();
        double valence = ((Number) audio.get("valence")).doubleValue();
        assertTrue(arousal >= -1 && arousal <= 1 && valence >= -1 && valence <= 1, out::toString);
    }

    @Test
    void photoIsAnalysedByTheModelBackedDetector() throws IOException {
        assertEquals(0, Main.execute("analyze", "--json", SAMPLES.resolve("astronaut.jpg").toString()),
                err::toString);
        Map<String, Object> image = jsonLines().get(0);
        assertEquals("onnx", image.get("detector"), out::toString);
        assertEquals(1, ((Number) image.get("faces.count")).intValue(), out::toString);
        assertBoxCoversTheFace(image);
        assertEquals("happiness", image.get("faces.0.dominant"), out::toString);
        assertEquals("face", image.get("faces.0.source"), out::toString);
        assertScores(image);
    }

    @Test
    void cropsAlwaysReadsTheWholeImageAsTheFace() throws IOException {
        assertEquals(0, Main.execute("analyze", "--json", "--crops", "always",
                SAMPLES.resolve("astronaut.jpg").toString()), err::toString);
        Map<String, Object> image = jsonLines().get(0);
        assertEquals("crop-given", image.get("faces.0.source"), out::toString);
        assertEquals(512, ((Number) image.get("faces.0.box.width")).intValue(), out::toString);
        out.reset();
        assertEquals(0, Main.execute("analyze", "--crops", "always",
                SAMPLES.resolve("astronaut.jpg").toString()), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("(whole image: crop-given)"),
                out::toString);
        assertEquals(2, Main.execute("analyze", "--detector", "heuristic", "--crops", "always",
                SAMPLES.resolve("astronaut.jpg").toString()), "the heuristic detector has no crops");
    }

    @Test
    void tableOutputNamesEachFile() {
        assertEquals(0, Main.execute("demo"), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("astronaut.jpg  image 512x512"), text);
        assertTrue(text.contains("speech.wav  audio 7.10 s"), text);
    }

    @Test
    void badFilesAreReportedAndTheOthersStillAnalysed() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.jpg"));
        Path text = Files.writeString(temp.resolve("notes.png"), "not an image at all");
        Path missing = temp.resolve("missing.wav");
        Path photo = SAMPLES.resolve("astronaut.jpg");

        int code = Main.execute("analyze", "--json", empty.toString(), text.toString(),
                missing.toString(), photo.toString());

        assertEquals(1, code);
        List<Map<String, Object>> lines = jsonLines();
        assertEquals(4, lines.size(), out::toString);
        assertEquals("empty file", lines.get(0).get("error"));
        assertTrue(((String) lines.get(1).get("error")).contains("neither an image"));
        assertEquals("no such file", lines.get(2).get("error"));
        assertEquals("image", lines.get(3).get("kind"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("notes.png: error"));
    }

    @Test
    void truncatedImageIsAnErrorNotAGuess() throws IOException {
        byte[] jpeg = Files.readAllBytes(SAMPLES.resolve("astronaut.jpg"));
        Path cut = Files.write(temp.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        assertEquals(1, Main.execute("analyze", "--json", cut.toString()));
        String error = (String) jsonLines().get(0).get("error");
        assertTrue(error != null && error.contains("JPEG"), out::toString);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Main.execute());
        assertEquals(2, Main.execute("analyze"));
        assertEquals(2, Main.execute("analyze", "--no-such-option", "x.jpg"));
        assertEquals(2, Main.execute("frobnicate"));
    }

    @Test
    void unknownDetectorIsAUsageErrorListingTheProviders() {
        assertEquals(2, Main.execute("analyze", "--detector", "no-such-provider",
                SAMPLES.resolve("astronaut.jpg").toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no-such-provider") && text.contains("Providers seen"), text);
    }

    @Test
    void detectorOptionForcesTheProvider() throws IOException {
        assertEquals(0, Main.execute("analyze", "--json", "--detector", "heuristic",
                SAMPLES.resolve("astronaut.jpg").toString()));
        assertEquals("heuristic", jsonLines().get(0).get("detector"));
    }

    @Test
    void trainVoiceWritesAModelThatAnalyzeReportsAsTheDetector() throws IOException {
        Path corpus = Path.of(System.getProperty("affect4j.synthetic.dir",
                SAMPLES.getParent().getParent().resolve("voice/synthetic").toString()));
        Path model = temp.resolve("synthetic.onnx");
        assertEquals(0, Main.execute("train-voice", "--data", corpus.toString(), "--out",
                model.toString(), "--speaker-norm", "--threads", "2"), err::toString);
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("speaker-independent cross-validation, 5 folds"), report);
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(temp.resolve("synthetic.card.properties")));
        out.reset();

        assertEquals(0, Main.execute("analyze", "--json", "--voice-model", model.toString(),
                SAMPLES.resolve("speech.wav").toString()), err::toString);
        Map<String, Object> line = jsonLines().get(0);
        assertEquals("onnx", line.get("detector"), line::toString);
        assertEquals(Boolean.TRUE, line.get("speech"));
        assertScores(line);
        out.reset();

        // Without --voice-model, speech is read by the bundled default model
        // (affect4j-voice-model-ravdess on the CLI's class path), also on the onnx provider.
        assertEquals(0, Main.execute("analyze", "--json", SAMPLES.resolve("speech.wav").toString()));
        assertEquals("onnx", jsonLines().get(0).get("detector"));
    }

    @Test
    void trainVoiceRefusesRecordingsWithoutSpeakersUnlessAllowed() throws IOException {
        Path corpus = Path.of(System.getProperty("affect4j.synthetic.dir",
                SAMPLES.getParent().getParent().resolve("voice/synthetic").toString()));
        // Folder labels, no speaker in the names: happy/clip0.wav ...
        int n = 0;
        for (String[] pair : new String[][] {{"01", "neutral"}, {"03", "happy"}}) {
            Files.createDirectories(temp.resolve("data").resolve(pair[1]));
            for (int actor = 1; actor <= 5; actor++) {
                Files.copy(corpus.resolve("03-01-" + pair[0] + "-01-01-01-0" + actor + ".wav"),
                        temp.resolve("data").resolve(pair[1]).resolve("clip" + n++ + ".wav"));
            }
        }
        String data = temp.resolve("data").toString();
        String model = temp.resolve("folders.onnx").toString();
        assertEquals(2, Main.execute("train-voice", "--data", data, "--out", model,
                "--threads", "2"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("WARNING: no speaker found") && text.contains("refusing")
                && text.contains("10 of 10 recordings name no speaker"), text);
        assertEquals(0, Main.execute("train-voice", "--data", data, "--out", model,
                "--threads", "2", "--allow-speaker-dependent"), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("NOT speaker-independent"),
                out::toString);
    }

    @Test
    void trainVoiceUsageErrors() {
        assertEquals(2, Main.execute("train-voice", "--out", "x.onnx"));
        assertEquals(2, Main.execute("train-voice", "--data", temp.toString(), "--out",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no labelled .wav file"),
                err::toString);
        assertEquals(2, Main.execute("train-voice", "--data", temp.toString(), "--out", "x.onnx",
                "--classifier", "forest"));
        // A named model that cannot be used is a usage error, as in evaluate.
        assertEquals(2, Main.execute("analyze", "--voice-model",
                temp.resolve("missing.onnx").toString(), SAMPLES.resolve("speech.wav").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.onnx not found"),
                err::toString);
    }

    /**
     * The face of the astronaut lies around x 150-330, y 40-240 in the 512x512 photo: the box
     * must cover its centre and be of a face's width.
     */
    private void assertBoxCoversTheFace(Map<String, Object> image) {
        double x = ((Number) image.get("faces.0.box.x")).doubleValue();
        double y = ((Number) image.get("faces.0.box.y")).doubleValue();
        double w = ((Number) image.get("faces.0.box.width")).doubleValue();
        double h = ((Number) image.get("faces.0.box.height")).doubleValue();
        assertTrue(x < 240 && x + w > 240 && y < 130 && y + h > 130,
                "box must cover the face centre: " + out);
        assertTrue(w > 60 && w < 330, "box width " + w);
    }

    private static void assertScores(Map<String, Object> line) {
        String[] labels = {"neutral", "happiness", "surprise", "sadness", "anger", "disgust",
            "fear", "contempt"};
        double sum = 0;
        for (String label : labels) {
            Object value = line.get(prefix(line) + "scores." + label);
            assertTrue(value instanceof Number, "missing score " + label + " in " + line);
            sum += ((Number) value).doubleValue();
        }
        assertEquals(1.0, sum, 1e-3);
        assertTrue(List.of(labels).contains((String) line.get(prefix(line) + "dominant")));
    }

    private static String prefix(Map<String, Object> line) {
        return "image".equals(line.get("kind")) ? "faces.0." : "";
    }
}
