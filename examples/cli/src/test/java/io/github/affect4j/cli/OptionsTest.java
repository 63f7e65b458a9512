package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --option NAME=VALUE} reaches the detectors, and every mistake in it is a usage error
 * (exit 2) that names the valid options, never a silent fallback to another detector.
 */
class OptionsTest extends CapturedConsole {

    private static final String PHOTO = Path.of(System.getProperty("affect4j.samples.dir"))
            .resolve("astronaut.jpg").toString();

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validOptionIsUsed() throws IOException {
        assertEquals(0, Main.execute("analyze", "--json", "--option", "mode=fast",
                "--option", "face.threads=2", PHOTO), this::errText);
        Map<String, Object> image = jsonLines().get(0);
        assertEquals("onnx", image.get("detector"), out::toString);
        assertEquals(1, ((Number) image.get("faces.count")).intValue(), out::toString);
    }

    @Test
    void badChoiceIsAUsageErrorListingTheChoices() {
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "mode=fst", PHOTO));
        assertTrue(errText().contains("affect4j: face provider 'onnx': option mode must be one of"
                + " accurate, fast, got 'fst'"), this::errText);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outOfRangeValueIsAUsageErrorGivingTheRange() {
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "minConfidence=1.5", PHOTO));
        assertTrue(errText().contains("option minConfidence must be a number in [0, 1], got"
                + " '1.5'"), this::errText);
    }

    @Test
    void misspeltNameIsAUsageErrorListingTheValidNames() {
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "mdoe=fast", PHOTO));
        String text = errText();
        assertTrue(text.contains("unknown option 'mdoe': no detector provider takes it. Face"
                + " options: onnx: align, card, classifiers,"), text);
        assertTrue(text.contains("heuristic: cascadeDirectory, maxImageSide, minConfidence,"),
                text);
        assertTrue(text.contains("Voice options: "), text);
    }

    @Test
    void optionOfTheOtherFaceProviderNamesIt() {
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "smallestFace=30", PHOTO));
        assertTrue(errText().contains("unknown option 'smallestFace' for the face provider 'onnx';"
                + " it is an option of heuristic (choose that provider by id)"), this::errText);
        // With that provider chosen it works.
        err.reset();
        assertEquals(0, Main.execute("analyze", "--detector", "heuristic", "--option",
                "smallestFace=30", PHOTO), this::errText);
    }

    @Test
    void nameOfBothKindsNeedsAPrefixAndSyntaxIsChecked() {
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "minConfidence", PHOTO));
        assertTrue(errText().contains("--option needs NAME=VALUE, got 'minConfidence'"),
                this::errText);
        err.reset();
        assertEquals(Main.USAGE, Main.execute("analyze", "--option", "face.minConfidence=2",
                PHOTO));
        assertTrue(errText().contains("option minConfidence must be a number in [0, 1]"),
                this::errText);
    }

    @Test
    void evaluateRejectsABadOptionToo(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("happy"));
        Files.copy(Path.of(PHOTO), folder.resolve("happy").resolve("astronaut.jpg"));
        assertEquals(Main.USAGE, Main.execute("evaluate", "--option", "mode=fst",
                folder.toString()));
        assertTrue(errText().contains("option mode must be one of accurate, fast"),
                this::errText);
    }

    @Test
    void detectorsListsEachProvidersOptions() {
        assertEquals(0, Main.execute("detectors"), this::errText);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("mode               choice   accurate|fast    default accurate"),
                text);
        assertTrue(text.contains("minConfidence      decimal  [0, 1]           default 0.5"),
                text);
        assertTrue(text.contains("minConfidence      decimal  [0, 1]           default 0.35"),
                text);
        assertTrue(text.contains("threads            integer  [0, 256]         default 1"), text);
        assertTrue(text.contains("pauseSeconds       decimal  [0.05, 5]        default 0.3"),
                text);
    }
}
