package io.github.affect4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which detectors to use: the options of every command that analyses samples. */
class DetectorOptions {

    @Option(names = "--detector", paramLabel = "ID",
            description = "Use the provider with this id (e.g. heuristic) instead of the best "
                    + "available one.")
    String detector;

    @Option(names = "--voice-model", paramLabel = "FILE",
            description = "Read speech with this ONNX voice model (made by train-voice; its "
                    + ".card.properties next to it) on the onnx provider.")
    Path voiceModel;

    /** The detectors these options ask for, created on first use. */
    Detectors open() {
        return new Detectors(detector, voiceModel);
    }

    /**
     * Whether the user named what to use, so that an unavailable detector is a usage error
     * rather than a failure of the files.
     *
     * @param audio whether the voice detector is the one in question
     */
    boolean forced(boolean audio) {
        return detector != null || audio && voiceModel != null;
    }
}
