package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorConfigTest {

    private static DetectorConfig config(String name, String value) {
        return DetectorConfig.of(Map.of(name, value));
    }

    @Test
    void typedGettersParseAndTrim() {
        DetectorConfig config = DetectorConfig.of(Map.of("minFaceSize", " 48 ", "threshold", "0.25",
                "scale", "-1e3", "gpu", " TRUE ", "cache", "false", "model", "/models/fer.onnx"));
        assertEquals(48, config.getInt("minFaceSize", 0));
        assertEquals(0.25, config.getDouble("threshold", 0), 0.0);
        assertEquals(-1000, config.getDouble("scale", 0), 0.0);
        assertTrue(config.getBoolean("gpu", false));
        assertFalse(config.getBoolean("cache", true));
        assertEquals(Optional.of(Path.of("/models/fer.onnx")), config.getPath("model"));
        assertEquals(Optional.of(" 48 "), config.get("minFaceSize"));
    }

    @Test
    void absentOptionsGiveTheDefaults() {
        DetectorConfig config = DetectorConfig.empty();
        assertEquals(7, config.getInt("x", 7));
        assertEquals(2.5, config.getDouble("x", 2.5), 0.0);
        assertTrue(config.getBoolean("x", true));
        assertEquals(Optional.empty(), config.getPath("x"));
        assertEquals(Optional.empty(), config.get("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4.5", "", "99999999999", "0x10"})
    void badIntegerNamesOptionAndValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("minFaceSize", value).getInt("minFaceSize", 0));
        assertEquals("option minFaceSize must be an integer, got '" + value + "'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "half", ""})
    void badNumberNamesOptionAndValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("threshold", value).getDouble("threshold", 0));
        assertEquals("option threshold must be a finite number, got '" + value + "'",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "on"})
    void badBooleanNamesOptionAndValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("gpu", value).getBoolean("gpu", false));
        assertEquals("option gpu must be true or false, got '" + value + "'", e.getMessage());
    }

    @Test
    void badPathNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("model", "bad\0path").getPath("model"));
        assertTrue(e.getMessage().contains("option model"), e.getMessage());
    }

    @Test
    void namesMustNotBeBlankAndValuesNotNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(" ", "x"));
        assertEquals("option names must not be blank", e.getMessage());
        Map<String, String> withNull = new HashMap<>();
        withNull.put("model", null);
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> DetectorConfig.of(withNull));
        assertEquals("value of option model", npe.getMessage());
    }

    @Test
    void isAFrozenSortedCopy() {
        Map<String, String> source = new HashMap<>(Map.of("b", "2", "a", "1"));
        DetectorConfig config = DetectorConfig.of(source);
        source.put("c", "3");
        assertEquals(List.of("a", "b"), List.copyOf(config.asMap().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> config.asMap().put("c", "3"));
        assertEquals("DetectorConfig{a=1, b=2}", config.toString());
    }

    @Test
    void equalsComparesOptions() {
        DetectorConfig a = DetectorConfig.of(Map.of("a", "1"));
        assertEquals(a, DetectorConfig.of(new HashMap<>(Map.of("a", "1"))));
        assertEquals(a.hashCode(), DetectorConfig.of(Map.of("a", "1")).hashCode());
        assertNotEquals(a, DetectorConfig.of(Map.of("a", "2")));
        assertEquals(DetectorConfig.empty(), DetectorConfig.of(Map.of()));
    }
}
