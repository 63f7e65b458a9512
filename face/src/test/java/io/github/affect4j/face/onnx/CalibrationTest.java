package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.InvalidModelException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Temperature scaling worked out by hand, the bundled file, and which temperature applies. */
class CalibrationTest {

    @Test
    void temperatureTwoTakesSquareRootsAndRenormalises() {
        // sqrt(0.5) = 0.70711, sqrt(0.3) = 0.54772, sqrt(0.2) = 0.44721; sum 1.70204
        double[] p = {0.5, 0.3, 0.2, 0, 0, 0, 0, 0};
        Calibration.apply(p, 2);
        assertArrayEquals(new double[] {0.41544, 0.32181, 0.26275, 0, 0, 0, 0, 0}, p, 1e-5);
    }

    @Test
    void temperatureBelowOneSharpensAndOneLeavesAlone() {
        // squares: 0.36, 0.16, 0.04; sum 0.56
        double[] p = {0.6, 0.2, 0.1, 0.1, 0, 0, 0, 0};
        double[] q = p.clone();
        Calibration.apply(q, 0.5);
        assertArrayEquals(new double[] {0.36 / 0.42, 0.04 / 0.42, 0.01 / 0.42, 0.01 / 0.42,
                0, 0, 0, 0}, q, 1e-12);
        double[] same = p.clone();
        Calibration.apply(same, 1);
        assertArrayEquals(p, same, 0);
    }

    @Test
    void aVeryConfidentDistributionDoesNotOverflowOrLoseItsOrder() {
        double[] p = {1 - 2e-12, 1e-12, 1e-12, 0, 0, 0, 0, 0};
        Calibration.apply(p, 0.05);
        assertEquals(1.0, p[0], 1e-12);
        Calibration.apply(p, 100);
        double sum = 0;
        for (double v : p) {
            assertTrue(Double.isFinite(v));
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertTrue(p[0] > p[1] && p[1] == p[2] && p[3] == 0, java.util.Arrays.toString(p));
    }

    @Test
    void theBundledFileCalibratesEveryBundledConfiguration() {
        Map<String, Double> all = Calibration.bundled();
        for (String key : List.of("face-api+cnn48.mirrored", "face-api+fer2013.mirrored",
                "face-api.mirrored", "face-api")) {
            Double t = all.get(key);
            assertTrue(t != null && t > 1 && t < 10, key + " -> " + t + " in " + all);
        }
        assertEquals(all.get("face-api+cnn48.mirrored"),
                Calibration.bundled(List.of("face-api", "cnn48"), true).orElseThrow());
        assertEquals(all.get("face-api+fer2013.mirrored"),
                Calibration.bundled(List.of("face-api", "fer2013"), true).orElseThrow());
        assertTrue(Calibration.bundled(List.of("fer2013"), true).isEmpty(),
                "mini-Xception alone has no honest calibration data: none is bundled");
    }

    @Test
    void aBrokenFileIsRefusedNamingTheKey() throws Exception {
        for (String bad : List.of("face-api = 0", "face-api = warm", "face-api = 1000",
                "face-api = NaN")) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> Calibration.parse(new ByteArrayInputStream(
                            bad.getBytes(StandardCharsets.UTF_8))));
            assertTrue(e.getMessage().contains("face-api") && e.getMessage().contains(
                    Calibration.FILE), e.getMessage());
        }
        assertThrows(InvalidModelException.class, () -> Calibration.parse(null));
        assertEquals(Map.of("a+b.mirrored", 2.5), Calibration.parse(new ByteArrayInputStream(
                "# comment\na+b.mirrored = 2.5\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theOptionWinsAndOnlyBundledEqualWeightConfigurationsAreCalibrated() {
        Map<String, Double> all = Calibration.bundled();
        assertEquals(all.get("face-api+cnn48.mirrored"),
                Settings.of(Map.of()).effectiveTemperature(false));
        assertEquals(all.get("face-api+fer2013.mirrored"),
                Settings.of(Map.of("classifiers", "face-api,fer2013")).effectiveTemperature(false));
        assertEquals(all.get("face-api"),
                Settings.of(Map.of("mode", "fast")).effectiveTemperature(false));
        assertEquals(all.get("face-api.mirrored"),
                Settings.of(Map.of("classifiers", "face-api")).effectiveTemperature(false));
        assertEquals(1.0, Settings.of(Map.of("weights", "2,1")).effectiveTemperature(false));
        assertEquals(1.0, Settings.of(Map.of("classifiers", "fer2013")).effectiveTemperature(false));
        assertEquals(1.0, Settings.of(Map.of()).effectiveTemperature(true), "a model of your own");
        assertEquals(3.0, Settings.of(Map.of("temperature", "3")).effectiveTemperature(true));
        assertEquals(1.0, Settings.of(Map.of("temperature", "1")).effectiveTemperature(false));
        for (String bad : List.of("0", "-1", "101", "hot")) {
            io.github.affect4j.InvalidOptionException e = assertThrows(
                    io.github.affect4j.InvalidOptionException.class,
                    () -> Settings.of(Map.of("temperature", bad)));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
    }
}
