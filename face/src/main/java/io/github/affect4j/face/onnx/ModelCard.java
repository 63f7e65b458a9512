package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.ModelCardReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What affect4j needs to know to run an ONNX face-emotion classifier: its input tensor (name,
 * layout, size, colour, normalisation), its output (name, logits or probabilities, label order)
 * and how much context around the detected face box its crops should include.
 *
 * <p>A pixel value {@code p} (0..255) of channel {@code c} is fed as
 * {@code (p * scale - mean[c]) / std[c]}; {@code mean} and {@code std} have one value, or one
 * per input channel. Labels are mapped to {@link Emotion} with {@link Emotion#fromLabel}; every
 * label must map, and two labels may not map to the same emotion. Categories the model lacks
 * get probability 0 (a seven-label model has no contempt).
 *
 * <p>Cards are usually written as a properties file and read with {@link #read(Path)}:
 *
 * <pre>
 * name = emotion-ferplus-8
 * input.name = Input3
 * input.layout = NCHW
 * input.width = 64
 * input.height = 64
 * input.colour = gray
 * input.scale = 1
 * input.mean = 0
 * input.std = 1
 * output.name = Plus692_Output_0
 * output.kind = logits
 * labels = neutral, happiness, surprise, sadness, anger, disgust, fear, contempt
 * crop.scale = 1.2
 * </pre>
 *
 * <p>{@code input.name} and {@code output.name} may be left out for models with one input and one
 * output; {@code input.scale}, {@code input.mean}, {@code input.std} default to 1, 0, 1 and
 * {@code crop.scale} to 1.2. The presets {@link #emotionFerPlus8()},
 * {@link #hsEmotionEnetB08()} and {@link #openCvZooFacialExpression()} describe three public
 * models; {@link #preset(String)} finds them by name.
 *
 * @param name a short name used in messages and in {@code DetectorInfo}
 * @param inputName the input tensor's name, or null to take the model's only input
 * @param outputName the output tensor's name, or null to take the model's first output
 * @param layout the input layout
 * @param width input width in pixels
 * @param height input height in pixels
 * @param colour the input's colour channels
 * @param scale factor applied to each 0..255 pixel value before {@code mean} and {@code std}
 * @param mean subtracted after scaling: one value, or one per channel
 * @param std divided by after subtracting the mean: one value, or one per channel, non-zero
 * @param labels the model's labels in output order
 * @param output whether the output holds logits or probabilities
 * @param cropScale the side of the square crop divided by the larger side of the detected face
 *     box (1.2 adds 10% on each side)
 */
public record ModelCard(String name, String inputName, String outputName, Layout layout,
                        int width, int height, Colour colour, double scale, List<Double> mean,
                        List<Double> std, List<String> labels, Output output, double cropScale) {

    /** Order of the input tensor's dimensions. */
    public enum Layout {
        /** batch, channels, height, width */
        NCHW,
        /** batch, height, width, channels */
        NHWC
    }

    /** The input's channels. */
    public enum Colour {
        /** one channel, luminance {@code 0.299 R + 0.587 G + 0.114 B} */
        GRAY(1),
        /** red, green, blue */
        RGB(3),
        /** blue, green, red (OpenCV's order) */
        BGR(3);

        private final int channels;

        Colour(int channels) {
            this.channels = channels;
        }

        /** {@return the number of input channels} */
        public int channels() {
            return channels;
        }
    }

    /** What the output holds. */
    public enum Output {
        /** unnormalised scores: affect4j applies softmax */
        LOGITS,
        /** probabilities summing to 1 */
        PROBABILITIES
    }

    /**
     * Validates and copies the card.
     *
     * @param name a short name used in messages and in {@code DetectorInfo}
     * @param inputName the input tensor's name, or null to take the model's only input
     * @param outputName the output tensor's name, or null to take the model's first output
     * @param layout the input layout
     * @param width input width in pixels
     * @param height input height in pixels
     * @param colour the input's colour channels
     * @param scale factor applied to each 0..255 pixel value before {@code mean} and {@code std}
     * @param mean subtracted after scaling
     * @param std divided by after subtracting the mean
     * @param labels the model's labels in output order
     * @param output whether the output holds logits or probabilities
     * @param cropScale the side of the square crop divided by the larger side of the detected face
     * @throws IllegalArgumentException naming the field and the value when a value is invalid,
     *     a label does not map to an {@link Emotion}, or two labels map to the same one
     */
    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(output, "output");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model card name must not be blank");
        }
        if (width < 1 || height < 1 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException(name + ": input size must be 1..4096, got "
                    + width + "x" + height);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(name + ": input.scale must be positive, got " + scale);
        }
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        checkPerChannel(name, "input.mean", mean, colour);
        checkPerChannel(name, "input.std", std, colour);
        for (double s : std) {
            if (s == 0) {
                throw new IllegalArgumentException(name + ": input.std must not be 0");
            }
        }
        labels = List.copyOf(labels);
        try {
            ModelCardReader.requireEmotionLabels("labels", labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (!(cropScale >= 0.5 && cropScale <= 4)) {
            throw new IllegalArgumentException(name + ": crop.scale must be in [0.5, 4], got "
                    + cropScale);
        }
    }

    private static void checkPerChannel(String name, String field, List<Double> values,
                                        Colour colour) {
        if (values.size() != 1 && values.size() != colour.channels()) {
            throw new IllegalArgumentException(name + ": " + field + " needs 1 or "
                    + colour.channels() + " values for " + colour.name().toLowerCase(Locale.ROOT)
                    + " input, got " + values);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + ": " + field + " must be finite, got "
                        + values);
            }
        }
    }

    /** {@return the labels mapped to emotions, in output order} */
    public List<Emotion> emotions() {
        List<Emotion> out = new ArrayList<>(labels.size());
        labels.forEach(label -> out.add(Emotion.parse(label)));
        return List.copyOf(out);
    }

    /** {@return the number of input channels} */
    public int channels() {
        return colour.channels();
    }

    /** {@return a one-line description of the expected input, e.g. {@code "1x64x64 gray NCHW"}} */
    public String describeInput() {
        return width + "x" + height + " " + colour.name().toLowerCase(Locale.ROOT) + " " + layout;
    }

    // ---- presets ----------------------------------------------------------------------------

    /**
     * ONNX model zoo {@code emotion-ferplus-8.onnx} (Barsoum et al., FER+; MIT): input
     * {@code Input3} [1,1,64,64] gray, raw 0..255 values, output {@code Plus692_Output_0} [1,8]
     * logits in FER+ order. The batch size is fixed at 1 in the published file: affect4j runs it
     * once per crop.
     * @return the card
     */
    public static ModelCard emotionFerPlus8() {
        return new ModelCard("emotion-ferplus-8", "Input3", "Plus692_Output_0", Layout.NCHW,
                64, 64, Colour.GRAY, 1, List.of(0.0), List.of(1.0),
                List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear",
                        "contempt"),
                Output.LOGITS, 1.2);
    }

    /**
     * HSEmotion {@code enet_b0_8_best_afew.onnx} / {@code enet_b0_8_best_vgaf.onnx} (Savchenko,
     * EfficientNet-B0 trained on AffectNet, Apache-2.0): input {@code input} [N,3,224,224] RGB,
     * ImageNet normalisation ({@code x/255}, mean 0.485/0.456/0.406, std 0.229/0.224/0.225),
     * eight logits in alphabetical order: anger, contempt, disgust, fear, happiness, neutral,
     * sadness, surprise. HSEmotion crops the detector box without margin; 1.0 here.
     * @return the card
     */
    public static ModelCard hsEmotionEnetB08() {
        return new ModelCard("hsemotion-enet-b0-8", "input", null, Layout.NCHW, 224, 224,
                Colour.RGB, 1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225),
                List.of("anger", "contempt", "disgust", "fear", "happiness", "neutral", "sadness",
                        "surprise"),
                Output.LOGITS, 1.0);
    }

    /**
     * OpenCV zoo {@code facial_expression_recognition_mobilefacenet_2022july.onnx}
     * (MobileFaceNet trained on RAF-DB, Apache-2.0), as its Python demo feeds it: input
     * {@code data} [1,3,112,112] RGB, {@code (x/255 - 0.5) / 0.5}, output {@code label} [1,7],
     * labels angry, disgust, fearful, happy, neutral, sad, surprised.
     *
     * <p>Uncertain: upstream aligns each face to a five-point 112x112 template (eyes, nose tip,
     * mouth corners from its YuNet detector) before classifying; affect4j has BlazeFace's eyes,
     * nose and mouth centre and only levels the eyes, so accuracy may be below upstream's
     * figures. Whether the output holds logits or probabilities is not documented; it is read
     * as logits (the demo takes the arg-max, which is the same either way, and softmax of
     * probabilities flattens but keeps their order).
     * @return the card
     */
    public static ModelCard openCvZooFacialExpression() {
        return new ModelCard("opencv-zoo-fer-mobilefacenet", "data", "label", Layout.NCHW,
                112, 112, Colour.RGB, 1 / 255.0, List.of(0.5), List.of(0.5),
                List.of("angry", "disgust", "fearful", "happy", "neutral", "sad", "surprised"),
                Output.LOGITS, 1.1);
    }

    /**
     * A preset by name: {@code emotion-ferplus-8} (also {@code ferplus}), {@code hsemotion-enet-b0-8}
     * (also {@code hsemotion}), {@code opencv-zoo-fer} (also {@code opencv-zoo}).
     *
     * @param presetName the preset's name
     * @return the card
     * @throws IllegalArgumentException naming the known presets if the name is unknown
     */
    public static ModelCard preset(String presetName) {
        return switch (presetName.trim().toLowerCase(Locale.ROOT)) {
            case "emotion-ferplus-8", "ferplus", "ferplus8" -> emotionFerPlus8();
            case "hsemotion-enet-b0-8", "hsemotion" -> hsEmotionEnetB08();
            case "opencv-zoo-fer", "opencv-zoo", "opencv-zoo-fer-mobilefacenet" ->
                    openCvZooFacialExpression();
            default -> throw new IllegalArgumentException("unknown model card preset '"
                    + presetName + "'; known: emotion-ferplus-8, hsemotion-enet-b0-8, opencv-zoo-fer");
        };
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The fields a card may have; anything else is a typo and refused. */
    private static final Set<String> FIELDS = Set.of("name", "input.name", "output.name",
            "input.layout", "input.width", "input.height", "input.colour", "input.color",
            "input.scale", "input.mean", "input.std", "labels", "output.kind", "crop.scale");

    /**
     * Reads a card from a properties file (UTF-8), format as in the class description.
     *
     * @param file the card file
     * @return the card
     * @throws InvalidModelException naming the file and the field when a value is missing or
     *     invalid
     * @throws IOException if the file cannot be read
     */
    public static ModelCard read(Path file) throws IOException {
        return ModelCardReader.read(file).parse(ModelCard::from);
    }

    /**
     * Reads a card from a stream of properties (UTF-8); the stream is read to its end, not closed.
     *
     * @param source names the stream in messages
     * @param in the card's bytes
     * @return the card
     * @throws InvalidModelException naming the source and the field when a value is missing or
     *     invalid
     * @throws IOException if the stream cannot be read
     */
    public static ModelCard read(InputStream in, String source) throws IOException {
        return ModelCardReader.read(in, source).parse(ModelCard::from);
    }

    private static ModelCard from(ModelCardReader card) {
        card.requireOnlyKnown(FIELDS);
        // "input.color" is accepted for "input.colour"; the card's own spelling wins.
        String colour = card.optional("input.colour").isPresent()
                || card.optional("input.color").isEmpty() ? "input.colour" : "input.color";
        return new ModelCard(
                card.required("name"),
                card.optional("input.name").orElse(null),
                card.optional("output.name").orElse(null),
                card.enumValue(Layout.class, "input.layout"),
                card.integer("input.width"),
                card.integer("input.height"),
                card.enumValue(Colour.class, colour),
                card.number("input.scale", 1),
                card.numbers("input.mean", List.of(0.0)),
                card.numbers("input.std", List.of(1.0)),
                card.list("labels"),
                card.enumValue(Output.class, "output.kind"),
                card.number("crop.scale", 1.2));
    }
}
