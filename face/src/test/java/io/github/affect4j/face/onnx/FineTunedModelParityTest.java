package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fine-tuned face-api expression net of face/training (not bundled: see face/training/README.md)
 * against the probabilities torch computed for it when it was exported: same committed astronaut
 * and noise crops as the bundled net's parity fixtures, SHA-256 of the file pinned, and its model
 * card checked against the file, so the card a user passes with {@code classifier.card} fits it.
 */
class FineTunedModelParityTest {

    private static final Path MODEL = Path.of("training/model/face_expression_ft.onnx");
    private static final Path CARD = Path.of("training/model/face_expression_ft.card.properties");
    private static final String SHA256 = "ca2edfc3938032a2bd22dae6c71f2bcfb0e4ff67b22b5b4956e04ee447b22565";
    private static final String FIXTURES = "/io/github/affect4j/face/parity/";

    @Test
    void onnxRuntimeMatchesTorchOnTheFixtureCrops() throws Exception {
        byte[] bytes = Files.readAllBytes(MODEL);
        assertEquals(SHA256, OnnxModel.sha256(bytes), MODEL + " is not the file the torch outputs"
                + " were written for: re-run face/training/export_onnx.py");
        byte[] input = ParityTest.resource(FIXTURES + "face_expression.input.u8");
        float[] expected = ParityTest.floats(ParityTest.resource(FIXTURES
                + "face_expression_ft.expected.f32"));
        int samples = input.length / (112 * 112 * 3);
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
            actual = model.run(buffer, new long[] {samples, 112, 112, 3});
        }
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(max <= 1e-4, "max |difference| " + max + " > 1e-4");
        // The astronaut smiles: the fine-tuned net must still say so, on the crop and its mirror.
        for (int s = 0; s < 2; s++) {
            int best = 0;
            for (int k = 1; k < 7; k++) {
                best = actual[s * 7 + k] > actual[s * 7 + best] ? k : best;
            }
            assertEquals(1, best, "sample " + s + ": happy is label 1");
        }
    }

    @Test
    void theCardDescribesTheFile() throws Exception {
        ModelCard card = ModelCard.read(CARD);
        ModelCard b = BundledModels.faceApiCard();
        assertEquals(new ModelCard(card.name(), b.inputName(), b.outputName(), b.layout(),
                b.width(), b.height(), b.colour(), b.scale(), b.mean(), b.std(), b.labels(),
                b.output(), b.cropScale()), card, "everything but the name as the bundled net's");
    }
}
