package io.github.affect4j.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that analyse files one by one. */
final class AnalysisOptions extends DetectorOptions {

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    boolean json;
}
