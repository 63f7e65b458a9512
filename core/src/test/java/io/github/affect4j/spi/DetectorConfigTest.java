package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.InvalidOptionException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorConfigTest {

    private static final List<OptionSpec> DECLARED = List.of(
            OptionSpec.integer("minFaceSize", 1, 10_000, 40, "smaller faces are flagged"),
            OptionSpec.decimal("minConfidence", new OptionSpec.Range(0, true, 1, false), 0.5,
                    "weaker detections are dropped"),
            OptionSpec.bool("flip", null, "mirror too; default depends on mode"),
            OptionSpec.bool("align", true, "level the eyes"),
            OptionSpec.choice("mode", List.of("accurate", "FAST"), "accurate", "speed preset"),
            OptionSpec.path("model", "the classifier file"),
            OptionSpec.string("weights", null, "one per classifier"));

    private static DetectorConfig config(String name, String value) {
        return DetectorConfig.of(DECLARED, Map.of(name, value));
    }

    @Test
    void typedGettersParseAndTrim() {
        DetectorConfig config = DetectorConfig.of(DECLARED, Map.of("minFaceSize", " 48 ",
                "minConfidence", "0.25", "flip", " TRUE ", "align", "false", "mode", "Fast",
                "model", "/models/fer.onnx", "weights", " 1,2 "));
        assertEquals(48, config.getInt("minFaceSize"));
        assertEquals(0.25, config.getDouble("minConfidence"), 0.0);
        assertTrue(config.getBoolean("flip"));
        assertFalse(config.getBoolean("align"));
        assertEquals("fast", config.getChoice("mode"));
        assertEquals(Optional.of(Path.of("/models/fer.onnx")), config.getPath("model"));
        assertEquals(Optional.of("1,2"), config.getString("weights"));
        assertEquals(Optional.of("48"), config.get("minFaceSize"));
        assertTrue(config.isSet("mode"));
    }

    @Test
    void absentOptionsGiveTheDeclaredDefaults() {
        DetectorConfig config = DetectorConfig.defaults(DECLARED);
        assertEquals(40, config.getInt("minFaceSize"));
        assertEquals(0.5, config.getDouble("minConfidence"), 0.0);
        assertTrue(config.getBoolean("align"));
        assertEquals("accurate", config.getChoice("mode"));
        assertEquals(Optional.empty(), config.getPath("model"));
        assertEquals(Optional.empty(), config.getString("weights"));
        assertEquals(Optional.empty(), config.get("mode"));
        assertFalse(config.isSet("mode"));
        // No declared default: the caller supplies one, or is told to.
        assertFalse(config.getBoolean("flip", false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> config.getBoolean("flip"));
        assertEquals("option flip was not given and declares no default: pass a fallback",
                e.getMessage());
    }

    @Test
    void unknownNameIsRejectedListingTheDeclaredNames() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> config("minFacesize", "48"));
        assertEquals("unknown option 'minFacesize'; valid options: align, flip, minConfidence,"
                + " minFaceSize, mode, model, weights", e.getMessage());
        assertEquals("minFacesize", e.option());
        InvalidOptionException none = assertThrows(InvalidOptionException.class,
                () -> DetectorConfig.of(List.of(), Map.of("x", "1")));
        assertEquals("unknown option 'x'; valid options: none (this provider takes no options)",
                none.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4.5", "", "99999999999", "0x10", "0", "10001"})
    void badIntegerNamesOptionValueAndRange(String value) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> config("minFaceSize", value));
        assertEquals("option minFaceSize must be an integer in [1, 10000], got '" + value + "'",
                e.getMessage());
        assertEquals("minFaceSize", e.option());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "half", "", "1", "-0.01"})
    void badDecimalNamesOptionValueAndRange(String value) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> config("minConfidence", value));
        assertEquals("option minConfidence must be a number in [0, 1), got '" + value + "'",
                e.getMessage());
    }

    @Test
    void rangeEndsAreHonoured() {
        assertEquals(0.0, config("minConfidence", "0").getDouble("minConfidence"), 0.0);
        assertEquals(0.999, config("minConfidence", "0.999").getDouble("minConfidence"), 0.0);
        assertEquals(10_000, config("minFaceSize", "10000").getInt("minFaceSize"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "t"})
    void badBooleanNamesOptionAndValue(String value) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> config("align", value));
        assertEquals("option align must be true or false, got '" + value + "'", e.getMessage());
    }

    @Test
    void badChoiceListsTheChoices() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> config("mode", "fst"));
        assertEquals("option mode must be one of accurate, fast, got 'fst'", e.getMessage());
    }

    @Test
    void badPathNamesOption() {
        InvalidOptionException blank = assertThrows(InvalidOptionException.class,
                () -> config("model", " "));
        assertEquals("option model must be a path, got ' '", blank.getMessage());
        InvalidOptionException nul = assertThrows(InvalidOptionException.class,
                () -> config("model", "a\0b"));
        assertTrue(nul.getMessage().startsWith("option model must be a path"), nul.getMessage());
    }

    @Test
    void gettersAcceptOnlyDeclaredNamesOfTheirType() {
        DetectorConfig config = DetectorConfig.defaults(DECLARED);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> config.getInt("maxFaces"));
        assertEquals("option maxFaces is not declared; declared: align, flip, minConfidence,"
                + " minFaceSize, mode, model, weights", unknown.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> config.getDouble("minFaceSize"));
        assertEquals("option minFaceSize is declared as integer, not decimal",
                wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.get("maxFaces"));
        assertThrows(IllegalArgumentException.class, () -> DetectorConfig.empty().isSet("x"));
    }

    @Test
    void nullValueIsRejectedWithTheName() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("mode", null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> DetectorConfig.of(DECLARED, withNull));
        assertEquals("value of option mode", e.getMessage());
    }

    @Test
    void duplicateDeclarationIsAProviderBug() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.defaults(List.of(OptionSpec.bool("a", true, "x"),
                        OptionSpec.integer("a", 0, 1, 0, "y"))));
        assertEquals("option a declared twice", e.getMessage());
    }

    @Test
    void frozenCopyWithReadableToStringAndValueEquality() {
        Map<String, String> source = new HashMap<>(Map.of("mode", "fast", "align", "true"));
        DetectorConfig config = DetectorConfig.of(DECLARED, source);
        source.put("mode", "accurate");
        assertEquals("fast", config.getChoice("mode"));
        assertThrows(UnsupportedOperationException.class, () -> config.asMap().put("x", "y"));
        assertEquals("DetectorConfig{align=true, mode=fast}", config.toString());
        assertEquals(config, DetectorConfig.of(DECLARED, Map.of("mode", "fast", "align", "true")));
        assertEquals(config.hashCode(),
                DetectorConfig.of(DECLARED, Map.of("mode", "fast", "align", "true")).hashCode());
        assertNotEquals(config, DetectorConfig.of(DECLARED, Map.of("mode", "fast")));
        assertEquals(DECLARED, config.declared());
    }
}
