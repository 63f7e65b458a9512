package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.affect4j.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled cnn48, trained from scratch by face/training/train_cnn48.py, against the
 * probabilities torch computed for it at export (face/training/export_cnn48.py): gray 48x48
 * versions of the face-api net's committed astronaut and noise crops, SHA-256 of the file pinned,
 * and its built-in card checked against the file, so a model change or a card that does not fit
 * it fails here.
 */
class Cnn48ParityTest {

    private static final Path MODEL = Path.of("src/main/resources" + BundledModels.FOLDER
            + BundledModels.EMOTION_CNN48);
    private static final String SHA256 = "66c1b7bc15a68eb780c0d16a9235f919f69e6b323b15b1f0cdc056a47f297d37";

    @Test
    void onnxRuntimeMatchesTorchOnTheFixtureCrops() throws Exception {
        TrainedClassifierParity.assertMatchesTorch(MODEL, SHA256, "export_cnn48.py",
                "emotion_cnn48.input.u8", "emotion_cnn48.expected.f32", new long[] {1, 48, 48}, 3);
    }

    @Test
    void theBuiltInCardDescribesTheFile() throws Exception {
        ModelCard card = BundledModels.cnn48Card();
        assertEquals(new ModelCard("cnn48-fer2013", "input", "probabilities",
                ModelCard.Layout.NCHW, 48, 48, ModelCard.Colour.GRAY, 1, List.of(0.0),
                List.of(1.0), List.of("angry", "disgust", "fear", "happy", "neutral", "sad",
                        "surprise"), ModelCard.Output.PROBABILITIES, 1.2), card);
        try (OnnxModel model = OnnxModel.load(BundledModels.read(BundledModels.EMOTION_CNN48),
                BundledModels.EMOTION_CNN48, 1, card.inputName(), card.outputName())) {
            OnnxFaceEmotion.checkClassifier(model, card);
        }
    }
}
