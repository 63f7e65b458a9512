package io.github.affect4j.cli;

import io.github.affect4j.voice.onnx.VoiceModelCard;
import io.github.affect4j.voice.training.Augmentation;
import io.github.affect4j.voice.training.LabelScheme;
import io.github.affect4j.voice.training.VoiceCorpus;
import io.github.affect4j.voice.training.VoiceTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code affect4j train-voice --data DIR --out model.onnx}: trains a voice emotion model. */
@Command(name = "train-voice", mixinStandardHelpOptions = true,
        description = {"Train a voice emotion classifier on labelled recordings, report "
                + "speaker-independent cross-validation, and write the ONNX model and its card "
                + "(model.card.properties next to model.onnx).",
            "Labels and speakers come from the paths: DIR/<label>/*.wav, or the file names of "
                + "RAVDESS (03-01-05-01-02-01-12.wav), EmoDB (03a01Fa.wav), CREMA-D "
                + "(1001_DFA_ANG_XX.wav) or TESS (OAF_back_angry.wav)."})
final class TrainVoiceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder of labelled .wav recordings (searched recursively).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the ONNX model, e.g. model.onnx.")
    Path out;

    @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "auto",
            description = "How labels are read: auto, ravdess, emodb, crema-d, tess or folder "
                    + "(default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--speaker-pattern", paramLabel = "REGEX",
            description = "Regular expression finding the speaker in a file name (group "
                    + "'speaker', else group 1); needed for speaker-independent folds with "
                    + "folder labels.")
    String speakerPattern;

    @Option(names = "--speaker-norm",
            description = "Speaker normalisation that cannot hurt a single clip: also train a "
                    + "speaker-centred model, written beside the first (NAME.centred.onnx), that "
                    + "the detector blends in once it has heard enough of a speaker's earlier "
                    + "speech; single clips read exactly as without it.")
    boolean speakerNorm;

    @Option(names = "--classifier", paramLabel = "NAME", defaultValue = "linear",
            description = "linear (logistic regression, AdaGrad), fm (factorisation machine), "
                    + "liblinear (L2 logistic regression, --cost), svm (RBF kernel, --cost, "
                    + "--gamma) or ensemble (svm and linear averaged) (default: ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--learning-rate", defaultValue = "0.1", description = "AdaGrad's initial "
            + "learning rate for linear and fm (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--cost", defaultValue = "1", description = "Regularisation cost C of "
            + "liblinear and svm (default: ${DEFAULT-VALUE}).")
    double cost;

    @Option(names = "--gamma", defaultValue = "0", description = "RBF kernel width of svm, 0 for "
            + "1 / number of features (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--augment", paramLabel = "SPEC", defaultValue = "none",
            description = "Perturbed copies of the training recordings (never of test folds), "
                    + "e.g. speed=0.9:1.1,noise=20:10 (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--leave-out", paramLabel = "LABEL", split = ",",
            description = "Labels to leave out as written in the names, e.g. calm (RAVDESS calm "
                    + "is otherwise read as neutral).")
    java.util.List<String> leaveOut = new java.util.ArrayList<>();

    @Option(names = "--train-only", paramLabel = "LABEL", split = ",",
            description = "Labels, as written in the names, whose recordings train but are never "
                    + "tested in cross-validation, e.g. calm (read as neutral).")
    java.util.List<String> trainOnly = new java.util.ArrayList<>();

    @Option(names = "--limit", defaultValue = "3", description = "Cut standardised features off "
            + "at this many standard deviations, so that speech unlike the training data cannot "
            + "saturate the model (default: ${DEFAULT-VALUE}).")
    double limit;

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Leave out the features whose names match REGEX entirely, e.g. "
                    + "'mfcc\\d+\\.delta\\.stddev'.")
    String exclude;

    @Option(names = "--balanced",
            description = "Weigh every class the same in training, whatever its count.")
    boolean balanced;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "Keep extracted features in FILE between runs (keyed by file SHA-256, "
                    + "feature-set version and augmentation variant).")
    Path cache;

    @Option(names = "--allow-speaker-dependent",
            description = "Train even when no speakers can be found in the names, with "
                    + "cross-validation over recordings (overstates accuracy on new speakers).")
    boolean allowSpeakerDependent;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds "
            + "(default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--epochs", defaultValue = "40", description = "Training epochs "
            + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Feature extraction threads (default: all "
            + "processors).")
    Integer threads;

    @Option(names = "--name", description = "Model name in the card (default: the file name).")
    String name;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        LabelScheme labelScheme;
        VoiceTrainer trainer;
        Pattern pattern = null;
        try {
            labelScheme = LabelScheme.valueOf(scheme.trim().toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
            if (speakerPattern != null) {
                pattern = Pattern.compile(speakerPattern);
            }
            String modelName = name != null ? name
                    : out.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
            VoiceTrainer.Builder builder = VoiceTrainer.builder()
                    .classifier(VoiceTrainer.Classifier.valueOf(classifier.trim()
                            .toUpperCase(Locale.ROOT)))
                    .folds(folds).epochs(epochs).seed(seed).speakerNormalisation(speakerNorm)
                    .learningRate(learningRate).cost(cost).gamma(gamma)
                    .augmentation(Augmentation.parse(augment)).cache(cache)
                    .allowSpeakerDependent(allowSpeakerDependent).balanced(balanced)
                    .limit(limit)
                    .exclude(exclude != null ? Pattern.compile(exclude) : null)
                    .name(modelName);
            if (threads != null) {
                builder.threads(threads);
            }
            trainer = builder.build();
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--speaker-pattern is not a regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            VoiceCorpus corpus = VoiceCorpus.scan(data, labelScheme, pattern,
                    java.util.Set.copyOf(leaveOut), java.util.Set.copyOf(trainOnly));
            System.out.printf(Locale.ROOT, "%d labelled recordings under %s, %d speakers; "
                    + "extracting features...%n", corpus.recordings().size(), data,
                    corpus.speakerCount());
            if (corpus.speakerCount() < 2) {
                err.println("affect4j: train-voice: WARNING: " + (corpus.speakerCount() == 0
                        ? "no speaker found in the file names" : "only one speaker found")
                        + (allowSpeakerDependent ? "; cross-validation will NOT be "
                        + "speaker-independent and overstates accuracy on new speakers"
                        : "; refusing (give --speaker-pattern, or --allow-speaker-dependent)"));
            }
            long start = System.nanoTime();
            VoiceTrainer.Result result = trainer.train(corpus);
            System.out.print(result.report());
            result.model().save(out);
            String centred = result.model().cardFor(out).centredModel()
                    .map(c -> ", " + out.resolveSibling(c.file()) + " and its card").orElse("");
            System.out.printf(Locale.ROOT, "wrote %s and %s%s (%.1f s)%n", out,
                    VoiceModelCard.cardPath(out), centred, (System.nanoTime() - start) / 1e9);
            return Main.OK;
        } catch (IllegalArgumentException e) {
            err.println("affect4j: train-voice: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("affect4j: train-voice: " + e.getMessage());
            return Main.FILE_FAILED;
        }
    }
}
