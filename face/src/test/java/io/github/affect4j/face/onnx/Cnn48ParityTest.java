package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small CNN trained from scratch by face/training/train_cnn48.py against the probabilities
 * torch computed for it at export (face/training/export_cnn48.py): gray 48x48 versions of the
 * bundled net's committed astronaut and noise crops, SHA-256 of the file pinned, and its model
 * card checked against the file, so a model change or a card that does not fit it fails here.
 */
class Cnn48ParityTest {

    private static final Path MODEL = Path.of("training/model/emotion_cnn48.onnx");
    private static final Path CARD = Path.of("training/model/emotion_cnn48.card.properties");
    private static final String SHA256 = "2d4b5fff88e7a4fefe3654cec5acd3f4d2f6538391c7d30d74b66a9b387a311e";
    private static final String FIXTURES = "/io/github/affect4j/face/parity/";

    @Test
    void onnxRuntimeMatchesTorchOnTheFixtureCrops() throws Exception {
        byte[] bytes = Files.readAllBytes(MODEL);
        assertEquals(SHA256, OnnxModel.sha256(bytes), MODEL + " is not the file the torch outputs"
                + " were written for: re-run face/training/export_cnn48.py");
        byte[] input = ParityTest.resource(FIXTURES + "emotion_cnn48.input.u8");
        float[] expected = ParityTest.floats(ParityTest.resource(FIXTURES
                + "emotion_cnn48.expected.f32"));
        int samples = input.length / (48 * 48);
        assertEquals(4, samples, "astronaut crop, its mirror image, noise, smooth pattern");
        assertEquals(samples * 7, expected.length);
        FloatBuffer buffer = ByteBuffer.allocateDirect(input.length * 4)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (byte b : input) {
            buffer.put(b & 0xff);
        }
        float[] actual;
        try (OnnxModel model = OnnxModel.load(bytes, MODEL.toString(), 1, "input",
                "probabilities")) {
            actual = model.run(buffer, new long[] {samples, 1, 48, 48});
        }
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(max <= 1e-4, "max |difference| " + max + " > 1e-4");
        // The astronaut smiles: the net must say so, on the crop and on its mirror image.
        for (int s = 0; s < 2; s++) {
            int best = 0;
            for (int k = 1; k < 7; k++) {
                best = actual[s * 7 + k] > actual[s * 7 + best] ? k : best;
            }
            assertEquals(3, best, "sample " + s + ": happy is label 3");
        }
    }

    @Test
    void theCardDescribesTheFile() throws Exception {
        ModelCard card = ModelCard.read(CARD);
        assertEquals(new ModelCard("cnn48-fer2013", "input", "probabilities",
                ModelCard.Layout.NCHW, 48, 48, ModelCard.Colour.GRAY, 1, List.of(0.0),
                List.of(1.0), List.of("angry", "disgust", "fear", "happy", "neutral", "sad",
                        "surprise"), ModelCard.Output.PROBABILITIES, 1.2), card);
        try (OnnxModel model = OnnxModel.load(Files.readAllBytes(MODEL), MODEL.toString(), 1,
                card.inputName(), card.outputName())) {
            OnnxFaceEmotion.checkClassifier(model, card);
        }
    }
}
