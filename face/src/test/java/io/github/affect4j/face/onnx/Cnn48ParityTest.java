package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.onnx.OnnxModel;
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

    @Test
    void onnxRuntimeMatchesTorchOnTheFixtureCrops() throws Exception {
        TrainedClassifierParity.assertMatchesTorch(MODEL, SHA256, "export_cnn48.py",
                "emotion_cnn48.input.u8", "emotion_cnn48.expected.f32", new long[] {1, 48, 48}, 3);
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
