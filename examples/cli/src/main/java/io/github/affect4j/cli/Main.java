package io.github.affect4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code affect4j} command: analyse images and audio for emotion from the command line. */
@Command(name = "affect4j", mixinStandardHelpOptions = true, version = "affect4j 0.1.0",
        description = "Reads emotion from faces in images and from speech in WAV files.",
        subcommands = {AnalyzeCommand.class, DemoCommand.class, DetectorsCommand.class,
            EvaluateCommand.class, TrainVoiceCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was analysed", "1:a file could not be read or analysed",
            "2:usage error"})
public final class Main implements Runnable {

    /** Exit code when every file was analysed. */
    static final int OK = 0;
    /** Exit code when at least one file failed. */
    static final int FILE_FAILED = 1;
    /** Exit code for usage errors. */
    static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: analyze, demo, detectors, evaluate or train-voice");
    }
}
