package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check shared by the parity tests of the classifiers trained in face/training: the file is
 * the one the torch outputs were written for (SHA-256), ONNX Runtime Java gives torch's
 * probabilities on the committed fixture crops (astronaut crop, its mirror image, noise, smooth
 * pattern) within 1e-4, and both astronaut samples read as happy.
 */
final class TrainedClassifierParity {

    private static final String FIXTURES = "/io/github/affect4j/face/parity/";
    private static final int LABELS = 7;

    private TrainedClassifierParity() {
    }

    /**
     * @param model the ONNX file, relative to the face module
     * @param sha256 its pinned SHA-256
     * @param exportScript the face/training script that writes the file and its fixtures
     * @param inputFixture the fixture of 0..255 input values, under the parity folder
     * @param expectedFixture torch's probabilities on it, little-endian float32
     * @param sampleShape the input shape of one sample (without the batch dimension)
     * @param happy the index of happiness among the model's seven labels
     */
    static void assertMatchesTorch(Path model, String sha256, String exportScript,
            String inputFixture, String expectedFixture, long[] sampleShape, int happy)
            throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        assertEquals(sha256, OnnxModel.sha256(bytes), model + " is not the file the torch outputs"
                + " were written for: re-run face/training/" + exportScript);
        byte[] input = ParityTest.resource(FIXTURES + inputFixture);
        float[] expected = ParityTest.floats(ParityTest.resource(FIXTURES + expectedFixture));
        long perSample = 1;
        for (long d : sampleShape) {
            perSample *= d;
        }
        int samples = (int) (input.length / perSample);
        assertEquals(4, samples, "astronaut crop, its mirror image, noise, smooth pattern");
        assertEquals(samples * LABELS, expected.length);
        FloatBuffer buffer = ByteBuffer.allocateDirect(input.length * 4)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (byte b : input) {
            buffer.put(b & 0xff);
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = samples;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        float[] actual;
        try (OnnxModel onnx = OnnxModel.load(bytes, model.toString(), 1, "input",
                "probabilities")) {
            actual = onnx.run(buffer, shape);
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
            for (int k = 1; k < LABELS; k++) {
                best = actual[s * LABELS + k] > actual[s * LABELS + best] ? k : best;
            }
            assertEquals(happy, best, "sample " + s + ": happy is label " + happy);
        }
    }
}
