package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void onnxRuntimeMatchesTorchOnTheFixtureCrops() throws Exception {
        TrainedClassifierParity.assertMatchesTorch(MODEL, SHA256, "export_onnx.py",
                "face_expression.input.u8", "face_expression_ft.expected.f32",
                new long[] {112, 112, 3}, 1);
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
