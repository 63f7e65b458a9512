package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.onnx.OnnxModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled ONNX files against the outputs of the original JavaScript (fixtures written by
 * face/model-conversion): raw outputs, and for BlazeFace the detections after this module's
 * decoding and NMS. Also pins each bundled file's SHA-256, so a changed model fails loudly.
 */
class ParityTest {

    private static final String FIXTURES = "/io/github/affect4j/face/parity/";

    private static Map<String, Object> index;

    @BeforeAll
    static void load() throws Exception {
        index = Json.object(Json.parse(new String(resource(FIXTURES + "index.json"),
                StandardCharsets.UTF_8)));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledModelMatchesTheJavaScriptReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object item : Json.array(index.get("cases"))) {
            Map<String, Object> c = Json.object(item);
            String id = (String) c.get("id");
            tests.add(DynamicTest.dynamicTest(id + ": SHA-256", () -> checksum(c)));
            tests.add(DynamicTest.dynamicTest(id + ": outputs", () -> outputs(c)));
            if (c.containsKey("detections")) {
                tests.add(DynamicTest.dynamicTest(id + ": detections", () -> detections(c)));
            }
        }
        assertEquals(4 * 2 + 2, tests.size(), "four models, two of them detectors");
        return tests.stream();
    }

    private static void checksum(Map<String, Object> c) throws IOException {
        byte[] model = BundledModels.read((String) c.get("model"));
        assertEquals(c.get("modelSha256"), OnnxModel.sha256(model), c.get("model")
                + " differs from the file the parity fixtures were made for: re-run"
                + " face/model-conversion/convert-all.sh");
    }

    private static float[] run(Map<String, Object> c) throws Exception {
        Map<String, Object> input = Json.object(c.get("input"));
        List<Object> shapeList = Json.array(input.get("shape"));
        long[] shape = shapeList.stream().mapToLong(v -> (long) Json.number(v)).toArray();
        byte[] bytes = resource(FIXTURES + input.get("file"));
        FloatBuffer buffer = ByteBuffer.allocateDirect(bytes.length * 4)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (byte b : bytes) {
            buffer.put(b & 0xff);
        }
        String name = (String) c.get("model");
        String output = (String) Json.object(c.get("expected")).get("name");
        try (OnnxModel model = OnnxModel.load(BundledModels.read(name), name, 1,
                (String) input.get("name"), output)) {
            return model.run(buffer, shape);
        }
    }

    private static void outputs(Map<String, Object> c) throws Exception {
        float[] actual = run(c);
        Map<String, Object> expectedInfo = Json.object(c.get("expected"));
        float[] expected = floats(resource(FIXTURES + expectedInfo.get("file")));
        assertEquals(expected.length, actual.length, "output size");
        Map<String, Object> tolerance = Json.object(c.get("tolerance"));
        double bar = tolerance.containsKey("probabilities")
                ? Json.number(tolerance.get("probabilities")) : Json.number(tolerance.get("raw"));
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(max <= bar, c.get("id") + ": max |difference| " + max + " > " + bar);
    }

    private static void detections(Map<String, Object> c) throws Exception {
        float[] raw = run(c);
        Map<String, Object> file = Json.object(Json.parse(new String(resource(FIXTURES
                + Json.object(c.get("detections")).get("file")), StandardCharsets.UTF_8)));
        int size = (int) Json.number(file.get("inputSize"));
        BlazeFace blazeFace = new BlazeFace(size);
        int checked = 0;
        for (Object d : Json.array(file.get("detections"))) {
            Map<String, Object> sample = Json.object(d);
            int offset = (int) Json.number(sample.get("sample")) * BlazeFace.ANCHORS * BlazeFace.COLUMNS;
            for (String setting : List.of("humanDefaults", "wide")) {
                Map<String, Object> expected = Json.object(sample.get(setting));
                Map<String, Object> s = Json.object(expected.get("settings"));
                List<BlazeFace.Candidate> kept = BlazeFace.hardNms(
                        blazeFace.decode(raw, offset, Json.number(s.get("minConfidence"))),
                        (int) Json.number(s.get("maxDetected")), Json.number(s.get("iouThreshold")));
                List<Object> faces = Json.array(expected.get("faces"));
                assertEquals(faces.size(), kept.size(), setting + ": number of detections");
                for (int i = 0; i < faces.size(); i++) {
                    Map<String, Object> face = Json.object(faces.get(i));
                    BlazeFace.Candidate got = kept.get(i);
                    String where = c.get("id") + " " + setting + " face " + i;
                    assertEquals((int) Json.number(face.get("index")), got.index(), where + " row");
                    assertEquals(Json.number(face.get("score")), got.score(), 1e-5, where + " score");
                    List<Object> box = Json.array(face.get("box"));
                    for (int k = 0; k < 4; k++) {
                        assertEquals(Json.number(box.get(k)), got.box()[k], 1e-3, where + " box " + k);
                    }
                    List<Object> landmarks = Json.array(face.get("landmarks"));
                    for (int k = 0; k < BlazeFace.KEYPOINTS; k++) {
                        List<Object> point = Json.array(landmarks.get(k));
                        assertEquals(Json.number(point.get(0)), got.keypoints()[2 * k], 1e-3, where);
                        assertEquals(Json.number(point.get(1)), got.keypoints()[2 * k + 1], 1e-3, where);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 2, "some detections were compared");
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ParityTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return in.readAllBytes();
        }
    }

    static float[] floats(byte[] bytes) {
        FloatBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
