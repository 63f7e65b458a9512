package io.github.affect4j.cli;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.InvalidOptionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code affect4j analyze FILE...}: faces in images, speech in WAV files. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse images (JPEG, PNG, BMP, GIF, TIFF) and WAV audio; the kind is recognised "
                + "from each file's content. Files that fail are reported and skipped.")
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    AnalysisOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to analyse.")
    List<Path> files;

    @Override
    public Integer call() {
        return analyzeAll(options, files.stream().map(FileSource::new).toList(), System.out,
                System.err);
    }

    /** A named source of bytes: a file here, a bundled sample for the demo. */
    interface Source {
        String name();

        byte[] read() throws IOException;
    }

    private record FileSource(Path path) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public byte[] read() throws IOException {
            return InputFiles.read(path);
        }
    }

    static int analyzeAll(AnalysisOptions options, List<? extends Source> sources,
                          PrintStream out, PrintStream err) {
        Report report = options.json ? new JsonReport(out) : new TableReport(out, err);
        int exit = Main.OK;
        try (Detectors detectors = options.open()) {
            MediaAnalyzer analyzer = new MediaAnalyzer(detectors);
            for (Source source : sources) {
                MediaAnalyzer.Outcome outcome;
                try {
                    outcome = analyzer.analyze(source.name(), source.read());
                } catch (IOException e) {
                    outcome = MediaAnalyzer.Outcome.failed(source.name(), e.getMessage());
                }
                if (!outcome.ok()) {
                    exit = Main.FILE_FAILED;
                    if (options.json) {
                        err.println(outcome.name() + ": error: " + outcome.error());
                    }
                }
                report.write(outcome);
            }
        } catch (DetectorUnavailableException e) {
            err.println("affect4j: " + e.getMessage());
            return options.forced(true) ? Main.USAGE : Main.FILE_FAILED;
        } catch (InvalidOptionException e) {
            err.println("affect4j: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exit;
    }
}
