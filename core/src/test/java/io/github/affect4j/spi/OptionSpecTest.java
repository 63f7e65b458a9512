package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionSpecTest {

    @Test
    void listingShowsTypeAllowedValuesDefaultAndDescription() {
        assertEquals("threads (integer, [1, 64], default 1): intra-op threads",
                OptionSpec.integer("threads", 1, 64, 1, "intra-op threads").toString());
        assertEquals("minConfidence (decimal, [0, 1), default 0.5): weaker detections are dropped",
                OptionSpec.decimal("minConfidence", new OptionSpec.Range(0, true, 1, false), 0.5,
                        "weaker detections are dropped").toString());
        assertEquals("mode (choice, accurate|fast, default accurate): preset",
                OptionSpec.choice("mode", List.of("accurate", "fast"), "accurate", "preset")
                        .toString());
        assertEquals("model (path, a path): the file",
                OptionSpec.path("model", "the file").toString());
        assertEquals("flip (boolean, true|false): mirror", OptionSpec.bool("flip", null, "mirror")
                .toString());
        assertEquals("weights (string, text, default 1,1): w",
                OptionSpec.string("weights", "1,1", "w").toString());
    }

    @Test
    void openRangeEndsAreExcluded() {
        OptionSpec.Range range = new OptionSpec.Range(0, false, 1, true);
        assertFalse(range.contains(0));
        assertTrue(range.contains(1e-9));
        assertTrue(range.contains(1));
        assertFalse(range.contains(1.000001));
        assertEquals("(0, 1]", range.toString());
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertEquals("option name must be camelCase letters and digits, got 'classifier.model'",
                assertThrows(IllegalArgumentException.class,
                        () -> OptionSpec.path("classifier.model", "x")).getMessage());
        assertEquals("option threads needs a description", assertThrows(
                IllegalArgumentException.class,
                () -> OptionSpec.integer("threads", 1, 64, 1, " ")).getMessage());
        // A default outside the range is a bug in the provider, caught at once.
        assertEquals("option threads must be an integer in [1, 64], got '0'", assertThrows(
                IllegalArgumentException.class,
                () -> OptionSpec.integer("threads", 1, 64, 0, "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OptionSpec("mode",
                OptionSpec.Type.CHOICE, null, List.of(), null, "no choices"));
        assertThrows(IllegalArgumentException.class, () -> new OptionSpec("n",
                OptionSpec.Type.INTEGER, null, List.of(), null, "no range"));
        assertThrows(IllegalArgumentException.class, () -> new OptionSpec("b",
                OptionSpec.Type.BOOLEAN, OptionSpec.Range.closed(0, 1), List.of(), null, "range"));
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.Range.closed(2, 1));
    }
}
