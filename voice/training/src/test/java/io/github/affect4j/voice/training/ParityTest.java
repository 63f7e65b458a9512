package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.onnx.VoiceModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported ONNX model gives the in-Java model's predictions: the same class for every
 * recording and probabilities within 1e-5 (LIBLINEAR: the class only), for every classifier, with and without speaker
 * normalisation, and CV well above chance (0.25).
 */
class ParityTest {

    @TempDir
    Path dir;

    @Test
    void onnxReproducesTheJavaModel() throws Exception {
        List<LabelledFeatures> samples = SyntheticCorpus.features();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (VoiceTrainer.Classifier classifier : VoiceTrainer.Classifier.values()) {
            for (boolean norm : new boolean[] {false, true}) {
                VoiceTrainer.Result result = VoiceTrainer.builder().classifier(classifier)
                        .speakerNormalisation(norm).build().train(samples);
                String what = classifier + (norm ? " speaker-normalised" : "");
                System.out.println(what + "\n" + result.report());
                // SVM's Platt scaling fits on inner folds of 32 recordings here: weakest.
                double minimum = switch (classifier) {
                    // Single clips of a normalised model are its plain classifier's: the same.
                    case LINEAR -> 0.6;
                    case SVM, ENSEMBLE -> 0.4;
                    default -> 0.5;
                };
                assertTrue(result.crossValidation().uar() >= minimum,
                        what + ": UAR " + result.crossValidation().uar());

                TrainedVoiceModel model = result.model();
                Path onnx = dir.resolve(classifier + "-" + norm + ".onnx");
                model.save(onnx);
                VoiceModelCard card = VoiceModelCard.read(VoiceModelCard.cardPath(onnx));
                assertEquals(model.cardFor(onnx), card);
                parity(model, onnx, card, samples, what, classifier, env);
                if (norm) {
                    // The speaker-centred second model, saved beside the first, on the vectors
                    // it is trained on: recordings centred on their speaker's others.
                    assertTrue(result.streamCrossValidation().orElseThrow().uar() >= minimum,
                            what + ": streams " + result.streamCrossValidation());
                    TrainedVoiceModel centred = model.centred().orElseThrow().model();
                    Path second = dir.resolve(card.centredModel().orElseThrow().file());
                    assertEquals(dir.resolve(classifier + "-" + norm + ".centred.onnx"), second);
                    VoiceModelCard centredCard = VoiceModelCard.read(
                            VoiceModelCard.cardPath(second));
                    assertEquals(centred.card(), centredCard);
                    assertEquals(VoiceModelCard.Normalisation.SPEAKER_MEAN,
                            centredCard.normalisation());
                    List<LabelledFeatures> copies = RuntimeCentring.trainingCopies(samples,
                            VoiceTrainer.nanMean(samples.stream().map(LabelledFeatures::values)
                                    .toList(), FeatureSet.current().size()), 10, 1);
                    parity(centred, second, centredCard, copies, what + " (centred)",
                            classifier, env);
                }
            }
        }
    }

    /** The ONNX file gives the Java model's classes, and its probabilities within 1e-5. */
    private static void parity(TrainedVoiceModel model, Path onnx, VoiceModelCard card,
                               List<LabelledFeatures> inputs, String what,
                               VoiceTrainer.Classifier classifier, OrtEnvironment env)
            throws Exception {
        double maxDifference = 0;
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx),
                new OrtSession.SessionOptions())) {
            float[][] batch = new float[inputs.size()][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = modelInput(card, inputs.get(i).values());
            }
            float[][] onnxProbabilities;
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, batch);
                 OrtSession.Result out = session.run(Map.of("features", tensor))) {
                onnxProbabilities = (float[][]) out.get(0).getValue();
            }
            for (int i = 0; i < batch.length; i++) {
                double[] java = model.probabilities(inputs.get(i).values());
                assertEquals(argmax(java), argmax(onnxProbabilities[i]), what + " " + i);
                for (int c = 0; c < java.length; c++) {
                    maxDifference = Math.max(maxDifference,
                            Math.abs(java[c] - onnxProbabilities[i][c]));
                }
            }
        }
        System.out.printf("%s: largest probability difference ONNX vs Java %.2e%n",
                what, maxDifference);
        if (classifier == VoiceTrainer.Classifier.LIBLINEAR) {
            // Tribuo's ONNX export of LIBLINEAR takes the softmax of the decision values,
            // its Java model normalises one-versus-rest sigmoids: both increase with the
            // decision value, so the class agrees (checked above), not the probabilities.
            return;
        }
        assertTrue(maxDifference < 1e-5, what + ": " + maxDifference);
    }

    /** The card's features in input order, NaN imputed, as the detector feeds them. */
    private static float[] modelInput(VoiceModelCard card, double[] values) {
        var set = io.github.affect4j.voice.features.FeatureSet.current();
        float[] x = new float[card.features().size()];
        for (int i = 0; i < x.length; i++) {
            double v = values[set.indexOf(card.features().get(i))];
            x[i] = (float) (Double.isNaN(v) ? card.impute().get(i) : v);
        }
        return x;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
