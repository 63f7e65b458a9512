package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option parsing: defaults per mode, overrides, and invalid values named. */
class SettingsTest {

    private static Settings of(String... kv) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return Settings.of(map);
    }

    @Test
    void modesSetTheirDefaults() {
        Settings accurate = of();
        assertEquals(256, accurate.detectorSize());
        assertEquals(List.of("face-api", "cnn48"), accurate.classifiers());
        assertTrue(accurate.flip() && accurate.align() && accurate.letterbox() && accurate.weightedNms());
        assertEquals(1, accurate.threads());
        Settings fast = of("mode", "fast");
        assertEquals(128, fast.detectorSize());
        assertEquals(List.of("face-api"), fast.classifiers());
        assertFalse(fast.flip());
        Settings mixed = of("mode", "fast", "detector", "back", "flip", "true", "nms", "hard");
        assertEquals(256, mixed.detectorSize());
        assertTrue(mixed.flip());
        assertFalse(mixed.weightedNms());
    }

    @Test
    void declaredDefaultsAreTheAccurateModesDefaults() {
        // The declarations shown to users and the defaults the code uses cannot drift apart.
        assertEquals(Settings.defaults(Settings.Mode.ACCURATE), of());
        assertEquals(Settings.defaults(Settings.Mode.FAST), of("mode", "fast"));
    }

    @Test
    void invalidValuesAreNamed() {
        Map<String[], String> cases = Map.of(
                new String[] {"mode", "turbo"}, "mode",
                new String[] {"detector", "side"}, "detector",
                new String[] {"classifiers", "face-api,vgg"}, "classifiers",
                new String[] {"weights", "1"}, "weights",
                new String[] {"weights", "1,-2"}, "weights",
                new String[] {"minConfidence", "1.5"}, "minConfidence",
                new String[] {"flip", "maybe"}, "flip",
                new String[] {"maxFaces", "0"}, "maxFaces",
                new String[] {"model", "x.onnx"}, "card",
                new String[] {"preset", "ferplus"}, "model");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> of(c.getKey()), String.join("=", c.getKey()));
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
        }
    }

    @Test
    void aUserModelReplacesOrJoinsTheBundledOnes() {
        Settings alone = of("model", "m.onnx", "preset", "ferplus");
        assertEquals(List.of(), alone.classifiers());
        assertEquals(List.of(1.0), alone.weights());
        Settings joined = of("model", "m.onnx", "preset", "ferplus",
                "classifiers", "fer2013", "weights", "2,1");
        assertEquals(List.of("fer2013"), joined.classifiers());
        assertEquals(List.of(2.0, 1.0), joined.weights());
        assertEquals(List.of("model file m.onnx not found (option model)"), alone.missingFiles());
    }
}
