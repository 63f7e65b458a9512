package io.github.affect4j.media;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled sample files, found through the {@code affect4j.samples.dir} system property. */
final class Samples {

    private Samples() {
    }

    static Path file(String name) {
        String dir = System.getProperty("affect4j.samples.dir");
        Path path = (dir != null ? Path.of(dir) : Path.of("..", "examples", "samples")).resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("sample " + path + " not found; set the system property"
                    + " affect4j.samples.dir to the examples/samples folder");
        }
        return path;
    }
}
