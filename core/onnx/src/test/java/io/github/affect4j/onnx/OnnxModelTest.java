package io.github.affect4j.onnx;

import io.github.affect4j.InvalidModelException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.AnalysisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loading, checking, running and closing real (tiny) ONNX models: see the README next to them.
 */
class OnnxModelTest {

    static final String HSEMOTION = "hsemotion_enet_b0_8_tiny.onnx";
    static final String FERPLUS = "ferplus8_tiny.onnx";

    /** The hsemotion tiny model's layer (tiny-models.json): logits = W @ channel means + b. */
    private static final double[][] W = {
        {-0.832641, 0.733283, -1.043352}, {-0.887743, -0.975022, 0.934074},
        {-0.845914, -0.095072, -0.648789}, {0.53892, -0.898642, -0.073515},
        {-0.105635, -0.220047, -0.187999}, {0.074985, -0.591654, -0.993962},
        {-0.140197, 0.559169, -0.548919}, {0.576158, 0.157043, 0.491328}};
    private static final double[] B = {-0.029567, -0.782628, 0.212902, -0.740899, -0.238285,
        0.124022, 0.077963, -0.080368};

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxModelTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    @Test
    void aModelIsLoadedWithItsShapesNamesAndChecksum() throws Exception {
        try (OnnxModel model = OnnxModel.load(resource(HSEMOTION), HSEMOTION, 1, null, null)) {
            assertEquals(HSEMOTION, model.name());
            assertEquals("input", model.inputName());
            assertEquals("output", model.outputName());
            assertArrayEquals(new long[] {-1, 3, 224, 224}, model.inputShape());
            assertArrayEquals(new long[] {-1, 8}, model.outputShape());
            assertEquals(Set.of("input"), model.inputNames());
            assertEquals(Set.of("output"), model.outputNames());
            assertFalse(model.singleSample());
            // sha256sum of the committed file
            assertEquals("60bad300ff6589048fbe4c0e499c7fb0b1b18563063fda2666fdbfdbc5b32935",
                    model.sha256());
            assertEquals(model.sha256(), OnnxModel.sha256(resource(HSEMOTION)));
            assertEquals(HSEMOTION + " (sha256 60bad300ff65)", model.toString());
            model.inputShape()[0] = 7;
            assertEquals(-1, model.inputShape()[0], "shapes are copies");
        }
        try (OnnxModel model = OnnxModel.load(resource(FERPLUS), FERPLUS, 2, "Input3",
                "Plus692_Output_0")) {
            assertTrue(model.singleSample(), "the batch is fixed at 1");
        }
    }

    @Test
    void aBatchRunGivesTheLayersOutputForEachSample() throws Exception {
        float[][] colours = {{1, 2, 3}, {-0.5f, 0.25f, 2}};
        int plane = 224 * 224;
        FloatBuffer input = OnnxModel.floatBuffer(colours.length * 3 * plane);
        for (int s = 0; s < colours.length; s++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    input.put((s * 3 + c) * plane + i, colours[s][c]);
                }
            }
        }
        try (OnnxModel model = OnnxModel.load(resource(HSEMOTION), HSEMOTION, 1, "input", "output")) {
            float[] out = model.run(input, new long[] {2, 3, 224, 224});
            assertEquals(16, out.length);
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < 8; k++) {
                    double expected = B[k];
                    for (int c = 0; c < 3; c++) {
                        expected += W[k][c] * colours[s][c];
                    }
                    assertEquals(expected, out[s * 8 + k], 1e-5, "sample " + s + " class " + k);
                }
            }
            long[] shape = model.run(input, new long[] {1, 3, 224, 224},
                    tensor -> tensor.getInfo().getShape());
            assertArrayEquals(new long[] {1, 8}, shape, "a reader sees the open output tensor");
        }
    }

    @Test
    void aMissingNodeIsNamedWithTheNodesThereAre() throws Exception {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxModel.load(resource(HSEMOTION), "m.onnx", 1, "Input3", null));
        assertEquals("m.onnx: has no input 'Input3' (its inputs: [input])", e.getMessage());
        e = assertThrows(InvalidModelException.class,
                () -> OnnxModel.load(resource(HSEMOTION), "m.onnx", 1, null, "logits"));
        assertEquals("m.onnx: has no output 'logits' (its outputs: [output])", e.getMessage());
    }

    @Test
    void corruptBytesAreNamedAtLoad() {
        for (byte[] bytes : new byte[][] {new byte[0],
                "not a model".getBytes(StandardCharsets.UTF_8)}) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> OnnxModel.load(bytes, "bad.onnx", 1, null, null));
            assertTrue(e.getMessage().startsWith("bad.onnx: not a model ONNX Runtime can load ("),
                    e.getMessage());
        }
    }

    @Test
    void checksAndSignaturesRefuseWithTheirOwnMessage() throws Exception {
        byte[] bytes = resource(HSEMOTION);
        InvalidModelException refused = assertThrows(InvalidModelException.class,
                () -> OnnxModel.load(bytes, "m.onnx", 1, null, null, model -> {
                    throw new InvalidModelException("m.onnx: wrong kind");
                }));
        assertEquals("m.onnx: wrong kind", refused.getMessage());
        InvalidModelException wrapped = assertThrows(InvalidModelException.class,
                () -> OnnxModel.load(bytes, "m.onnx", 1, null, null, model -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("m.onnx: cannot use its inputs and outputs (boom)", wrapped.getMessage());
        // The signature runs before the named nodes are looked up.
        InvalidModelException signature = assertThrows(InvalidModelException.class,
                () -> OnnxModel.load(bytes, "m.onnx", 1, (in, out) -> {
                    throw new InvalidModelException("m.onnx: inputs " + in + " outputs " + out);
                }, "missing", "missing", model -> model));
        assertEquals("m.onnx: inputs [input] outputs [output]", signature.getMessage());
    }

    @Test
    void aFailedRunIsAnAnalysisExceptionNamingTheFile() throws Exception {
        try (OnnxModel model = OnnxModel.load(resource(HSEMOTION), "m.onnx", 1, null, null)) {
            FloatBuffer input = OnnxModel.floatBuffer(3 * 4);
            AnalysisException e = assertThrows(AnalysisException.class,
                    () -> model.run(input, new long[] {1, 3, 2, 2}));
            assertTrue(e.getMessage().startsWith("m.onnx: ONNX Runtime failed on input [1, 3, 2, 2]: "),
                    e.getMessage());
            AnalysisException call = assertThrows(AnalysisException.class,
                    () -> model.call("a test", (env, session) -> {
                        throw new ai.onnxruntime.OrtException("refused");
                    }));
            assertEquals("m.onnx: ONNX Runtime failed on a test: refused", call.getMessage());
        }
    }

    @Test
    void anotherInputsShapeIsChecked() throws Exception {
        try (OnnxModel model = OnnxModel.load(resource(HSEMOTION), "m.onnx", 1, null, null)) {
            assertArrayEquals(new long[] {-1, 3, 224, 224}, model.floatInputShape("input"));
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> model.floatInputShape("state"));
            assertEquals("m.onnx: has no input 'state' (its inputs: [input])", e.getMessage());
        }
    }

    @Test
    void threadCountsAreChecked() throws Exception {
        byte[] bytes = resource(FERPLUS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxModel.load(bytes, "m.onnx", -1, null, null));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        try (OnnxModel model = OnnxModel.load(bytes, "m.onnx", 0, null, null)) {
            assertEquals("Input3", model.inputName(), "0 lets ONNX Runtime choose");
        }
    }

    @Test
    void floatBuffersAreDirectAndNative() {
        FloatBuffer buffer = OnnxModel.floatBuffer(10);
        assertTrue(buffer.isDirect());
        assertSame(ByteOrder.nativeOrder(), buffer.order());
        assertEquals(10, buffer.capacity());
        assertEquals(0, buffer.position());
    }

    @Test
    void sha256IsTheStandardDigest() {
        // FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                OnnxModel.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theNativesLoadOnce() {
        assertSame(Natives.environment(), Natives.environment());
        assertTrue(Natives.classesPresent().available(), Natives.classesPresent().reason());
    }

    @Test
    void onnxRuntimeNamesItsPlatformFolderAsItsJarDoes() {
        // The folders of the onnxruntime jar: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64.
        String platform = Natives.platform();
        assertTrue(platform == null || OnnxModel.class.getResource("/ai/onnxruntime/native/"
                + platform + "/" + System.mapLibraryName("onnxruntime4j_jni")
                        .replace("jnilib", "dylib")) != null, platform);
    }
}
