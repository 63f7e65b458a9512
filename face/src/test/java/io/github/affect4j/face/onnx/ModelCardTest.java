package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import io.github.affect4j.InvalidModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User-supplied classifiers described by model cards, checked with tiny generated models of the
 * same signatures as the real ones (see resources .../onnx/tiny/README.md).
 */
class ModelCardTest {

    private static final String TINY = "/io/github/affect4j/face/onnx/tiny/";

    @TempDir
    Path temp;

    private Path copy(String name) throws IOException {
        return Files.write(temp.resolve(name), ParityTest.resource(TINY + name));
    }

    private static Map<String, Object> params(String model) throws IOException {
        Map<String, Object> all = Json.object(Json.parse(new String(
                ParityTest.resource(TINY + "tiny-models.json"), StandardCharsets.UTF_8)));
        return Json.object(all.get(model));
    }

    static ImageFrame uniform(int width, int height, int r, int g, int b) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return ImageFrame.fromPixels(rgb, width, height, width * 3, PixelFormat.RGB);
    }

    /** What a tiny model must output for a uniform crop of colour (r, g, b), by the card. */
    static double[] expected(ModelCard card, Map<String, Object> params, int r, int g, int b) {
        double[] rgb = {r, g, b};
        int channels = card.channels();
        double[] input = new double[channels];
        for (int c = 0; c < channels; c++) {
            double value = switch (card.colour()) {
                case GRAY -> 0.299 * r + 0.587 * g + 0.114 * b;
                case RGB -> rgb[c];
                case BGR -> rgb[2 - c];
            };
            double mean = card.mean().size() == 1 ? card.mean().get(0) : card.mean().get(c);
            double std = card.std().size() == 1 ? card.std().get(0) : card.std().get(c);
            input[c] = (value * card.scale() - mean) / std;
        }
        List<Object> w = Json.array(params.get("W"));
        List<Object> bias = Json.array(params.get("b"));
        double[] logits = new double[w.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            List<Object> row = Json.array(w.get(k));
            logits[k] = Json.number(bias.get(k));
            for (int c = 0; c < channels; c++) {
                logits[k] += Json.number(row.get(c)) * input[c];
            }
            max = Math.max(max, logits[k]);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        double[] byEmotion = new double[Emotion.values().length];
        List<Emotion> emotions = card.emotions();
        for (int k = 0; k < p.length; k++) {
            byEmotion[emotions.get(k).ordinal()] = p[k] / sum;
        }
        return byEmotion;
    }

    private static void assertScores(double[] expected, FaceResult face, String what) {
        double[] actual = face.scores().toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, what + " " + Emotion.values()[i]
                    + ": expected " + Arrays.toString(expected) + " got " + face.scores());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ferplus8_tiny, ferplus8.properties, emotion-ferplus-8",
        "hsemotion_enet_b0_8_tiny, hsemotion_enet_b0_8.properties, hsemotion-enet-b0-8",
        "opencv_zoo_fer_tiny, opencv_zoo_fer.properties, opencv-zoo-fer"})
    void eachPresetRunsAModelOfItsSignature(String model, String cardFile, String preset)
            throws Exception {
        ModelCard card = ModelCard.read(copy(cardFile));
        assertEquals(ModelCard.preset(preset), card, "the card file and the preset agree");
        Map<String, Object> params = params(model);
        int[][] colours = {{200, 120, 40}, {30, 90, 250}, {128, 128, 128}};
        try (FaceEmotionDetector detector = OnnxFaceEmotion.builder()
                .classifier(copy(model + ".onnx"), card).build()) {
            assertTrue(detector.info().model().contains(model + ".onnx"), detector.info()::toString);
            for (int[] c : colours) {
                FaceResult face = detector.analyzeFace(uniform(100, 100, c[0], c[1], c[2]));
                assertScores(expected(card, params, c[0], c[1], c[2]), face,
                        model + " colour " + Arrays.toString(c));
            }
            // several crops in one call: one batch, or one run each for a fixed batch of 1
            List<FaceResult> batch = detector.analyzeFaces(Arrays.stream(colours)
                    .map(c -> uniform(60, 60, c[0], c[1], c[2])).toList());
            for (int i = 0; i < colours.length; i++) {
                assertScores(expected(card, params, colours[i][0], colours[i][1], colours[i][2]),
                        batch.get(i), model + " batch " + i);
            }
            // and the detection pipeline runs with it
            assertEquals(1, detector.analyze(TestImages.astronaut()).faces().size());
        }
    }

    @Test
    void theProviderOptionsLoadAUserModelWithACardFile() throws Exception {
        Path model = copy("hsemotion_enet_b0_8_tiny.onnx");
        Path cardFile = copy("hsemotion_enet_b0_8.properties");
        try (FaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of(
                "model", model.toString(), "card", cardFile.toString())))) {
            FaceResult face = detector.analyzeFace(uniform(50, 50, 10, 200, 90));
            assertScores(expected(ModelCard.hsEmotionEnetB08(), params("hsemotion_enet_b0_8_tiny"),
                    10, 200, 90), face, "hsemotion via options");
            assertTrue(!detector.info().model().contains("face_expression.onnx"),
                    "a user model replaces the bundled classifiers");
        }
        // with the bundled ones too, when asked for
        try (FaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(Map.of(
                "model", model.toString(), "preset", "hsemotion",
                "classifiers", "face-api", "weights", "1,3")))) {
            assertTrue(detector.info().model().contains("face_expression.onnx")
                    && detector.info().model().contains("hsemotion_enet_b0_8_tiny.onnx"),
                    detector.info()::toString);
        }
    }

    @Test
    void thePublicBuilderLoadsTheModelOptionAndRefusesASecondClassifier() throws Exception {
        Path model = copy("hsemotion_enet_b0_8_tiny.onnx");
        Path cardFile = copy("hsemotion_enet_b0_8.properties");
        try (FaceEmotionDetector detector = OnnxFaceEmotion.builder()
                .option("model", model.toString()).option("card", cardFile.toString()).build()) {
            FaceResult face = detector.analyzeFace(uniform(50, 50, 10, 200, 90));
            assertScores(expected(ModelCard.hsEmotionEnetB08(), params("hsemotion_enet_b0_8_tiny"),
                    10, 200, 90), face, "hsemotion via the builder's options");
        }
        IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> OnnxFaceEmotion.builder()
                        .classifier(model, ModelCard.read(cardFile))
                        .option("model", model.toString()).option("card", cardFile.toString())
                        .build());
        assertTrue(twice.getMessage().contains("cannot be combined"), twice::getMessage);
    }

    @Test
    void aModelFromAStream() throws Exception {
        ModelCard card = ModelCard.read(new ByteArrayInputStream(
                ParityTest.resource(TINY + "opencv_zoo_fer.properties")), "opencv card");
        try (FaceEmotionDetector detector = OnnxFaceEmotion.builder().classifier(
                new ByteArrayInputStream(ParityTest.resource(TINY + "opencv_zoo_fer_tiny.onnx")),
                "zoo.onnx", card).option("flip", "false").build()) {
            assertScores(expected(card, params("opencv_zoo_fer_tiny"), 1, 2, 3),
                    detector.analyzeFace(uniform(20, 20, 1, 2, 3)), "stream");
        }
    }

    @Test
    void aShapeMismatchIsNamedAtLoad() throws Exception {
        Path model = copy("hsemotion_enet_b0_8_tiny.onnx");
        ModelCard ferplusAnyInput = withInputName(ModelCard.emotionFerPlus8(), null, "output");
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxFaceEmotion.builder().classifier(model, ferplusAnyInput).build());
        assertEquals("hsemotion_enet_b0_8_tiny.onnx: input 'input' has shape [-1, 3, 224, 224] but"
                + " the card says 64x64 gray NCHW ([N, 1, 64, 64])", e.getMessage());
    }

    @Test
    void aMissingInputNameIsNamedAtLoad() throws Exception {
        Path model = copy("hsemotion_enet_b0_8_tiny.onnx");
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxFaceEmotion.builder().classifier(model, ModelCard.emotionFerPlus8()).build());
        assertEquals("hsemotion_enet_b0_8_tiny.onnx: has no input 'Input3' (its inputs: [input])",
                e.getMessage());
    }

    @Test
    void aLabelCountMismatchIsNamedAtLoad() throws Exception {
        Path model = copy("opencv_zoo_fer_tiny.onnx");
        ModelCard eight = new ModelCard("eight", "data", "label", ModelCard.Layout.NCHW, 112, 112,
                ModelCard.Colour.RGB, 1, List.of(0.0), List.of(1.0),
                ModelCard.emotionFerPlus8().labels(), ModelCard.Output.LOGITS, 1.2);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxFaceEmotion.builder().classifier(model, eight).build());
        assertTrue(e.getMessage().startsWith("opencv_zoo_fer_tiny.onnx: output 'label' has shape"
                + " [1, 7] but the card lists 8 labels"), e.getMessage());
    }

    @Test
    void aLayoutMismatchIsNamedAtLoad() throws Exception {
        Path model = copy("opencv_zoo_fer_tiny.onnx");
        ModelCard nhwc = new ModelCard("nhwc", "data", "label", ModelCard.Layout.NHWC, 112, 112,
                ModelCard.Colour.RGB, 1, List.of(0.0), List.of(1.0),
                ModelCard.openCvZooFacialExpression().labels(), ModelCard.Output.LOGITS, 1.2);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxFaceEmotion.builder().classifier(model, nhwc).build());
        assertTrue(e.getMessage().contains("input 'data' has shape [1, 3, 112, 112] but the card says"
                + " 112x112 rgb NHWC ([N, 112, 112, 3])"), e.getMessage());
    }

    @Test
    void corruptModelFilesAreNamedAtLoad() throws Exception {
        byte[] good = ParityTest.resource(TINY + "ferplus8_tiny.onnx");
        Path truncated = Files.write(temp.resolve("truncated.onnx"), Arrays.copyOf(good, good.length / 2));
        Path garbage = Files.write(temp.resolve("garbage.onnx"), "not a model".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.write(temp.resolve("empty.onnx"), new byte[0]);
        for (Path file : List.of(truncated, garbage, empty)) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> OnnxFaceEmotion.builder().classifier(file, ModelCard.emotionFerPlus8()).build());
            assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        }
        InvalidModelException viaOptions = assertThrows(InvalidModelException.class,
                () -> OnnxFaceEmotion.load(Settings.of(Map.of(
                        "model", garbage.toString(), "preset", "ferplus"))));
        assertTrue(viaOptions.getMessage().startsWith(garbage + ": not a model ONNX Runtime can load"),
                viaOptions.getMessage());
    }

    @Test
    void badCardsAreNamedWithTheirField() throws Exception {
        String valid = new String(ParityTest.resource(TINY + "ferplus8.properties"), StandardCharsets.UTF_8);
        Map<String, String> cases = Map.of(
                valid.replace("input.width = 64", ""), "lacks 'input.width'",
                valid.replace("input.layout = NCHW", "input.layout = CHW"), "input.layout must be one of",
                valid + "\ninput.channels = 1\n", "unknown model card field 'input.channels'",
                valid.replace("contempt", "boredom"), "labels: 'boredom' is not an emotion label",
                valid.replace("contempt", "happy"), "two labels map to happiness",
                valid.replace("input.std = 1", "input.std = 0"), "input.std must not be 0",
                valid.replace("input.mean = 0", "input.mean = 1, 2"), "input.mean needs 1 or 1 values",
                valid.replace("input.width = 64", "input.width = sixty-four"), "input.width must be an integer");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = Files.writeString(temp.resolve("card.properties"), c.getKey());
            InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelCard.read(file),
                    c.getValue());
            assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(c.getValue()),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ModelCard.preset("nope"));
    }

    @Test
    void presetsMapEveryLabel() {
        assertEquals(List.of(Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SURPRISE, Emotion.SADNESS,
                Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR, Emotion.CONTEMPT),
                ModelCard.emotionFerPlus8().emotions());
        assertEquals(List.of(Emotion.ANGER, Emotion.CONTEMPT, Emotion.DISGUST, Emotion.FEAR,
                Emotion.HAPPINESS, Emotion.NEUTRAL, Emotion.SADNESS, Emotion.SURPRISE),
                ModelCard.hsEmotionEnetB08().emotions());
        assertEquals(List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPINESS,
                Emotion.NEUTRAL, Emotion.SADNESS, Emotion.SURPRISE),
                ModelCard.openCvZooFacialExpression().emotions());
        assertEquals(List.of(Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SADNESS, Emotion.ANGER,
                Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE), BundledModels.faceApiCard().emotions());
        assertEquals(List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPINESS,
                Emotion.SADNESS, Emotion.SURPRISE, Emotion.NEUTRAL), BundledModels.fer2013Card().emotions());
    }

    private static ModelCard withInputName(ModelCard c, String input, String output) {
        return new ModelCard(c.name(), input, output, c.layout(), c.width(), c.height(), c.colour(),
                c.scale(), c.mean(), c.std(), c.labels(), c.output(), c.cropScale());
    }
}
