package io.github.affect4j.voice.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feature model trained on the synthetic corpus, committed under
 * {@code src/test/resources/io/github/affect4j/voice/trained/} (see the README there for the
 * command that made it), copied once per test JVM to a temporary folder so tests can pass it as
 * a file like a user would.
 */
final class FixtureModels {

    private static final String DIR = "/io/github/affect4j/voice/trained/";
    private static Path synthetic;

    private FixtureModels() {
    }

    /** A linear, speaker-normalised model over the synthetic corpus's four labels; its .onnx path. */
    static synchronized Path syntheticModel() {
        if (synthetic == null) {
            try {
                Path dir = Files.createTempDirectory("affect4j-voice-test");
                dir.toFile().deleteOnExit();
                Path onnx = copy(dir, "synthetic.onnx");
                copy(dir, "synthetic.card.properties");
                synthetic = onnx;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return synthetic;
    }

    private static Path copy(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = FixtureModels.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + DIR + name + " is missing");
            }
            Files.copy(in, target);
        }
        target.toFile().deleteOnExit();
        return target;
    }
}
