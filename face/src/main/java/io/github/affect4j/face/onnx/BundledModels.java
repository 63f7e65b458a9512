package io.github.affect4j.face.onnx;

import io.github.affect4j.InvalidModelException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The five ONNX files inside this jar and the cards of the three classifiers. */
final class BundledModels {

    static final String FOLDER = "/io/github/affect4j/face/models/";
    static final String BLAZEFACE_BACK = "blazeface_back.onnx";
    static final String BLAZEFACE_FRONT = "blazeface_front.onnx";
    static final String FACE_EXPRESSION = "face_expression.onnx";
    static final String EMOTION_FER2013 = "emotion_fer2013.onnx";
    static final String EMOTION_CNN48 = "emotion_cnn48.onnx";

    private BundledModels() {
    }

    /**
     * face-api.js expression net: 112x112 RGB 0..255 NHWC (normalisation in the graph),
     * probabilities. Crop: face-api crops its detector's box and pads it to a square; BlazeFace
     * boxes are tighter than face-api's SSD boxes (brows to mouth), hence 1.2.
     */
    static ModelCard faceApiCard() {
        return new ModelCard("face-api-expression", "input", "probabilities", ModelCard.Layout.NHWC,
                112, 112, ModelCard.Colour.RGB, 1, List.of(0.0), List.of(1.0),
                List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"),
                ModelCard.Output.PROBABILITIES, 1.2);
    }

    /**
     * FER-2013 mini-Xception as human feeds it: 64x64, RGB in (gray conversion in the graph),
     * probabilities; human enlarges the BlazeFace box 1.4 times.
     */
    static ModelCard fer2013Card() {
        return new ModelCard("fer2013-mini-xception", "input", "probabilities", ModelCard.Layout.NHWC,
                64, 64, ModelCard.Colour.RGB, 1, List.of(0.0), List.of(1.0),
                List.of("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"),
                ModelCard.Output.PROBABILITIES, 1.4);
    }

    /**
     * affect4j's own small CNN (face/training/train_cnn48.py), trained on FER2013's training
     * part: 48x48 gray 0..255 NCHW (normalisation in the graph), probabilities. FER2013's crops
     * frame about 1.14 times a BlazeFace box, hence 1.2.
     */
    static ModelCard cnn48Card() {
        return new ModelCard("cnn48-fer2013", "input", "probabilities", ModelCard.Layout.NCHW,
                48, 48, ModelCard.Colour.GRAY, 1, List.of(0.0), List.of(1.0),
                List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"),
                ModelCard.Output.PROBABILITIES, 1.2);
    }

    static String detectorFile(int size) {
        return size == 128 ? BLAZEFACE_FRONT : BLAZEFACE_BACK;
    }

    static String classifierFile(String classifier) {
        return switch (classifier) {
            case Settings.FACE_API -> FACE_EXPRESSION;
            case Settings.FER2013 -> EMOTION_FER2013;
            case Settings.CNN48 -> EMOTION_CNN48;
            default -> throw new IllegalArgumentException("no bundled classifier " + classifier);
        };
    }

    static ModelCard classifierCard(String classifier) {
        return switch (classifier) {
            case Settings.FACE_API -> faceApiCard();
            case Settings.FER2013 -> fer2013Card();
            case Settings.CNN48 -> cnn48Card();
            default -> throw new IllegalArgumentException("no bundled classifier " + classifier);
        };
    }

    static boolean present(String file) {
        return BundledModels.class.getResource(FOLDER + file) != null;
    }

    static byte[] read(String file) throws InvalidModelException {
        try (InputStream in = BundledModels.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new InvalidModelException(file + ": bundled model missing from the class path ("
                        + FOLDER + file + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException(file + ": cannot read the bundled model: " + e.getMessage(), e);
        }
    }
}
