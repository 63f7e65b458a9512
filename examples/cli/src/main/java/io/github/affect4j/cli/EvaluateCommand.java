package io.github.affect4j.cli;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.Emotion;
import io.github.affect4j.evaluation.ConfusionMatrix;
import io.github.affect4j.media.InvalidMediaException;
import io.github.affect4j.media.MediaFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code affect4j evaluate DIR} or {@code affect4j evaluate --csv FILE}: runs the detectors over
 * labelled samples and reports accuracy, unweighted average recall, per-class recall, the
 * confusion matrix and the time per sample.
 *
 * <p>Images go through the face detector: the largest face it returns is the prediction, or
 * the whole image classified as one face when it returns none; how many images took each path
 * is counted ({@link ImagePath}: the detector itself may read a face crop whole, see
 * {@code --crops}). A face judged not assessable still
 * counts with its most probable label (counted). WAV files go through the voice detector: the
 * dominant label of the whole clip's affect, or "no speech" (a wrong answer, counted) when it
 * finds none. A dataset holding both images and audio is refused: the two are different
 * classifiers with different metrics, so they are evaluated from separate folders or CSV files.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure a detector on labelled samples: accuracy, unweighted average "
                + "recall (UAR), recall per class, confusion matrix, and milliseconds per sample "
                + "(wall time of the detector calls; reading and decoding files excluded).",
            "Samples are DIR/<label>/<file> (any depth below the label folder) or the rows "
                + "path,label of a CSV file (relative paths from the CSV's folder). Labels may be "
                + "synonyms (happy, angry, sad, fearful, surprised, disgusted, "
                + "calm->neutral, ...); files with other labels are counted and left out.",
            "Images (JPEG, PNG, BMP, GIF, TIFF) are read with the face detector: the largest face, "
                + "or the whole image when no face is found; the onnx detector reads an image "
                + "whole when it is a face crop (--crops). Images per path taken are counted. "
                + "WAV files are read with the voice "
                + "detector; a clip without speech counts as a wrong answer ('no speech'). "
                + "A dataset mixing images and audio is refused: evaluate each kind on its own."})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Folder with a sub-folder of samples per label.")
    Path dir;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "CSV file of path,label rows instead of DIR.")
    Path csv;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write one CSV row per sample to FILE: path, truth, predicted, "
                    + "top_probability, path_taken (face, crop-filled, crop-small, crop-no-face, "
                    + "crop-given, "
                    + "whole-image, speech, no-speech, error), assessable.")
    Path predictions;

    @Mixin
    DetectorOptions detection;

    @Override
    public Integer call() {
        if ((dir == null) == (csv == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either a folder DIR or --csv FILE, not " + (dir == null ? "neither"
                            : "both"));
        }
        try {
            return evaluate(System.out, System.err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int evaluate(PrintStream out, PrintStream err) throws IOException {
        String source = (dir != null ? dir : csv).toString();
        LabelledDataset dataset;
        try {
            dataset = dir != null ? LabelledDataset.fromFolder(dir) : LabelledDataset.fromCsv(csv);
        } catch (LabelledDataset.InvalidDatasetException e) {
            err.println("affect4j: evaluate: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("affect4j: evaluate: cannot list " + source + ": " + e.getMessage());
            return Main.FILE_FAILED;
        }
        if (dataset.samples().isEmpty()) {
            err.println("affect4j: evaluate: no samples with an emotion label in " + source
                    + (dataset.skipped() == 0 ? "" : " (" + dataset.skipped() + " file"
                    + (dataset.skipped() == 1 ? "" : "s") + " left out: labels "
                    + dataset.unmappedLabels().keySet() + (dataset.unlabelled() > 0
                    ? ", " + dataset.unlabelled() + " without a label" : "") + ")")
                    + "; expected DIR/<label>/<file> or path,label rows, labels such as "
                    + "happy, sad, angry, neutral");
            return Main.USAGE;
        }

        // Sort the samples by kind from their first bytes, before any detector is made.
        List<LabelledDataset.Sample> images = new ArrayList<>();
        List<LabelledDataset.Sample> clips = new ArrayList<>();
        List<LabelledDataset.Sample> unreadable = new ArrayList<>();
        int errors = 0;
        for (LabelledDataset.Sample sample : dataset.samples()) {
            try {
                MediaFormat format = MediaFormat.of(head(sample.file()));
                if (format.isImage()) {
                    images.add(sample);
                } else if (format.isAudio()) {
                    clips.add(sample);
                } else {
                    errors += error(err, sample, Files.size(sample.file()) == 0 ? "empty file"
                            : "neither an image (JPEG, PNG, BMP, GIF, TIFF) nor a WAV file");
                    unreadable.add(sample);
                }
            } catch (IOException e) {
                errors += error(err, sample, e.getMessage());
                unreadable.add(sample);
            }
        }
        if (!images.isEmpty() && !clips.isEmpty()) {
            err.printf(Locale.ROOT, "affect4j: evaluate: %s mixes %d image%s (e.g. %s) and %d WAV "
                    + "file%s (e.g. %s); evaluate each kind from its own folder or CSV file%n",
                    source, images.size(), images.size() == 1 ? "" : "s", images.get(0).name(),
                    clips.size(), clips.size() == 1 ? "" : "s", clips.get(0).name());
            return Main.USAGE;
        }
        EvaluationResult.Kind kind = clips.isEmpty() ? EvaluationResult.Kind.IMAGE
                : EvaluationResult.Kind.AUDIO;
        List<LabelledDataset.Sample> samples = clips.isEmpty() ? images : clips;
        if (detection.voiceModel != null && kind == EvaluationResult.Kind.IMAGE && !samples.isEmpty()) {
            err.println("affect4j: evaluate: --voice-model is not used: the samples are images");
        }

        PredictionLog log = null;
        if (predictions != null) {
            try {
                log = PredictionLog.create(predictions);
            } catch (IOException e) {
                err.println("affect4j: evaluate: cannot write --predictions " + predictions + ": "
                        + e.getMessage());
                return Main.FILE_FAILED;
            }
            for (LabelledDataset.Sample sample : unreadable) {
                log.failed(sample);
            }
        }

        SamplePredictor predictor;
        try {
            predictor = samples.isEmpty() ? null : predictor(kind);
        } catch (DetectorUnavailableException e) {
            closeQuietly(log);
            err.println("affect4j: " + e.getMessage());
            return detection.forced(kind == EvaluationResult.Kind.AUDIO) ? Main.USAGE
                    : Main.FILE_FAILED;
        } catch (InvalidOptionException e) {
            err.println("affect4j: " + e.getMessage());
            return Main.USAGE;
        }

        ConfusionMatrix.Builder tally = ConfusionMatrix.builder();
        long nanos = 0;
        int timed = 0;
        int wholeImage = 0;
        Map<ImagePath, Integer> paths = new EnumMap<>(ImagePath.class);
        if (kind == EvaluationResult.Kind.IMAGE) {
            for (ImagePath path : ImagePath.values()) {
                paths.put(path, 0);
            }
        }
        int notAssessable = 0;
        int scored = 0;
        double[] highest = new double[Emotion.values().length];
        try (predictor; PredictionLog rows = log) {
            if (predictor != null) {
                err.printf(Locale.ROOT, "affect4j: evaluating %d %s with detector %s%n",
                        samples.size(), kind.plural, predictor.detector().providerId());
            }
            for (LabelledDataset.Sample sample : samples) {
                SamplePredictor.Prediction prediction;
                try {
                    prediction = predictor.predict(InputFiles.read(sample.file()));
                } catch (InvalidMediaException e) {
                    errors += error(err, rows, sample, e.getMessage());
                    continue;
                } catch (IOException | IllegalArgumentException e) {
                    errors += error(err, rows, sample, e.getClass().getSimpleName() + ": "
                            + e.getMessage());
                    continue;
                } catch (AnalysisException e) {
                    errors += error(err, rows, sample, "analysis failed: " + e.getMessage());
                    continue;
                }
                if (rows != null) {
                    rows.predicted(sample, prediction, kind == EvaluationResult.Kind.IMAGE);
                }
                nanos += prediction.nanos();
                timed++;
                wholeImage += prediction.wholeImage() ? 1 : 0;
                if (prediction.path() != null) {
                    paths.merge(prediction.path(), 1, Integer::sum);
                }
                notAssessable += prediction.notAssessable() ? 1 : 0;
                if (prediction.emotion().isPresent()) {
                    tally.add(sample.truth(), prediction.emotion().get());
                } else {
                    tally.addNoPrediction(sample.truth());
                }
                if (prediction.scores() != null) {
                    scored++;
                    for (Emotion emotion : Emotion.values()) {
                        highest[emotion.ordinal()] = Math.max(highest[emotion.ordinal()],
                                prediction.scores().probability(emotion));
                    }
                }
            }
            Set<Emotion> neverScored = EnumSet.noneOf(Emotion.class);
            for (Emotion emotion : Emotion.values()) {
                if (scored > 0 && highest[emotion.ordinal()] == 0) {
                    neverScored.add(emotion);
                }
            }
            EvaluationResult result = new EvaluationResult(source, kind,
                    predictor == null ? null : predictor.detector(), tally.build(), nanos, timed,
                    wholeImage, paths, notAssessable, errors, dataset.unmappedLabels(),
                    dataset.unlabelled(), neverScored);
            if (json) {
                EvaluationReport.writeJson(result, out);
            } else {
                EvaluationReport.writeTable(result, out);
            }
        }
        return errors > 0 ? Main.FILE_FAILED : Main.OK;
    }

    /** Creates only the detector the kind needs; closing the predictor closes it. */
    private SamplePredictor predictor(EvaluationResult.Kind kind) {
        Detectors detectors = detection.open();
        return kind == EvaluationResult.Kind.IMAGE ? new SamplePredictor.Faces(detectors.face())
                : new SamplePredictor.Voices(detectors.voice());
    }

    private static void closeQuietly(PredictionLog log) {
        if (log != null) {
            try {
                log.close();
            } catch (IOException ignored) {
                // the run is failing already; its own error is the one to report
            }
        }
    }

    private static int error(PrintStream err, LabelledDataset.Sample sample, String reason) {
        err.println(sample.name() + ": error: " + reason);
        return 1;
    }

    /** {@link #error} for a sample that was being analysed, also logged as a prediction row. */
    private static int error(PrintStream err, PredictionLog rows, LabelledDataset.Sample sample,
                             String reason) {
        if (rows != null) {
            rows.failed(sample);
        }
        return error(err, sample, reason);
    }

    /** The first bytes of a file, enough for {@link MediaFormat#of}. */
    private static byte[] head(Path file) throws IOException {
        InputFiles.checkReadable(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        }
    }
}
