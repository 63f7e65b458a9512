package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import io.github.affect4j.evaluation.ConfusionMatrix;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.ClipFeatures;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.onnx.VoiceModelCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains voice-emotion classifiers over the acoustic feature vector with Tribuo, reports
 * speaker-independent cross-validation, and returns a model that exports to ONNX.
 *
 * <pre>{@code
 * VoiceCorpus corpus = VoiceCorpus.scan(Path.of("ravdess"), LabelScheme.AUTO, null);
 * VoiceTrainer.Result result = VoiceTrainer.builder().speakerNormalisation(true).build()
 *         .train(corpus);
 * System.out.println(result.crossValidation().toTable());
 * result.model().save(Path.of("model.onnx"));   // and model.card.properties
 * }</pre>
 *
 * <h2>What it does</h2>
 * <ol>
 *   <li>Extracts the {@link FeatureSet} vector of every recording's speech (in parallel);
 *       recordings without speech are skipped and counted.</li>
 *   <li>With speaker normalisation, trains two classifiers: the plain one exactly as without
 *       normalisation (so single clips read exactly as without it), and a speaker-centred one on
 *       every training recording as the detector would centre it after 1, 2, 8 and 32 earlier
 *       recordings of its speaker, on a baseline shrunk toward the population mean
 *       ({@link RuntimeCentring}). Test recordings are read on their own (the main figures:
 *       the plain classifier's) and, in addition, as a stream per test speaker, where the
 *       centred classifier is blended in once enough of the speaker was heard; when, and how
 *       fast, is chosen on those streams from a small grid and written into the card
 *       ({@link VoiceModelCard.CentredModel}).</li>
 *   <li>With augmentation, adds perturbed copies of the training recordings to every training
 *       part (never to a test part).</li>
 *   <li>Cross-validates with folds grouped by speaker: no speaker is in the training and the
 *       test part of a fold. Speakers are dealt to {@code folds} folds (leave-one-speaker-out
 *       when there are fewer speakers). Without speakers it falls back to stratified folds over
 *       recordings, and says so: such figures overstate what a new speaker will see.</li>
 *   <li>Each fold and the final model impute NaN with the training means, standardise with the
 *       training mean and standard deviation, and train Tribuo's classifier: multinomial
 *       logistic regression ({@code linear}, {@link LinearSGDTrainer} with AdaGrad) or a
 *       factorisation machine ({@code fm}).</li>
 * </ol>
 *
 * <p>Deterministic for a given seed, corpus and thread count. Instances are immutable and
 * thread-safe.
 */
public final class VoiceTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceTrainer.class);

    /**
     * Tribuo logs every training run at INFO through java.util.logging, which would print two
     * lines per fold to the console of a command-line run. Held strongly: JUL keeps loggers
     * weakly, and a collected logger would forget its level.
     */
    private static final java.util.logging.Logger TRIBUO_SGD_LOG = quiet(
            "org.tribuo.common.sgd.AbstractSGDTrainer");

    static {
        // LIBSVM prints its optimiser's progress to standard output unless told otherwise.
        libsvm.svm.svm_set_print_string_function(text -> { });
    }

    /** Classifiers the trainer can fit. */
    public enum Classifier {
        /** Multinomial logistic regression. */
        LINEAR,
        /** A factorisation machine with a softmax output: pairwise feature interactions. */
        FM,
        /**
         * L2-regularised logistic regression solved exactly by LIBLINEAR (one versus rest),
         * regularisation set by {@link Builder#cost}.
         */
        LIBLINEAR,
        /**
         * A C-SVM with a Gaussian (RBF) kernel by LIBSVM (one versus one, probabilities by Platt
         * scaling), set by {@link Builder#cost} and {@link Builder#gamma}.
         */
        SVM,
        /**
         * The average of the class probabilities of {@code svm} and {@code linear}, trained on
         * the same data (Tribuo's weighted ensemble, equal weights).
         */
        ENSEMBLE
    }

    private final Classifier classifier;
    private final int folds;
    private final int epochs;
    private final double learningRate;
    private final long seed;
    private final boolean speakerNormalisation;
    private final double priorSeconds;
    private final int threads;
    private final String name;
    private final double cost;
    private final double gamma;
    private final Augmentation augmentation;
    private final Path cache;
    private final boolean allowSpeakerDependent;
    private final boolean balanced;
    private final double limit;
    private final java.util.regex.Pattern exclude;

    private VoiceTrainer(Builder b) {
        this.classifier = b.classifier;
        this.folds = b.folds;
        this.epochs = b.epochs;
        this.learningRate = b.learningRate;
        this.seed = b.seed;
        this.speakerNormalisation = b.speakerNormalisation;
        this.priorSeconds = b.priorSeconds;
        this.threads = b.threads;
        this.name = b.name;
        this.cost = b.cost;
        this.gamma = b.gamma;
        this.augmentation = b.augmentation;
        this.cache = b.cache;
        this.allowSpeakerDependent = b.allowSpeakerDependent;
        this.balanced = b.balanced;
        this.limit = b.limit;
        this.exclude = b.exclude;
    }

    /**
     * {@return a builder with the defaults: linear, 5 folds, 40 epochs, seed 1, no speaker norm}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outcome of training.
     *
     * @param model the model trained on all recordings
     * @param crossValidation the pooled predictions of the cross-validation folds, each test
     *     recording read on its own, as the detector reads a single clip
     * @param streamCrossValidation with speaker normalisation, the same test recordings read as
     *     streams: each test speaker's recordings one after another (in a seeded random order),
     *     each read by the plain classifier until enough of the speaker was heard, then with the
     *     speaker-centred one blended in as at run time, the blend chosen on the other folds'
     *     streams; empty without normalisation (the plain reading of a stream is that of its
     *     clips alone: {@code crossValidation})
     * @param speakerIndependent whether the folds were grouped by speaker
     * @param folds the number of folds used
     * @param speakers the number of speakers, 0 when unknown
     * @param skipped recordings left out, by reason
     * @param foldUars the single-clip UAR of each fold's test part, in fold order, so that the
     *     spread between folds shows how much of a difference between two settings is noise
     * @param streamFoldUars the same for the streams, empty without speaker normalisation
     * @param blend with speaker normalisation, the blend written into the card and the streams
     *     read with it and by the centred classifier alone; empty without normalisation
     */
    public record Result(TrainedVoiceModel model, ConfusionMatrix crossValidation,
                         Optional<ConfusionMatrix> streamCrossValidation,
                         boolean speakerIndependent, int folds, int speakers,
                         Map<String, Integer> skipped, List<Double> foldUars,
                         List<Double> streamFoldUars, Optional<Blend> blend) {

        /**
         * Copies the lists.
         *
         * @param model as the record component
         * @param crossValidation as the record component
         * @param streamCrossValidation as the record component
         * @param speakerIndependent as the record component
         * @param folds as the record component
         * @param speakers as the record component
         * @param skipped as the record component
         * @param foldUars as the record component (copied)
         * @param streamFoldUars as the record component (copied)
         * @param blend as the record component
         * @throws NullPointerException if a list or the blend is null
         */
        public Result {
            foldUars = List.copyOf(foldUars);
            streamFoldUars = List.copyOf(streamFoldUars);
            Objects.requireNonNull(blend, "blend");
        }

        /** {@return a readable report: data, cross-validation table, card} */
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d recordings, %d speakers, labels %s%n",
                    crossValidation.samples(), speakers, model.labels()));
            if (!skipped.isEmpty()) {
                b.append("skipped: ").append(skipped).append('\n');
            }
            b.append(speakerIndependent
                    ? String.format(Locale.ROOT, "speaker-independent cross-validation, %d folds "
                            + "grouped by speaker:%n", folds)
                    : String.format(Locale.ROOT, "WARNING: cross-validation over recordings, %d "
                            + "folds, NOT speaker-independent (no speakers known): these figures "
                            + "overstate what a new speaker will see%n",
                            folds));
            b.append("each recording read on its own (single clips):\n");
            b.append(crossValidation.toTable());
            b.append(foldLine(foldUars));
            streamCrossValidation.ifPresent(stream -> {
                b.append("each test speaker's recordings read as one stream (normalised reading: "
                        + "the plain classifier until enough of the speaker was heard, then the "
                        + "speaker-centred one blended in, the blend chosen on the other folds' "
                        + "streams):\n");
                b.append(stream.toTable());
                b.append(foldLine(streamFoldUars));
            });
            blend.ifPresent(bl -> {
                double single = crossValidation.uar();
                b.append(String.format(Locale.ROOT, "speaker normalisation, UAR:%n"
                        + "                       single clips  streams%n"
                        + "  plain reading          %.3f        %.3f%n"
                        + "  normalised reading     %.3f        %.3f%n",
                        single, single, single, streamCrossValidation.orElseThrow().uar()));
                b.append(String.format(Locale.ROOT, "  (single clips and the first of a stream "
                        + "are read by the plain classifier, the one trained without "
                        + "normalisation; a plain stream reads each clip alone)%n"
                        + "card: centred classifier after %s s of the speaker's earlier speech, "
                        + "blended in over %s s (chosen on all folds' streams: %.3f); the centred"
                        + " classifier alone from each speaker's 2nd recording: streams %.3f%n",
                        seconds(bl.switchSeconds()), seconds(bl.blendSeconds()),
                        bl.chosen().uar(), bl.centredAlone().uar()));
            });
            return b.toString();
        }

        private static String seconds(double s) {
            return s > 0 && s < 0.01 ? String.format(Locale.ROOT, "%.3f", s)
                    : String.format(Locale.ROOT, "%.0f", s);
        }

        private static String foldLine(List<Double> uars) {
            if (uars.isEmpty()) {
                return "";
            }
            double mean = uars.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = uars.stream().mapToDouble(u -> (u - mean) * (u - mean)).sum();
            double sd = uars.size() > 1 ? Math.sqrt(ss / (uars.size() - 1)) : 0;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "UAR per fold: mean %.3f, sd %.3f (", mean, sd));
            for (int i = 0; i < uars.size(); i++) {
                b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", uars.get(i)));
            }
            return b.append(")\n").toString();
        }
    }

    /**
     * Extracts features from every recording of a corpus and trains.
     *
     * @param corpus the labelled recordings
     * @return the model and its cross-validation
     * @throws IOException if a recording cannot be read
     * @throws IllegalArgumentException if fewer than two labels or too few recordings remain
     */
    public Result train(VoiceCorpus corpus) throws IOException {
        Map<String, Integer> skipped = new TreeMap<>(corpus.skipped());
        checkSpeakers(corpus.recordings().stream().map(LabelledRecording::speaker).toList());
        FeatureCache featureCache = cache != null ? FeatureCache.open(cache) : null;
        List<List<LabelledFeatures>> extracted = extract(corpus.recordings(), threads,
                featureCache, augmentation, reason -> skipped.merge(reason, 1, Integer::sum));
        List<LabelledFeatures> samples = extracted.get(0);
        // Insertion order: training examples must come in the same order on every run (a
        // record's hash includes an enum's identity hash, so a HashMap's order would not).
        Map<LabelledRecording, List<LabelledFeatures>> copies = new LinkedHashMap<>();
        List<String> variants = augmentation.variants();
        for (int v = 0; v < variants.size(); v++) {
            String variant = variants.get(v);
            for (LabelledFeatures f : extracted.get(v + 1)) {
                LabelledRecording r = f.recording();
                // The copy is its own "speaker" for centring: a speed change shifts the
                // speaker's pitch, which centring on the original speaker would keep.
                LabelledRecording copy = new LabelledRecording(r.file(), r.emotion(),
                        r.speaker().map(sp -> sp + "#" + variant).orElse(null));
                copies.computeIfAbsent(r, x -> new ArrayList<>())
                        .add(new LabelledFeatures(copy, f.values(), f.speechSeconds()));
            }
        }
        return train(samples, copies, corpus.trainOnly(), skipped);
    }

    /**
     * Refuses recordings without speakers unless speaker-dependent figures were asked for: a
     * cross-validation that puts one speaker's recordings in both parts of a fold measures how
     * well the model knows that speaker, not how it will do on a new one.
     */
    private void checkSpeakers(List<Optional<String>> speakers) {
        long without = speakers.stream().filter(Optional::isEmpty).count();
        long distinct = speakers.stream().flatMap(Optional::stream).distinct().count();
        if (without == 0 && distinct >= 2) {
            return;
        }
        String problem = without > 0
                ? without + " of " + speakers.size() + " recordings name no speaker"
                : "all recordings are of one speaker";
        String message = problem + ": cross-validation cannot be speaker-independent and would "
                + "overstate what a new speaker will see; name speakers with a speaker pattern "
                + "(--speaker-pattern) or allow speaker-dependent figures "
                + "(--allow-speaker-dependent)";
        if (!allowSpeakerDependent) {
            throw new IllegalArgumentException(message);
        }
        LOG.warn("{} (allowed: cross-validating over recordings)", problem);
    }

    /**
     * Trains on vectors already extracted.
     *
     * @param samples the labelled feature vectors
     * @return the model and its cross-validation
     * @throws IllegalArgumentException if fewer than two labels or too few samples are given
     */
    public Result train(List<LabelledFeatures> samples) {
        checkSpeakers(samples.stream().map(LabelledFeatures::speaker).toList());
        return train(samples, Map.of(), Set.of(), Map.of());
    }

    private Result train(List<LabelledFeatures> samples,
                         Map<LabelledRecording, List<LabelledFeatures>> copies,
                         Set<Path> trainOnly, Map<String, Integer> skipped) {
        FeatureSet set = FeatureSet.current();
        for (LabelledFeatures s : samples) {
            if (s.values().length != set.size()) {
                throw new IllegalArgumentException(s.recording().file() + ": " + s.values().length
                        + " features, expected " + set.size() + " (" + set.version() + ")");
            }
        }
        List<Emotion> labels = new ArrayList<>(new TreeSet<>(samples.stream()
                .map(LabelledFeatures::emotion).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need recordings of at least two emotions, got "
                    + labels);
        }
        double[] population = nanMean(samples.stream().map(LabelledFeatures::values).toList(),
                set.size());
        // Vectors stay as extracted; speaker normalisation centres them per training part
        // (RuntimeCentring) and per test speaker as the detector would.
        List<LabelledFeatures> data = samples;
        Map<LabelledRecording, List<LabelledFeatures>> extra = copies;

        boolean bySpeaker = samples.stream().allMatch(s -> s.speaker().isPresent());
        Set<String> speakerSet = new TreeSet<>();
        samples.forEach(s -> s.speaker().ifPresent(speakerSet::add));
        List<String> speakers = new ArrayList<>(speakerSet);
        if (bySpeaker && speakers.size() < 2) {
            bySpeaker = false;
        }
        int k = bySpeaker ? Math.min(folds, speakers.size()) : Math.min(folds, samples.size());
        int[] fold = bySpeaker ? speakerFolds(data, speakers, k) : stratifiedFolds(data, labels, k);

        List<Emotion> truth = new ArrayList<>();
        List<Emotion> predicted = new ArrayList<>();
        List<StreamItem> streamItems = new ArrayList<>();
        List<Double> foldUars = new ArrayList<>();
        List<Double> streamFoldUars = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<LabelledFeatures> train = new ArrayList<>();
            List<LabelledFeatures> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    if (!trainOnly.contains(samples.get(i).recording().file())) {
                        test.add(data.get(i));
                    }
                } else {
                    train.add(data.get(i));
                    train.addAll(extra.getOrDefault(samples.get(i).recording(), List.of()));
                }
            }
            if (test.isEmpty() || train.stream().map(LabelledFeatures::emotion).distinct()
                    .count() < 2) {
                continue;
            }
            // The plain classifier is trained exactly as without speaker normalisation, so the
            // single-clip figures of a normalised model are those of a model without it.
            TrainedVoiceModel model = fit(train, set, population, "fold" + f, Map.of(),
                    Optional.empty());
            int from = truth.size();
            for (LabelledFeatures s : test) {
                truth.add(s.emotion());
                predicted.add(model.predict(s.values()));
            }
            foldUars.add(ConfusionMatrix.of(truth.subList(from, truth.size()),
                    predicted.subList(from, predicted.size())).uar());
            if (speakerNormalisation) {
                TrainedVoiceModel centred = fitCentred(train, set, population, "fold" + f
                        + "-centred", Map.of());
                readAsStreams(model, centred, test, population, labels, f, streamItems);
            }
            LOG.debug("fold {}: trained on {}, tested on {}", f, train.size(), test.size());
        }
        ConfusionMatrix cv = ConfusionMatrix.of(truth, predicted);
        Optional<ConfusionMatrix> streamCv = Optional.empty();
        Optional<Blend> blend = Optional.empty();
        if (speakerNormalisation && !streamItems.isEmpty()) {
            BlendChoice chosen = BlendChoice.best(streamItems, -1, labels);
            // The reported stream figure of each fold uses the blend chosen on the other folds'
            // streams, so that the choice is not scored on the speakers it was made on.
            List<Emotion> streamTruth = new ArrayList<>();
            List<Emotion> streamPredicted = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                int fold0 = f;
                List<StreamItem> part = streamItems.stream().filter(i -> i.fold() == fold0)
                        .toList();
                if (part.isEmpty()) {
                    continue;
                }
                BlendChoice choice = BlendChoice.best(streamItems, f, labels);
                int streamFrom = streamTruth.size();
                for (StreamItem item : part) {
                    streamTruth.add(item.truth());
                    streamPredicted.add(item.predict(choice, labels));
                }
                streamFoldUars.add(ConfusionMatrix.of(
                        streamTruth.subList(streamFrom, streamTruth.size()),
                        streamPredicted.subList(streamFrom, streamPredicted.size())).uar());
            }
            streamCv = Optional.of(ConfusionMatrix.of(streamTruth, streamPredicted));
            BlendChoice centredAlone = new BlendChoice(BlendChoice.ANY_SPEECH, 0);
            blend = Optional.of(new Blend(chosen.switchSeconds(), chosen.blendSeconds(),
                    ConfusionMatrix.of(streamItems.stream().map(StreamItem::truth).toList(),
                            streamItems.stream().map(i -> i.predict(chosen, labels)).toList()),
                    ConfusionMatrix.of(streamItems.stream().map(StreamItem::truth).toList(),
                            streamItems.stream().map(i -> i.predict(centredAlone, labels))
                                    .toList())));
        }

        Map<String, String> training = new LinkedHashMap<>();
        training.put("samples", Integer.toString(samples.size()));
        training.put("speakers", Integer.toString(speakers.size()));
        training.put("classifier", classifier.name().toLowerCase(Locale.ROOT));
        switch (classifier) {
            case LINEAR, FM -> {
                training.put("epochs", Integer.toString(epochs));
                training.put("learningRate", Double.toString(learningRate));
            }
            case LIBLINEAR -> training.put("cost", Double.toString(cost));
            case SVM -> {
                training.put("cost", Double.toString(cost));
                training.put("gamma", Double.toString(effectiveGamma(set)));
            }
            case ENSEMBLE -> {
                training.put("epochs", Integer.toString(epochs));
                training.put("learningRate", Double.toString(learningRate));
                training.put("cost", Double.toString(cost));
                training.put("gamma", Double.toString(effectiveGamma(set)));
            }
            default -> throw new IllegalStateException(classifier.name());
        }
        training.put("speakerNormalisation", Boolean.toString(speakerNormalisation));
        training.put("augmentation", augmentation.toString());
        training.put("balanced", Boolean.toString(balanced));
        training.put("limit", Double.toString(limit));
        if (exclude != null) {
            training.put("exclude", exclude.pattern());
        }
        if (!trainOnly.isEmpty()) {
            training.put("cv.trainOnly", Integer.toString(trainOnly.size()));
        }
        training.put("seed", Long.toString(seed));
        training.put("library", "Tribuo " + org.tribuo.Tribuo.VERSION);
        training.put("cv.folds", Integer.toString(k));
        training.put("cv.grouping", bySpeaker ? "speaker" : "recording (not speaker-independent)");
        training.put("cv.accuracy", String.format(Locale.ROOT, "%.4f", cv.accuracy()));
        training.put("cv.uar", String.format(Locale.ROOT, "%.4f", cv.uar()));
        cv.recallPerClass().forEach((e, r) -> training.put("cv.recall." + e.label(),
                String.format(Locale.ROOT, "%.4f", r)));
        streamCv.ifPresent(stream -> {
            training.put("cv.stream.accuracy", String.format(Locale.ROOT, "%.4f",
                    stream.accuracy()));
            training.put("cv.stream.uar", String.format(Locale.ROOT, "%.4f", stream.uar()));
        });
        blend.ifPresent(b -> {
            training.put("cv.stream.centredAlone.uar", String.format(Locale.ROOT, "%.4f",
                    b.centredAlone().uar()));
            training.put("cv.stream.chosenBlend.uar", String.format(Locale.ROOT, "%.4f",
                    b.chosen().uar()));
        });
        Map<Emotion, Long> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.emotion(), 1L, Long::sum));
        counts.forEach((e, n) -> training.put("count." + e.label(), Long.toString(n)));
        List<LabelledFeatures> all = new ArrayList<>(data);
        extra.values().forEach(all::addAll);
        Optional<TrainedVoiceModel.Centred> centred = Optional.empty();
        if (speakerNormalisation) {
            // Without streams to choose on (one speaker, or none known), the centred
            // classifier waits for a minute of speech: late enough to rest on the speaker.
            double switchSeconds = blend.map(Blend::switchSeconds).orElse(60.0);
            double blendSeconds = blend.map(Blend::blendSeconds).orElse(0.0);
            centred = Optional.of(new TrainedVoiceModel.Centred(fitCentred(all, set, population,
                    name + "-centred", Map.of()), switchSeconds, blendSeconds));
        }
        TrainedVoiceModel model = fit(all, set, population, name, training, centred);
        return new Result(model, cv, streamCv, bySpeaker, k, speakers.size(), skipped, foldUars,
                streamFoldUars, blend);
    }

    /** The speaker-centred classifier: trained on copies centred as the run time would. */
    private TrainedVoiceModel fitCentred(List<LabelledFeatures> train, FeatureSet set,
                                         double[] population, String modelName,
                                         Map<String, String> training) {
        return fit(RuntimeCentring.trainingCopies(train, population, priorSeconds, seed), set,
                population, modelName, training, VoiceModelCard.Normalisation.SPEAKER_MEAN,
                Optional.empty());
    }

    private TrainedVoiceModel fit(List<LabelledFeatures> train, FeatureSet set, double[] population,
                                  String modelName, Map<String, String> training,
                                  Optional<TrainedVoiceModel.Centred> centred) {
        return fit(train, set, population, modelName, training, centred.isPresent()
                ? VoiceModelCard.Normalisation.SPEAKER_BLEND : VoiceModelCard.Normalisation.NONE,
                centred);
    }

    private TrainedVoiceModel fit(List<LabelledFeatures> train, FeatureSet set, double[] population,
                                  String modelName, Map<String, String> training,
                                  VoiceModelCard.Normalisation normalisation,
                                  Optional<TrainedVoiceModel.Centred> centred) {
        int n = set.size();
        double[] mean = nanMean(train.stream().map(LabelledFeatures::values).toList(), n);
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(mean[j])) {
                mean[j] = 0; // never measured in training: the feature carries nothing
            }
        }
        double[] std = new double[n];
        for (LabelledFeatures s : train) {
            double[] v = s.values();
            for (int j = 0; j < n; j++) {
                double x = Double.isNaN(v[j]) ? mean[j] : v[j];
                std[j] += (x - mean[j]) * (x - mean[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            std[j] = Math.sqrt(std[j] / Math.max(1, train.size() - 1));
            if (!(std[j] > 1e-9)) {
                std[j] = 1;
            }
        }
        int[] kept = java.util.stream.IntStream.range(0, n)
                .filter(j -> exclude == null || !exclude.matcher(set.names().get(j)).matches())
                .toArray();
        String[] names = java.util.Arrays.stream(kept).mapToObj(set.names()::get)
                .toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        Map<Emotion, Long> classCounts = new TreeMap<>();
        train.forEach(s -> classCounts.merge(s.emotion(), 1L, Long::sum));
        Map<String, Float> weights = new HashMap<>();
        classCounts.forEach((e, c) -> weights.put(e.label(), balanced
                ? (float) ((double) train.size() / (classCounts.size() * c)) : 1f));
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (LabelledFeatures s : train) {
            double[] v = s.values();
            double[] z = new double[kept.length];
            for (int k = 0; k < kept.length; k++) {
                int j = kept[k];
                double x = Double.isNaN(v[j]) ? mean[j] : v[j];
                // A standardised value of exactly 0 would be dropped as absent by Tribuo's sparse
                // examples; the model treats absence as 0 anyway, so nothing changes.
                z[k] = TrainedVoiceModel.limit((x - mean[j]) / std[j], limit);
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(s.emotion().label()), names,
                    z);
            example.setWeight(weights.get(s.emotion().label()));
            examples.add(example);
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("affect4j acoustic features " + set.version(),
                        factory)));
        Model<Label> model;
        if (classifier == Classifier.ENSEMBLE) {
            List<Model<Label>> members = List.of(
                    trainer(Classifier.SVM, set, weights).train(dataset),
                    trainer(Classifier.LINEAR, set, weights).train(dataset));
            model = WeightedEnsembleModel.createEnsembleFromExistingModels("svm+linear", members,
                    new FullyWeightedVotingCombiner());
        } else {
            model = trainer(classifier, set, weights).train(dataset);
        }
        return new TrainedVoiceModel(model, set, mean, std, limit, normalisation, population,
                priorSeconds, centred, modelName, training);
    }

    private Trainer<Label> trainer(Classifier kind, FeatureSet set, Map<String, Float> weights) {
        return switch (kind) {
            case LINEAR -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1),
                    epochs, Integer.MAX_VALUE, 1, seed);
            case FM -> new FMClassificationTrainer(new LogMulticlass(),
                    new AdaGrad(learningRate, 0.1), epochs, Integer.MAX_VALUE, 1, seed, 6, 0.1);
            case LIBLINEAR -> {
                LibLinearClassificationTrainer t = new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                        cost, 1000, 0.01, seed);
                t.setLabelWeights(labelWeights(weights));
                yield t;
            }
            case SVM -> {
                SVMParameters<Label> parameters = new SVMParameters<>(
                        new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                        KernelType.RBF);
                parameters.setCost(cost);
                parameters.setGamma(effectiveGamma(set));
                parameters.setProbability();
                LibSVMClassificationTrainer t = new LibSVMClassificationTrainer(parameters, seed);
                t.setLabelWeights(labelWeights(weights));
                yield t;
            }
            case ENSEMBLE -> throw new IllegalStateException("an ensemble has member trainers");
        };
    }

    /**
     * Reads each test speaker's recordings one after another in a seeded random order, as a
     * stream reaches the detector: for each, the seconds of the speaker's speech heard before
     * it and the baseline built from it ({@link SpeakerBaseline}, shrunk toward the population
     * and forgetting as at run time), and the probabilities of the plain classifier (the
     * recording as it comes) and the centred one (the recording centred on that baseline).
     */
    private void readAsStreams(TrainedVoiceModel plain, TrainedVoiceModel centred,
                               List<LabelledFeatures> test, double[] population,
                               List<Emotion> labels, int fold, List<StreamItem> out) {
        Map<String, List<LabelledFeatures>> bySpeaker = new TreeMap<>();
        for (LabelledFeatures s : test) {
            bySpeaker.computeIfAbsent(s.speaker().orElse(""), x -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<LabelledFeatures>> e : bySpeaker.entrySet()) {
            List<LabelledFeatures> order = new ArrayList<>(e.getValue());
            java.util.Collections.shuffle(order, new java.util.Random(seed * 31
                    + e.getKey().hashCode()));
            SpeakerBaseline baseline = new SpeakerBaseline(population, priorSeconds);
            for (LabelledFeatures s : order) {
                double[] x = RuntimeCentring.centred(s.values(), baseline.mean(), population);
                out.add(new StreamItem(fold, s.emotion(), baseline.seconds(),
                        inOrder(plain, plain.probabilities(s.values()), labels),
                        plain.predict(s.values()),
                        inOrder(centred, centred.probabilities(x), labels), centred.predict(x)));
                baseline.add(s.values(), s.speechSeconds());
            }
        }
    }

    /** A model's probabilities in the order of {@code labels} (0 for a label it lacks). */
    private static double[] inOrder(TrainedVoiceModel model, double[] p, List<Emotion> labels) {
        double[] out = new double[labels.size()];
        for (int i = 0; i < p.length; i++) {
            out[labels.indexOf(model.labels().get(i))] = p[i];
        }
        return out;
    }

    /**
     * One test recording read in a stream: its fold, label, the decayed seconds of its speaker's
     * earlier speech, and both classifiers' probabilities (in the trainer's label order) and
     * predictions.
     */
    private record StreamItem(int fold, Emotion truth, double earlierSeconds, double[] plain,
                              Emotion plainPrediction, double[] centred,
                              Emotion centredPrediction) {

        /** The blended reading: the plain or the centred prediction itself at weight 0 or 1. */
        Emotion predict(BlendChoice choice, List<Emotion> labels) {
            double w = choice.weight(earlierSeconds);
            if (w == 0) {
                return plainPrediction;
            }
            if (w == 1) {
                return centredPrediction;
            }
            int best = 0;
            double bestP = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < plain.length; i++) {
                double p = (1 - w) * plain[i] + w * centred[i];
                if (p > bestP) {
                    bestP = p;
                    best = i;
                }
            }
            return labels.get(best);
        }
    }

    /**
     * When the centred classifier is consulted, as a {@code speaker-blend} card says it
     * ({@link VoiceModelCard.CentredModel#weight}), and how the trainer chooses it.
     */
    private record BlendChoice(double switchSeconds, double blendSeconds) {

        /** A switch as soon as any speech of the speaker was heard (at most one clip). */
        static final double ANY_SPEECH = 1e-3;

        /** Seconds of earlier speech before the centred classifier, largest first. */
        static final double[] SWITCH = {90, 60, 45, 30, 20, 15, 10, 6, 3, 1, ANY_SPEECH};

        /** Seconds over which its weight grows to 1. */
        static final double[] BLEND = {0, 5, 15, 30, 60};

        double weight(double earlierSeconds) {
            return new VoiceModelCard.CentredModel("x.onnx", switchSeconds, blendSeconds)
                    .weight(earlierSeconds);
        }

        /**
         * The setting of the grid with the best stream UAR over the items outside one fold
         * (all items when {@code heldOut} is -1); ties go to the later switch, then the shorter
         * blend, the cautious side.
         */
        static BlendChoice best(List<StreamItem> items, int heldOut, List<Emotion> labels) {
            List<StreamItem> use = items.stream().filter(i -> i.fold() != heldOut).toList();
            if (use.isEmpty()) {
                return new BlendChoice(SWITCH[1], 0);
            }
            List<Emotion> truth = use.stream().map(StreamItem::truth).toList();
            BlendChoice best = null;
            double bestUar = -1;
            for (double t : SWITCH) {
                for (double b : BLEND) {
                    BlendChoice c = new BlendChoice(t, b);
                    double uar = ConfusionMatrix.of(truth, use.stream()
                            .map(i -> i.predict(c, labels)).toList()).uar();
                    if (uar > bestUar + 1e-12) {
                        bestUar = uar;
                        best = c;
                    }
                }
            }
            return best;
        }
    }

    /**
     * The speaker-centred classifier of a {@code --speaker-norm} model as cross-validation saw it.
     *
     * @param switchSeconds seconds of the speaker's earlier speech before the centred classifier
     *     is consulted, chosen on all folds' streams and written into the card
     * @param blendSeconds seconds over which its weight then grows to 1, chosen likewise
     * @param chosen the streams read with that choice (optimistic: chosen on these streams;
     *     {@link Result#streamCrossValidation} chooses per fold on the other folds instead)
     * @param centredAlone the streams read by the centred classifier from each speaker's second
     *     recording on (the first read by the plain one), for comparison
     */
    public record Blend(double switchSeconds, double blendSeconds, ConfusionMatrix chosen,
                        ConfusionMatrix centredAlone) {

        /**
         * Checks the fields.
         *
         * @param switchSeconds as the record component
         * @param blendSeconds as the record component
         * @param chosen as the record component
         * @param centredAlone as the record component
         * @throws NullPointerException if a matrix is null
         */
        public Blend {
            Objects.requireNonNull(chosen, "chosen");
            Objects.requireNonNull(centredAlone, "centredAlone");
        }
    }

    private static Map<Label, Float> labelWeights(Map<String, Float> weights) {
        Map<Label, Float> out = new HashMap<>();
        weights.forEach((label, w) -> out.put(new Label(label), w));
        return out;
    }

    private double effectiveGamma(FeatureSet set) {
        return gamma > 0 ? gamma : 1.0 / set.size();
    }

    /** Speakers dealt to folds in name order, so that every fold holds whole speakers. */
    private static int[] speakerFolds(List<LabelledFeatures> data, List<String> speakers, int k) {
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            foldOf.put(speakers.get(i), i % k);
        }
        int[] fold = new int[data.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf.get(data.get(i).speaker().orElseThrow());
        }
        return fold;
    }

    /** Recordings of each label dealt to folds in turn. */
    private static int[] stratifiedFolds(List<LabelledFeatures> data, List<Emotion> labels, int k) {
        int[] next = new int[labels.size()];
        int[] fold = new int[data.size()];
        for (int i = 0; i < fold.length; i++) {
            int label = labels.indexOf(data.get(i).emotion());
            fold[i] = next[label]++ % k;
        }
        return fold;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    static double[] nanMean(List<double[]> vectors, int n) {
        double[] sum = new double[n];
        int[] count = new int[n];
        for (double[] v : vectors) {
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(v[j])) {
                    sum[j] += v[j];
                    count[j]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = count[j] > 0 ? sum[j] / count[j] : Double.NaN;
        }
        return mean;
    }

    /**
     * Reads every recording and extracts the features of its speech, in parallel.
     *
     * @param recordings the recordings
     * @param threads worker threads, at least 1
     * @param skipped told the reason for each recording left out (no speech)
     * @return the vectors, in the order of the recordings, without the skipped ones
     * @throws IOException naming the file if one cannot be read
     */
    public static List<LabelledFeatures> extract(List<LabelledRecording> recordings, int threads,
                                                 Consumer<String> skipped) throws IOException {
        return extract(recordings, threads, null, Augmentation.NONE, skipped).get(0);
    }

    /**
     * The vectors of the recordings (list 0) and of each augmented variant (lists 1..), each
     * without the recordings that have no speech, read from and added to the cache if given.
     */
    static List<List<LabelledFeatures>> extract(List<LabelledRecording> recordings, int threads,
                                                FeatureCache cache, Augmentation augmentation,
                                                Consumer<String> skipped) throws IOException {
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        String version = extractor.featureSet().version();
        List<String> variants = new ArrayList<>();
        variants.add("original");
        variants.addAll(augmentation.variants());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "affect4j-voice-features");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Optional<LabelledFeatures>>>> futures = new ArrayList<>();
            for (LabelledRecording recording : recordings) {
                futures.add(pool.submit(() -> extractOne(recording, extractor, version, variants,
                        augmentation, cache)));
            }
            List<List<LabelledFeatures>> out = new ArrayList<>();
            variants.forEach(v -> out.add(new ArrayList<>()));
            for (int i = 0; i < futures.size(); i++) {
                List<Optional<LabelledFeatures>> f;
                try {
                    f = futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw new IOException(recordings.get(i).file() + ": " + io.getMessage(), io);
                    }
                    throw new IllegalStateException(recordings.get(i).file() + ": " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while extracting features", e);
                }
                if (f.get(0).isEmpty()) {
                    // No speech in the original: its copies are left out with it.
                    skipped.accept("no speech found");
                    continue;
                }
                for (int v = 0; v < f.size(); v++) {
                    f.get(v).ifPresent(out.get(v)::add);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Optional<LabelledFeatures>> extractOne(
            LabelledRecording recording, AcousticFeatureExtractor extractor, String version,
            List<String> variants, Augmentation augmentation, FeatureCache cache)
            throws IOException {
        String sha = cache != null ? FeatureCache.sha256(recording.file()) : null;
        List<Optional<LabelledFeatures>> out = new ArrayList<>();
        AudioClip clip = null;
        List<AudioClip> copies = null;
        for (int v = 0; v < variants.size(); v++) {
            String key = sha != null ? FeatureCache.key(sha, version, variants.get(v)) : null;
            Optional<FeatureCache.Entry> cached = key != null ? cache.get(key) : Optional.empty();
            FeatureCache.Entry entry;
            if (cached.isPresent()) {
                entry = cached.get();
            } else {
                if (clip == null) {
                    clip = AudioClip.readWav(recording.file());
                }
                AudioClip input = clip;
                if (v > 0) {
                    if (copies == null) {
                        // Seeded by the file name, so a copy does not depend on the order or
                        // the machine the corpus is read on.
                        copies = augmentation.apply(clip,
                                recording.file().getFileName().toString().hashCode());
                    }
                    input = copies.get(v - 1);
                }
                ClipFeatures features = extractor.extract(input);
                entry = new FeatureCache.Entry(
                        features.speech().map(sp -> sp.speechSeconds()).orElse(-1.0),
                        features.speech().map(sp -> sp.values()).orElse(null));
                if (key != null) {
                    cache.put(key, entry);
                }
            }
            FeatureCache.Entry found = entry;
            out.add(found.values().map(values -> new LabelledFeatures(recording, values,
                    found.speechSeconds())));
        }
        return out;
    }

    /** Configures a {@link VoiceTrainer}; validates in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private Classifier classifier = Classifier.LINEAR;
        private int folds = 5;
        private int epochs = 40;
        private double learningRate = 0.1;
        private long seed = 1;
        private boolean speakerNormalisation;
        private double priorSeconds = 10;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String name = "voice-model";
        private double cost = 1;
        private double gamma;
        private Augmentation augmentation = Augmentation.NONE;
        private Path cache;
        private boolean allowSpeakerDependent;
        private boolean balanced;
        private double limit = 3;
        private java.util.regex.Pattern exclude;

        private Builder() {
        }

        /**
         * Features left out of the model: those whose {@link FeatureSet} name matches the
         * pattern entirely, or null to use all (default). The card then lists only the features
         * the model reads.
         *
         * @param value the pattern, or null
         * @return this builder
         */
        public Builder exclude(java.util.regex.Pattern value) {
            this.exclude = value;
            return this;
        }

        /**
         * Where standardised features are cut off, in training standard deviations, 1 to 1000
         * (default 3). Speech unlike the training data (another recording chain, synthetic
         * speech) can put a feature 10 standard deviations out, where a linear model's
         * probabilities saturate and every input reads as one class; cut off, no single feature
         * can outvote the others. Applied identically in training, in Java and in the ONNX graph.
         *
         * @param value the cut-off, in standard deviations
         * @return this builder
         */
        public Builder limit(double value) {
            this.limit = value;
            return this;
        }

        /**
         * Whether every class weighs the same in training, whatever its number of recordings
         * (weights {@code N / (classes * n_class)}; default false).
         *
         * @param value whether classes weigh the same
         * @return this builder
         */
        public Builder balanced(boolean value) {
            this.balanced = value;
            return this;
        }

        /**
         * The regularisation cost C of {@code liblinear} and {@code svm}, in (0, 10000]
         * (default 1): larger fits the training data more closely.
         *
         * @param value the cost C
         * @return this builder
         */
        public Builder cost(double value) {
            this.cost = value;
            return this;
        }

        /**
         * The RBF kernel width of {@code svm}, 0 for 1 / number of features (default 0), at
         * most 100.
         *
         * @param value the kernel width, or 0
         * @return this builder
         */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /**
         * Perturbed copies added to every training part (default none).
         *
         * @param value the copies to add
         * @return this builder
         */
        public Builder augmentation(Augmentation value) {
            this.augmentation = Objects.requireNonNull(value, "augmentation");
            return this;
        }

        /**
         * A file keeping extracted vectors between runs (keyed by each recording's SHA-256, the
         * feature-set version and the variant), or null for none (default).
         *
         * @param value the cache file, or null
         * @return this builder
         */
        public Builder cache(Path value) {
            this.cache = value;
            return this;
        }

        /**
         * Whether to train when recordings name no speaker, cross-validating over recordings
         * with a warning (default false: {@link VoiceTrainer#train} refuses).
         *
         * @param value whether to train without speakers
         * @return this builder
         */
        public Builder allowSpeakerDependent(boolean value) {
            this.allowSpeakerDependent = value;
            return this;
        }

        /**
         * The classifier (default linear).
         *
         * @param value the classifier
         * @return this builder
         */
        public Builder classifier(Classifier value) {
            this.classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        /**
         * Cross-validation folds, 2 to 100 (default 5).
         *
         * @param value the number of folds
         * @return this builder
         */
        public Builder folds(int value) {
            this.folds = value;
            return this;
        }

        /**
         * Passes over the training data, 1 to 10000 (default 40).
         *
         * @param value the number of epochs
         * @return this builder
         */
        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        /**
         * AdaGrad's initial learning rate, in (0, 10] (default 0.1).
         *
         * @param value the learning rate
         * @return this builder
         */
        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        /**
         * The random seed (default 1).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Whether to train for run-time speaker normalisation (default false): the model is then
         * the one trained without normalisation plus a speaker-centred second classifier, which
         * the detector blends in once the speaker baseline rests on enough earlier speech (card
         * {@code normalisation = speaker-blend}), so single clips read exactly as without it.
         *
         * @param value whether to train for speaker normalisation
         * @return this builder
         */
        public Builder speakerNormalisation(boolean value) {
            this.speakerNormalisation = value;
            return this;
        }

        /**
         * Weight of the population mean in a run-time speaker estimate, in seconds of speech, 0
         * to 3600 (default 10).
         * @param value the weight in seconds
         * @return this builder
         */
        public Builder priorSeconds(double value) {
            this.priorSeconds = value;
            return this;
        }

        /**
         * Threads for feature extraction, 1 to 256 (default: available processors).
         *
         * @param value the number of threads
         * @return this builder
         */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /**
         * The model's name in its card (default "voice-model").
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Freezes the configuration.
         *
         * @return the trainer
         * @throws IllegalArgumentException naming the setting and value that are out of range
         */
        public VoiceTrainer build() {
            check(folds >= 2 && folds <= 100, "folds must be 2 to 100, got " + folds);
            check(epochs >= 1 && epochs <= 10_000, "epochs must be 1 to 10000, got " + epochs);
            check(learningRate > 0 && learningRate <= 10,
                    "learningRate must be in (0, 10], got " + learningRate);
            check(priorSeconds >= 0 && priorSeconds <= 3600,
                    "priorSeconds must be 0 to 3600, got " + priorSeconds);
            check(threads >= 1 && threads <= 256, "threads must be 1 to 256, got " + threads);
            check(!name.isBlank(), "name must not be blank");
            check(cost > 0 && cost <= 10_000, "cost must be in (0, 10000], got " + cost);
            check(gamma >= 0 && gamma <= 100, "gamma must be 0 to 100, got " + gamma);
            check(limit >= 1 && limit <= 1000, "limit must be 1 to 1000, got " + limit);
            return new VoiceTrainer(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

}
