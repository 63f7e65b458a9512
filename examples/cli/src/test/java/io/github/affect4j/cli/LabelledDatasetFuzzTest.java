package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.affect4j.cli.LabelledDataset.InvalidDatasetException;
import io.github.affect4j.cli.LabelledDataset.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target of {@code evaluate --csv}: any bytes as the CSV either give a dataset of absolute
 * paths with mapped labels, or fail with the documented {@link InvalidDatasetException} (a
 * usage error, exit 2). Corpus under
 * {@code src/test/resources/io/github/affect4j/cli/LabelledDatasetFuzzTestInputs/readCsv/}.
 */
class LabelledDatasetFuzzTest {

    private static Path dir;
    private static Path csv;

    @BeforeAll
    static void scratch() throws IOException {
        dir = Files.createTempDirectory("affect4j-csv-fuzz");
        csv = dir.resolve("data.csv");
    }

    @AfterAll
    static void clean() throws IOException {
        Files.deleteIfExists(csv);
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readCsv(byte[] data) {
        try {
            Files.write(csv, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabelledDataset dataset;
        try {
            dataset = LabelledDataset.fromCsv(csv);
        } catch (InvalidDatasetException expected) {
            return;
        }
        for (Sample sample : dataset.samples()) {
            assertTrue(sample.file().isAbsolute(), sample::toString);
            assertTrue(!sample.label().isBlank(), sample::toString);
        }
        assertTrue(dataset.skipped() >= 0);
    }
}
