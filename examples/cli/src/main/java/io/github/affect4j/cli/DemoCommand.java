package io.github.affect4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code affect4j demo}: analyses the bundled sample photo and speech clip. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Analyse the bundled samples: a portrait photo (NASA, public domain) and a "
                + "read-speech clip (LibriVox, public domain).")
final class DemoCommand implements Callable<Integer> {

    static final List<String> SAMPLES = List.of("astronaut.jpg", "speech.wav");

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() {
        return AnalyzeCommand.analyzeAll(options,
                SAMPLES.stream().map(SampleSource::new).toList(), System.out, System.err);
    }

    private record SampleSource(String name) implements AnalyzeCommand.Source {
        @Override
        public byte[] read() throws IOException {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    throw new IOException("bundled sample " + name + " is missing from the jar");
                }
                return in.readAllBytes();
            }
        }
    }
}
