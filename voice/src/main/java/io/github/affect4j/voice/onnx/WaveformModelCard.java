package io.github.affect4j.voice.onnx;

import static io.github.affect4j.onnx.ModelCardReader.requireEmotionLabels;
import static io.github.affect4j.onnx.ModelCardReader.requireName;

import io.github.affect4j.Emotion;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.ModelCardReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What affect4j needs to know to run an ONNX speech-emotion model that reads the raw waveform
 * (an export of a wav2vec2-family model, say): the input's name, rate, length handling and
 * normalisation, and the output's name and meaning, categorical or dimensional.
 *
 * <p>The card lives next to the model like a feature classifier's ({@code model.onnx} with
 * {@code model.card.properties}) and is told apart by {@code kind = waveform}:
 *
 * <pre>
 * format = affect4j-voice-model/1
 * kind = waveform
 * name = my-w2v2-emotion
 * input.name = input_values
 * input.sampleRate = 16000
 * input.length = dynamic
 * input.normalisation = zero-mean-unit-variance
 * output.name = logits
 * output.kind = logits
 * labels = neutral, happy, sad, angry
 * </pre>
 *
 * <h2>Input</h2>
 * The model receives {@code float[1, T]} named {@code input.name}: the DC-free speech of one
 * segment (or, for the whole-clip summary, all speech segments one after another) at
 * {@code input.sampleRate}, which must be 16000.
 * <ul>
 *   <li>{@code input.length = dynamic} (default): the whole span in one run, {@code T} its
 *       length.</li>
 *   <li>{@code input.length = N} samples: windows of {@code N} every {@code input.hop} samples
 *       (default {@code N}); the last window is aligned to the end of the span so that every
 *       sample is seen, and a span shorter than {@code N} is padded with zeros at the end. The
 *       windows' outputs are pooled by {@code input.pooling}: {@code mean-probabilities}
 *       (default: softmax per window, then the mean) or {@code mean-logits} (mean of the logits,
 *       then softmax); dimensional outputs are always averaged.</li>
 *   <li>{@code input.normalisation = none} (default) or {@code zero-mean-unit-variance}:
 *       {@code (x - mean) / sqrt(variance + 1e-7)} over the whole span before any windowing,
 *       as wav2vec2 feature extractors with {@code do_normalize} do.</li>
 * </ul>
 *
 * <h2>Output</h2>
 * {@code float[1, C]} named {@code output.name}, with {@code output.kind}:
 * <ul>
 *   <li>{@code logits} or {@code probabilities}: one value per label of {@code labels}, in output
 *       order, mapped with {@link Emotion#fromLabel} (every label must map, to distinct
 *       categories; categories absent get probability 0).</li>
 *   <li>{@code dimensional}: {@code output.dimensions} names the outputs in order, each one of
 *       {@code arousal}, {@code valence}, {@code dominance} or {@code -} (ignored); arousal and
 *       valence are required. {@code output.range = low, high} (default {@code 0, 1}) is mapped
 *       linearly onto [-1, 1] and clamped. The emotion scores then come from the circumplex:
 *       {@link io.github.affect4j.EmotionScores#fromCircumplex}. Dominance has no place in
 *       {@link io.github.affect4j.VoiceAffect}: it is read, checked and logged at DEBUG only.</li>
 * </ul>
 *
 * @param name a short name for messages and {@code DetectorInfo}
 * @param inputName the input tensor's name
 * @param sampleRate the input rate in Hz (16000)
 * @param window the fixed input length in samples, or 0 for dynamic length
 * @param hop samples between window starts (fixed windows; equals {@code window} by default)
 * @param pooling how window outputs are pooled
 * @param normalisation the input normalisation
 * @param outputName the output tensor's name
 * @param outputKind what the output holds
 * @param labels the labels in output order (categorical; else empty)
 * @param dimensions the dimension names in output order (dimensional; else empty)
 * @param rangeLow the dimensional value mapped to -1
 * @param rangeHigh the dimensional value mapped to +1
 */
public record WaveformModelCard(String name, String inputName, int sampleRate, int window, int hop,
                                Pooling pooling, Normalisation normalisation, String outputName,
                                OutputKind outputKind, List<String> labels,
                                List<String> dimensions, double rangeLow, double rangeHigh) {

    /** The only input rate supported. */
    public static final int SAMPLE_RATE = 16_000;

    /** The {@code kind} of waveform cards. */
    public static final String KIND = "waveform";

    /** The dimension names a dimensional output may use; {@code -} marks an ignored output. */
    public static final List<String> DIMENSIONS = List.of("arousal", "valence", "dominance", "-");

    /** How the outputs of fixed windows are combined. */
    public enum Pooling {
        /** Softmax per window, then the mean of the probabilities. */
        MEAN_PROBABILITIES,
        /** Mean of the logits, then softmax. */
        MEAN_LOGITS
    }

    /** How samples are normalised before the model. */
    public enum Normalisation {
        /** Fed as they are (full scale is 1). */
        NONE,
        /** Zero mean, unit variance over the span. */
        ZERO_MEAN_UNIT_VARIANCE
    }

    /** What the output tensor holds. */
    public enum OutputKind {
        /** Unnormalised class scores; softmax is applied. */
        LOGITS,
        /** Class probabilities. */
        PROBABILITIES,
        /** Arousal, valence and perhaps dominance. */
        DIMENSIONAL
    }

    /**
     * Validates the card.
     *
     * @param name a short name for messages and {@code DetectorInfo}
     * @param inputName the input tensor's name
     * @param sampleRate the input rate in Hz (16000)
     * @param window the fixed input length in samples, or 0 for dynamic length
     * @param hop samples between window starts
     * @param pooling how window outputs are pooled
     * @param normalisation the input normalisation
     * @param outputName the output tensor's name
     * @param outputKind what the output holds
     * @param labels the labels in output order (categorical cards)
     * @param dimensions the output dimensions in order (dimensional cards)
     * @param rangeLow the dimensional value mapped to -1
     * @param rangeHigh the dimensional value mapped to +1
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public WaveformModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(outputKind, "outputKind");
        requireName(inputName, "input.name");
        requireName(outputName, "output.name");
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("input.sampleRate must be " + SAMPLE_RATE
                    + " (the rate speech is analysed at), got " + sampleRate);
        }
        if (window < 0 || (window > 0 && window < 400) || window > 30 * SAMPLE_RATE) {
            throw new IllegalArgumentException("input.length must be 'dynamic' or 400 to "
                    + 30 * SAMPLE_RATE + " samples, got " + window);
        }
        if (window > 0 && (hop < 1 || hop > window)) {
            throw new IllegalArgumentException("input.hop must be 1 to input.length (" + window
                    + "), got " + hop);
        }
        labels = List.copyOf(labels);
        dimensions = List.copyOf(dimensions);
        if (outputKind == OutputKind.DIMENSIONAL) {
            if (!labels.isEmpty()) {
                throw new IllegalArgumentException("labels: a dimensional model has none; got "
                        + labels);
            }
            for (String d : dimensions) {
                if (!DIMENSIONS.contains(d)) {
                    throw new IllegalArgumentException("output.dimensions: '" + d
                            + "' is not one of " + DIMENSIONS);
                }
            }
            for (String required : List.of("arousal", "valence", "dominance")) {
                long count = dimensions.stream().filter(required::equals).count();
                if (count > 1 || (count == 0 && !required.equals("dominance"))) {
                    throw new IllegalArgumentException("output.dimensions must name " + required
                            + (required.equals("dominance") ? " at most once" : " once")
                            + ", got " + dimensions);
                }
            }
            if (!(Double.isFinite(rangeLow) && Double.isFinite(rangeHigh) && rangeLow < rangeHigh)) {
                throw new IllegalArgumentException("output.range must be two finite numbers, low "
                        + "then high, got " + rangeLow + ", " + rangeHigh);
            }
        } else {
            if (!dimensions.isEmpty()) {
                throw new IllegalArgumentException("output.dimensions: only for output.kind = "
                        + "dimensional, got " + dimensions);
            }
            requireEmotionLabels("labels", labels);
        }
    }

    /** {@return whether the model takes inputs of any length} */
    public boolean dynamicLength() {
        return window == 0;
    }

    /** {@return the number of values the output holds per input} */
    public int outputSize() {
        return outputKind == OutputKind.DIMENSIONAL ? dimensions.size() : labels.size();
    }

    /** {@return the categories of the labels, in output order (categorical cards)} */
    public List<Emotion> emotions() {
        return labels.stream().map(Emotion::parse).toList();
    }

    /**
     * Reads a card.
     *
     * @param file the card file
     * @return the card
     * @throws InvalidModelException naming the file and the field when the card is invalid
     * @throws IOException if the file cannot be read
     */
    public static WaveformModelCard read(Path file) throws IOException {
        return ModelCardReader.read(file).parse(WaveformModelCard::from);
    }

    /**
     * Reads a card from properties.
     *
     * @param p the card's fields
     * @return the card
     * @throws IllegalArgumentException naming the field when the card is invalid
     */
    public static WaveformModelCard fromProperties(Properties p) {
        return from(ModelCardReader.of(p, "model card"));
    }

    /**
     * Reads a card's fields.
     *
     * @throws IllegalArgumentException naming the field when the card is invalid
     */
    static WaveformModelCard from(ModelCardReader card) {
        String format = card.optional("format").orElse(null);
        if (!VoiceModelCard.FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be " + VoiceModelCard.FORMAT + ", got "
                    + format);
        }
        String kind = card.string("kind", "");
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + KIND + ", got '" + kind + "'");
        }
        String length = card.string("input.length", "dynamic");
        int window = length.equalsIgnoreCase("dynamic") ? 0
                : ModelCardReader.toInteger(length, "input.length");
        int hop = card.integer("input.hop", window);
        OutputKind outputKind = card.enumValue(OutputKind.class, "output.kind", OutputKind.LOGITS);
        boolean dimensional = outputKind == OutputKind.DIMENSIONAL;
        List<Double> range = card.numbers("output.range", List.of(0.0, 1.0));
        if (range.size() != 2) {
            throw new IllegalArgumentException("output.range must be two numbers, low then high, "
                    + "got " + range);
        }
        return new WaveformModelCard(
                card.required("name"),
                card.string("input.name", "input_values"),
                card.integer("input.sampleRate", SAMPLE_RATE),
                window, hop,
                card.enumValue(Pooling.class, "input.pooling", Pooling.MEAN_PROBABILITIES),
                card.enumValue(Normalisation.class, "input.normalisation", Normalisation.NONE),
                card.string("output.name", "logits"),
                outputKind,
                dimensional ? card.optionalList("labels") : card.list("labels"),
                dimensional ? card.list("output.dimensions") : card.optionalList("output.dimensions"),
                range.get(0), range.get(1));
    }
}
