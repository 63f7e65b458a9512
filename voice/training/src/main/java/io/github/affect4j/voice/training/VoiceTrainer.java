package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import io.github.affect4j.evaluation.ConfusionMatrix;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.ClipFeatures;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.onnx.VoiceModelCard;
import java.io.IOException;
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
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
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
 *   <li>With speaker normalisation, centres every speaker's vectors on that speaker's mean
 *       ({@code x - speakerMean + populationMean}). In cross-validation the test speakers are
 *       centred on their own (unlabelled) recordings, as at run time, where the detector
 *       centres on the earlier speech of the clip or stream.</li>
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

    /** Classifiers the trainer can fit. */
    public enum Classifier {
        /** Multinomial logistic regression. */
        LINEAR,
        /** A factorisation machine with a softmax output: pairwise feature interactions. */
        FM
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
     * @param crossValidation the pooled predictions of the cross-validation folds
     * @param speakerIndependent whether the folds were grouped by speaker
     * @param folds the number of folds used
     * @param speakers the number of speakers, 0 when unknown
     * @param skipped recordings left out, by reason
     */
    public record Result(TrainedVoiceModel model, ConfusionMatrix crossValidation,
                         boolean speakerIndependent, int folds, int speakers,
                         Map<String, Integer> skipped) {

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
                    : String.format(Locale.ROOT, "cross-validation over recordings, %d folds (NOT "
                            + "speaker-independent: no speakers known; give --speaker-pattern):%n",
                            folds));
            b.append(crossValidation.toTable());
            return b.toString();
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
        List<LabelledFeatures> samples = extract(corpus.recordings(), threads,
                reason -> skipped.merge(reason, 1, Integer::sum));
        return train(samples, skipped);
    }

    /**
     * Trains on vectors already extracted.
     *
     * @param samples the labelled feature vectors
     * @return the model and its cross-validation
     * @throws IllegalArgumentException if fewer than two labels or too few samples are given
     */
    public Result train(List<LabelledFeatures> samples) {
        return train(samples, Map.of());
    }

    private Result train(List<LabelledFeatures> samples, Map<String, Integer> skipped) {
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
        List<LabelledFeatures> data = speakerNormalisation
                ? SpeakerCentring.centre(samples, population) : samples;

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
        for (int f = 0; f < k; f++) {
            List<LabelledFeatures> train = new ArrayList<>();
            List<LabelledFeatures> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == f ? test : train).add(data.get(i));
            }
            if (test.isEmpty() || train.stream().map(LabelledFeatures::emotion).distinct()
                    .count() < 2) {
                continue;
            }
            TrainedVoiceModel model = fit(train, set, population, "fold" + f, Map.of());
            for (LabelledFeatures s : test) {
                truth.add(s.emotion());
                predicted.add(model.predict(s.values()));
            }
            LOG.debug("fold {}: trained on {}, tested on {}", f, train.size(), test.size());
        }
        ConfusionMatrix cv = ConfusionMatrix.of(truth, predicted);

        Map<String, String> training = new LinkedHashMap<>();
        training.put("samples", Integer.toString(samples.size()));
        training.put("speakers", Integer.toString(speakers.size()));
        training.put("classifier", classifier.name().toLowerCase(Locale.ROOT));
        training.put("epochs", Integer.toString(epochs));
        training.put("seed", Long.toString(seed));
        training.put("library", "Tribuo " + org.tribuo.Tribuo.VERSION);
        training.put("cv.folds", Integer.toString(k));
        training.put("cv.grouping", bySpeaker ? "speaker" : "recording (not speaker-independent)");
        training.put("cv.accuracy", String.format(Locale.ROOT, "%.4f", cv.accuracy()));
        training.put("cv.uar", String.format(Locale.ROOT, "%.4f", cv.uar()));
        cv.recallPerClass().forEach((e, r) -> training.put("cv.recall." + e.label(),
                String.format(Locale.ROOT, "%.4f", r)));
        Map<Emotion, Long> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.emotion(), 1L, Long::sum));
        counts.forEach((e, n) -> training.put("count." + e.label(), Long.toString(n)));
        TrainedVoiceModel model = fit(data, set, population, name, training);
        return new Result(model, cv, bySpeaker, k, speakers.size(), skipped);
    }

    private TrainedVoiceModel fit(List<LabelledFeatures> train, FeatureSet set, double[] population,
                                  String modelName, Map<String, String> training) {
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
        String[] names = set.names().toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (LabelledFeatures s : train) {
            double[] v = s.values();
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                double x = Double.isNaN(v[j]) ? mean[j] : v[j];
                // A standardised value of exactly 0 would be dropped as absent by Tribuo's sparse
                // examples; the model treats absence as 0 anyway, so nothing changes.
                z[j] = (x - mean[j]) / std[j];
            }
            examples.add(new ArrayExample<>(new Label(s.emotion().label()), names, z));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("affect4j acoustic features " + set.version(),
                        factory)));
        Trainer<Label> trainer = switch (classifier) {
            case LINEAR -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1),
                    epochs, Integer.MAX_VALUE, 1, seed);
            case FM -> new FMClassificationTrainer(new LogMulticlass(),
                    new AdaGrad(learningRate, 0.1), epochs, Integer.MAX_VALUE, 1, seed, 6, 0.1);
        };
        Model<Label> model = trainer.train(dataset);
        return new TrainedVoiceModel(model, set, mean, std,
                speakerNormalisation ? VoiceModelCard.Normalisation.SPEAKER_MEAN
                        : VoiceModelCard.Normalisation.NONE,
                population, priorSeconds, modelName, training);
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
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "affect4j-voice-features");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<LabelledFeatures>>> futures = new ArrayList<>();
            for (LabelledRecording recording : recordings) {
                futures.add(pool.submit(() -> {
                    ClipFeatures features = extractor.extract(AudioClip.readWav(recording.file()));
                    return features.speech().map(s -> new LabelledFeatures(recording, s.values(),
                            s.speechSeconds()));
                }));
            }
            List<LabelledFeatures> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Optional<LabelledFeatures> f;
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
                if (f.isPresent()) {
                    out.add(f.get());
                } else {
                    skipped.accept("no speech found");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
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

        private Builder() {
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
         * Whether to centre features per speaker (default false).
         *
         * @param value whether to centre per speaker
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
            return new VoiceTrainer(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

}
