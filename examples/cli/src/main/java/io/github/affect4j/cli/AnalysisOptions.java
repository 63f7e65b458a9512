package io.github.affect4j.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that analyse files. */
final class AnalysisOptions {

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    boolean json;

    @Option(names = "--detector", paramLabel = "ID",
            description = "Use the provider with this id (e.g. heuristic) instead of the best "
                    + "available one.")
    String detector;

    @Option(names = "--voice-model", paramLabel = "FILE",
            description = "Read speech with this ONNX voice model (made by train-voice; its "
                    + ".card.properties next to it) on the onnx provider.")
    java.nio.file.Path voiceModel;
}
