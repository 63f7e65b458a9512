package io.github.affect4j.voice.onnx;

import static io.github.affect4j.onnx.ModelCardReader.requireEmotionLabels;
import static io.github.affect4j.onnx.ModelCardReader.requireName;

import io.github.affect4j.Emotion;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.ModelCardReader;
import io.github.affect4j.voice.features.FeatureSet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What affect4j needs to know to run an ONNX voice-emotion classifier over the acoustic feature
 * vector: which {@link FeatureSet} version and which of its features, in the model's input
 * order; how missing values are filled; whether features are centred on the speaker; the output
 * and its labels; and a summary of how the model was trained.
 *
 * <p>The card lives next to the model, {@code model.onnx} with {@code model.card.properties}
 * (see {@link #cardPath(Path)}), and is written by the trainer:
 *
 * <pre>
 * format = affect4j-voice-model/1
 * kind = features
 * name = my-model
 * featureSet = affect4j-voice-features/1
 * input.name = features
 * output.name = probabilities
 * output.kind = probabilities
 * labels = neutral, happiness, sadness, anger
 * features = f0.mean, f0.stddev, ...
 * features.impute = 21.3, 1.9, ...
 * normalisation = speaker-mean
 * normalisation.mean = 21.3, 1.9, ...
 * normalisation.priorSeconds = 10
 * training.samples = 40
 * training.uar = 0.95
 * </pre>
 *
 * <p>The ONNX model takes {@code float[N, features.size()]} named {@code input.name} and standardises
 * it itself; {@code features.impute} replaces NaN (the training means). With
 * {@code normalisation = speaker-mean} a vector {@code x} is fed as
 * {@code x - s + normalisation.mean}, where {@code s} is the speaker's mean estimated from the
 * earlier speech of the same clip or stream, shrunk toward the population mean with a prior
 * worth {@code normalisation.priorSeconds} seconds of speech. Labels are mapped with
 * {@link Emotion#fromLabel}: every label must map, to distinct categories.
 *
 * <p>With {@code normalisation = speaker-blend} the model carries two classifiers, so that
 * speaker normalisation can never make a single clip read worse than without it:
 *
 * <pre>
 * normalisation = speaker-blend
 * normalisation.model = my-model.centred.onnx
 * normalisation.switchSeconds = 20
 * normalisation.blendSeconds = 30
 * </pre>
 *
 * This card's model reads every vector as it comes (as with {@code normalisation = none}); the
 * second model, a file beside this one with its own card beside it (a {@code speaker-mean} card:
 * its population mean and prior say how to centre), reads the vectors centred on the speaker.
 * A segment is read by the first model alone until the speaker baseline rests on
 * {@code switchSeconds} of earlier speech; past that, the two models' probabilities are averaged
 * with the centred model's weight growing linearly from 0 to 1 over {@code blendSeconds} more
 * seconds (at once when 0); see {@link CentredModel#weight}. The first segment of a clip or
 * stream and the whole-clip summary are always read by the first model alone.
 *
 * @param name a short name for messages and {@code DetectorInfo}
 * @param featureSet the feature set version, e.g. {@value FeatureSet#V1}
 * @param inputName the input tensor's name
 * @param outputName the output tensor's name
 * @param outputKind whether the output holds probabilities or logits
 * @param labels the labels in output order
 * @param features the feature names in input order
 * @param impute the value replacing NaN, per input feature
 * @param normalisation the per-speaker normalisation
 * @param normalisationMean the population mean per input feature (speaker-mean only; else empty)
 * @param priorSeconds weight of the population mean in the speaker estimate, in seconds of speech
 * @param centredModel the speaker-centred second model ({@code speaker-blend} only; else empty)
 * @param training free-form training summary ({@code training.*} keys without the prefix)
 */
public record VoiceModelCard(String name, String featureSet, String inputName, String outputName,
                             OutputKind outputKind, List<String> labels, List<String> features,
                             List<Double> impute, Normalisation normalisation,
                             List<Double> normalisationMean, double priorSeconds,
                             Optional<CentredModel> centredModel, Map<String, String> training) {

    /** The card format this library reads and writes. */
    public static final String FORMAT = "affect4j-voice-model/1";

    /** What the output tensor holds. */
    public enum OutputKind {
        /** Probabilities summing to 1. */
        PROBABILITIES,
        /** Unnormalised scores; softmax is applied. */
        LOGITS
    }

    /** How features are normalised per speaker before the model. */
    public enum Normalisation {
        /** Not at all. */
        NONE,
        /** Centred on the speaker's running mean (see the class comment). */
        SPEAKER_MEAN,
        /**
         * Read as they come by this model, and centred on the speaker's running mean by a second
         * model blended in once enough of the speaker was heard (see the class comment).
         */
        SPEAKER_BLEND
    }

    /**
     * The speaker-centred second model of a {@code speaker-blend} card and when it is used.
     *
     * @param file the second model's file name, beside the first (no folders); its card is
     *     beside it ({@link VoiceModelCard#cardPath})
     * @param switchSeconds seconds of the speaker's earlier speech before the second model is
     *     used at all, more than 0 (so the first segment is never read by it)
     * @param blendSeconds seconds of earlier speech past {@code switchSeconds} over which the
     *     second model's weight grows from 0 to 1; 0 to switch at once
     */
    public record CentredModel(String file, double switchSeconds, double blendSeconds) {

        /** A file name ending in .onnx: no folder, drive or control character, not hidden. */
        private static final java.util.regex.Pattern FILE =
                java.util.regex.Pattern.compile("[^/\\\\:.\\p{Cntrl}][^/\\\\:\\p{Cntrl}]*\\.onnx");

        /**
         * Validates the fields.
         *
         * @param file the second model's file name
         * @param switchSeconds seconds of earlier speech before it is used, in (0, 1e6)
         * @param blendSeconds seconds over which its weight grows, in [0, 1e6)
         * @throws IllegalArgumentException naming the field that is wrong
         */
        public CentredModel {
            Objects.requireNonNull(file, "file");
            if (!FILE.matcher(file).matches()) {
                throw new IllegalArgumentException("normalisation.model must be a file name "
                        + "ending in .onnx, without folders, got '" + file + "'");
            }
            if (!(switchSeconds > 0 && switchSeconds < 1e6)) {
                throw new IllegalArgumentException("normalisation.switchSeconds must be in "
                        + "(0, 1e6), got " + switchSeconds);
            }
            if (!(blendSeconds >= 0 && blendSeconds < 1e6)) {
                throw new IllegalArgumentException("normalisation.blendSeconds must be in "
                        + "[0, 1e6), got " + blendSeconds);
            }
        }

        /**
         * The weight of the centred model's probabilities for a segment: 0 below
         * {@code switchSeconds} of earlier speech (the first model alone), then growing
         * linearly to 1 over {@code blendSeconds}.
         *
         * @param earlierSeconds seconds of the speaker's speech heard before the segment
         * @return the weight, 0 to 1
         */
        public double weight(double earlierSeconds) {
            if (!(earlierSeconds >= switchSeconds)) {
                return 0;
            }
            return blendSeconds == 0 ? 1 : Math.min(1, (earlierSeconds - switchSeconds)
                    / blendSeconds);
        }
    }

    /**
     * A card without a second model (normalisation {@code none} or {@code speaker-mean}).
     *
     * @param name a short name for messages and {@code DetectorInfo}
     * @param featureSet the feature set version, e.g. {@value FeatureSet#V1}
     * @param inputName the input tensor's name
     * @param outputName the output tensor's name
     * @param outputKind whether the output holds probabilities or logits
     * @param labels the labels in output order
     * @param features the feature names in input order
     * @param impute the value replacing NaN, per input feature
     * @param normalisation the per-speaker normalisation
     * @param normalisationMean the population mean per input feature (speaker-mean only)
     * @param priorSeconds weight of the population mean in the speaker estimate, in seconds of speech
     * @param training free-form training summary ({@code training.*} keys without the prefix)
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public VoiceModelCard(String name, String featureSet, String inputName, String outputName,
                          OutputKind outputKind, List<String> labels, List<String> features,
                          List<Double> impute, Normalisation normalisation,
                          List<Double> normalisationMean, double priorSeconds,
                          Map<String, String> training) {
        this(name, featureSet, inputName, outputName, outputKind, labels, features, impute,
                normalisation, normalisationMean, priorSeconds, Optional.empty(), training);
    }

    /**
     * Validates the card.
     *
     * @param name a short name for messages and {@code DetectorInfo}
     * @param featureSet the feature set version, e.g. {@value FeatureSet#V1}
     * @param inputName the input tensor's name
     * @param outputName the output tensor's name
     * @param outputKind whether the output holds probabilities or logits
     * @param labels the labels in output order
     * @param features the feature names in input order
     * @param impute the value replacing NaN, per input feature
     * @param normalisation the per-speaker normalisation
     * @param normalisationMean the population mean per input feature (speaker-mean only)
     * @param priorSeconds weight of the population mean in the speaker estimate, in seconds of speech
     * @param centredModel the speaker-centred second model: present exactly when normalisation
     *     is {@code speaker-blend}
     * @param training free-form training summary ({@code training.*} keys without the prefix)
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public VoiceModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outputKind, "outputKind");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(centredModel, "centredModel");
        if (centredModel.isPresent() != (normalisation == Normalisation.SPEAKER_BLEND)) {
            throw new IllegalArgumentException(normalisation == Normalisation.SPEAKER_BLEND
                    ? "normalisation = speaker-blend needs normalisation.model"
                    : "normalisation.model is only read with normalisation = speaker-blend, "
                            + "not " + normalisation.name().toLowerCase(Locale.ROOT)
                            .replace('_', '-'));
        }
        FeatureSet set = FeatureSet.forVersion(featureSet);
        requireName(inputName, "input.name");
        requireName(outputName, "output.name");
        labels = List.copyOf(labels);
        features = List.copyOf(features);
        impute = List.copyOf(impute);
        normalisationMean = List.copyOf(normalisationMean);
        training = Collections.unmodifiableMap(new TreeMap<>(training));
        requireEmotionLabels("labels", labels);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features: none listed");
        }
        Set<String> unique = new HashSet<>();
        for (String feature : features) {
            set.indexOf(feature);
            if (!unique.add(feature)) {
                throw new IllegalArgumentException("features: '" + feature + "' is listed twice");
            }
        }
        if (impute.size() != features.size()) {
            throw new IllegalArgumentException("features.impute: " + impute.size()
                    + " values for " + features.size() + " features");
        }
        finite(impute, "features.impute");
        if (normalisation == Normalisation.SPEAKER_MEAN) {
            if (normalisationMean.size() != features.size()) {
                throw new IllegalArgumentException("normalisation.mean: " + normalisationMean.size()
                        + " values for " + features.size() + " features");
            }
            finite(normalisationMean, "normalisation.mean");
        }
        if (!(priorSeconds >= 0 && priorSeconds < 1e6)) {
            throw new IllegalArgumentException("normalisation.priorSeconds must be in [0, 1e6), got "
                    + priorSeconds);
        }
    }

    /**
     * The card file of a model file: {@code x.onnx} gives {@code x.card.properties}.
     *
     * @param model the model file
     * @return the card file beside it
     */
    public static Path cardPath(Path model) {
        String file = model.getFileName().toString();
        String base = file.toLowerCase(Locale.ROOT).endsWith(".onnx")
                ? file.substring(0, file.length() - 5) : file;
        return model.resolveSibling(base + ".card.properties");
    }

    /**
     * Reads a card.
     *
     * @param file the card file
     * @return the card
     * @throws InvalidModelException naming the file and the field when the card is invalid
     * @throws IOException if the file cannot be read
     */
    public static VoiceModelCard read(Path file) throws IOException {
        return ModelCardReader.read(file).parse(VoiceModelCard::from);
    }

    /**
     * Reads a card from properties.
     *
     * @param p the card's fields
     * @return the card
     * @throws IllegalArgumentException naming the field when the card is invalid
     */
    public static VoiceModelCard fromProperties(Properties p) {
        return from(ModelCardReader.of(p, "model card"));
    }

    /**
     * Reads a card's fields.
     *
     * @throws IllegalArgumentException naming the field when the card is invalid
     */
    static VoiceModelCard from(ModelCardReader card) {
        String format = card.optional("format").orElse(null);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be " + FORMAT + ", got " + format);
        }
        String kind = card.string("kind", "features");
        if (!kind.equals("features")) {
            throw new IllegalArgumentException("kind '" + kind + "' is not a feature classifier "
                    + "(kind = features); waveform models (kind = waveform) have a "
                    + "WaveformModelCard");
        }
        Normalisation normalisation = card.enumValue(Normalisation.class, "normalisation",
                Normalisation.NONE);
        Optional<CentredModel> centred = Optional.empty();
        if (normalisation == Normalisation.SPEAKER_BLEND) {
            String file = card.required("normalisation.model");
            card.required("normalisation.switchSeconds");
            centred = Optional.of(new CentredModel(file,
                    card.number("normalisation.switchSeconds", Double.NaN),
                    card.number("normalisation.blendSeconds", 0)));
        }
        if (centred.isEmpty() && card.optional("normalisation.model").isPresent()) {
            throw new IllegalArgumentException("normalisation.model is only read with "
                    + "normalisation = speaker-blend, not "
                    + normalisation.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return new VoiceModelCard(
                card.required("name"),
                card.required("featureSet"),
                card.string("input.name", "features"),
                card.string("output.name", "probabilities"),
                card.enumValue(OutputKind.class, "output.kind", OutputKind.PROBABILITIES),
                card.list("labels"),
                card.list("features"),
                card.numbers("features.impute"),
                normalisation,
                normalisation == Normalisation.SPEAKER_MEAN ? card.numbers("normalisation.mean")
                        : card.numbers("normalisation.mean", List.of()),
                card.number("normalisation.priorSeconds", 10),
                centred,
                card.withPrefix("training."));
    }

    /**
     * Writes the card as properties, keys sorted, without a timestamp (reproducible).
     *
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    /** {@return the card as properties text} */
    public String toText() {
        Map<String, String> map = new TreeMap<>();
        map.put("format", FORMAT);
        map.put("kind", "features");
        map.put("name", name);
        map.put("featureSet", featureSet);
        map.put("input.name", inputName);
        map.put("output.name", outputName);
        map.put("output.kind", outputKind.name().toLowerCase(Locale.ROOT));
        map.put("labels", String.join(", ", labels));
        map.put("features", String.join(", ", features));
        map.put("features.impute", join(impute));
        map.put("normalisation", normalisation.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (normalisation == Normalisation.SPEAKER_MEAN) {
            map.put("normalisation.mean", join(normalisationMean));
            map.put("normalisation.priorSeconds", Double.toString(priorSeconds));
        }
        centredModel.ifPresent(c -> {
            map.put("normalisation.model", c.file());
            map.put("normalisation.switchSeconds", Double.toString(c.switchSeconds()));
            map.put("normalisation.blendSeconds", Double.toString(c.blendSeconds()));
        });
        training.forEach((k, v) -> map.put("training." + k, v));
        Properties p = new Properties();
        p.putAll(map);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store writes a date comment and hash order: keep neither.
        StringBuilder text = new StringBuilder("# affect4j voice model card\n");
        out.toString().lines().filter(line -> !line.startsWith("#")).sorted()
                .forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** {@return the categories of the labels, in output order} */
    public List<Emotion> emotions() {
        return labels.stream().map(Emotion::parse).toList();
    }

    private static void finite(List<Double> values, String key) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException(key + ": value " + i + " is " + values.get(i));
            }
        }
    }

    private static String join(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(v);
        }
        return b.toString();
    }
}
