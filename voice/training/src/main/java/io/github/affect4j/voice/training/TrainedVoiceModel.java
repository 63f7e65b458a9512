package io.github.affect4j.voice.training;

import ai.onnx.proto.OnnxMl;
import io.github.affect4j.Emotion;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.onnx.VoiceModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * A trained classifier over the acoustic feature vector: the Tribuo model, the standardisation
 * (cut off at a number of standard deviations) and imputation learnt with it, and its model
 * card. {@link #save} writes it as ONNX with the
 * standardisation inside the graph, so the ONNX model takes the card's features as they come out
 * of the extractor (after imputation and the optional speaker centring).
 *
 * <p>A speaker-normalised model ({@code speaker-blend}) is two classifiers: this one, which reads
 * vectors as they come and is trained exactly as without normalisation, and a speaker-centred one
 * ({@link #centred()}) that the detector blends in once enough of a speaker was heard; {@link
 * #save} writes both, each with its card.
 *
 * <p>Immutable and thread-safe (Tribuo models may be shared for prediction).
 */
public final class TrainedVoiceModel {

    /** The file name suffix of the speaker-centred second model: x.onnx gives x.centred.onnx. */
    static final String CENTRED_SUFFIX = ".centred.onnx";

    /**
     * The speaker-centred classifier of a {@code speaker-blend} model and when the detector
     * consults it ({@link VoiceModelCard.CentredModel}).
     *
     * @param model the classifier, its card {@code speaker-mean}
     * @param switchSeconds seconds of the speaker's earlier speech before it is consulted
     * @param blendSeconds seconds over which its weight then grows to 1
     */
    public record Centred(TrainedVoiceModel model, double switchSeconds, double blendSeconds) {

        /**
         * Checks the fields.
         *
         * @param model as the record component
         * @param switchSeconds as the record component, in (0, 1e6)
         * @param blendSeconds as the record component, in [0, 1e6)
         * @throws IllegalArgumentException if the model's card is not speaker-mean or a time is
         *     out of range
         */
        public Centred {
            Objects.requireNonNull(model, "model");
            if (model.card().normalisation() != VoiceModelCard.Normalisation.SPEAKER_MEAN) {
                throw new IllegalArgumentException("a speaker-centred model has a speaker-mean "
                        + "card, got " + model.card().normalisation());
            }
            new VoiceModelCard.CentredModel("x.onnx", switchSeconds, blendSeconds);
        }
    }

    /** The ONNX domain written into exported models. */
    static final String ONNX_DOMAIN = "io.github.affect4j.voice";

    private final Model<Label> model;
    private final FeatureSet featureSet;
    /** Per feature of the set: index into the model input, or -1 when the model ignores it. */
    private final int[] inputIndex;
    private final String[] inputNames;
    private final double[] mean;
    private final double[] std;
    private final double limit;
    private final List<Emotion> labels;
    private final VoiceModelCard card;
    private final Optional<Centred> centred;

    TrainedVoiceModel(Model<Label> model, FeatureSet featureSet, double[] setMean, double[] setStd,
                      double limit, VoiceModelCard.Normalisation normalisation, double[] populationMean,
                      double priorSeconds, Optional<Centred> centred, String name,
                      Map<String, String> training) {
        if (!(model instanceof ONNXExportable)) {
            throw new IllegalArgumentException(model.getClass().getName() + " cannot be exported");
        }
        this.model = model;
        this.featureSet = featureSet;
        this.limit = limit;
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int inputs = features.size();
        this.inputIndex = new int[featureSet.size()];
        this.inputNames = new String[inputs];
        this.mean = new double[inputs];
        this.std = new double[inputs];
        double[] population = new double[inputs];
        List<String> names = featureSet.names();
        for (int i = 0; i < names.size(); i++) {
            int id = features.getID(names.get(i));
            inputIndex[i] = id;
            if (id >= 0) {
                inputNames[id] = names.get(i);
                mean[id] = setMean[i];
                std[id] = setStd[i];
                population[id] = populationMean != null ? populationMean[i] : 0;
            }
        }
        for (int id = 0; id < inputs; id++) {
            if (inputNames[id] == null) {
                throw new IllegalStateException("model feature " + id + " is not in " + featureSet);
            }
        }
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        List<Emotion> emotions = new ArrayList<>();
        List<String> labelNames = new ArrayList<>();
        for (int id = 0; id < outputs.size(); id++) {
            String label = outputs.getOutput(id).getLabel();
            emotions.add(Emotion.parse(label));
            labelNames.add(label);
        }
        this.labels = List.copyOf(emotions);
        this.centred = Objects.requireNonNull(centred, "centred");
        this.card = new VoiceModelCard(name, featureSet.version(), "features", "probabilities",
                VoiceModelCard.OutputKind.PROBABILITIES, labelNames, List.of(inputNames),
                boxed(mean), normalisation,
                normalisation == VoiceModelCard.Normalisation.SPEAKER_MEAN
                        ? boxed(population) : List.of(),
                priorSeconds, centred.map(c -> new VoiceModelCard.CentredModel(
                        "model" + CENTRED_SUFFIX, c.switchSeconds(), c.blendSeconds())),
                training);
    }

    /**
     * The model card written next to the ONNX file. For a {@code speaker-blend} model it names
     * the second file as {@link #save} writes it beside a file {@code model.onnx}; see
     * {@link #cardFor} for another file name.
     *
     * @return the card
     */
    public VoiceModelCard card() {
        return card;
    }

    /**
     * The card {@link #save} writes beside a given file: {@link #card()}, naming the second file
     * of a {@code speaker-blend} model after that file ({@code x.onnx}: {@code x.centred.onnx}).
     *
     * @param onnxFile the file the model is saved to
     * @return the card written beside it
     */
    public VoiceModelCard cardFor(Path onnxFile) {
        if (centred.isEmpty()) {
            return card;
        }
        VoiceModelCard.CentredModel stage = card.centredModel().orElseThrow();
        return new VoiceModelCard(card.name(), card.featureSet(), card.inputName(),
                card.outputName(), card.outputKind(), card.labels(), card.features(),
                card.impute(), card.normalisation(), card.normalisationMean(),
                card.priorSeconds(), Optional.of(new VoiceModelCard.CentredModel(
                        centredPath(onnxFile).getFileName().toString(), stage.switchSeconds(),
                        stage.blendSeconds())), card.training());
    }

    /** Where {@link #save} writes the second model of a speaker-blend model. */
    static Path centredPath(Path onnxFile) {
        String base = VoiceModelCard.cardPath(onnxFile).getFileName().toString();
        base = base.substring(0, base.length() - ".card.properties".length());
        return onnxFile.resolveSibling(base + CENTRED_SUFFIX);
    }

    /** {@return the speaker-centred second classifier of a speaker-blend model, else empty} */
    public Optional<Centred> centred() {
        return centred;
    }

    /** {@return the labels in output order} */
    public List<Emotion> labels() {
        return labels;
    }

    /**
     * The in-Java prediction: class probabilities in {@link #labels()} order for a vector of the
     * feature set (after speaker centring, if the card asks for it). NaN values are imputed.
     *
     * @param features one feature vector
     * @return the probability of each label
     * @throws IllegalArgumentException if the vector has the wrong length
     */
    public double[] probabilities(double[] features) {
        if (features.length != featureSet.size()) {
            throw new IllegalArgumentException("expected " + featureSet.size() + " features, got "
                    + features.length);
        }
        String[] names = new String[inputNames.length];
        double[] values = new double[inputNames.length];
        for (int i = 0; i < features.length; i++) {
            int id = inputIndex[i];
            if (id >= 0) {
                double x = Double.isNaN(features[i]) ? mean[id] : features[i];
                names[id] = inputNames[id];
                values[id] = limit((x - mean[id]) / std[id], limit);
            }
        }
        Prediction<Label> prediction = model.predict(
                new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
        double[] p = new double[labels.size()];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            p[labels.indexOf(Emotion.parse(e.getKey()))] = e.getValue().getScore();
        }
        return p;
    }

    /**
     * The most probable label of a vector, in Java.
     *
     * @param features one feature vector
     * @return the most probable category
     */
    public Emotion predict(double[] features) {
        double[] p = probabilities(features);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return labels.get(best);
    }

    /**
     * Writes the model as ONNX ({@code float[N, F]} input {@code features}, standardised inside
     * the graph, {@code float[N, C]} output {@code probabilities}) and its card next to it
     * ({@link VoiceModelCard#cardPath}); a {@code speaker-blend} model also writes its
     * speaker-centred classifier beside it, {@code model.centred.onnx} with its card, named in
     * the first card.
     *
     * @param onnxFile where to write, e.g. {@code model.onnx}
     * @throws IOException if a file cannot be written
     */
    public void save(Path onnxFile) throws IOException {
        Path parent = onnxFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(onnxFile, toOnnx().toByteArray());
        if (centred.isPresent()) {
            centred.get().model().save(centredPath(onnxFile));
        }
        cardFor(onnxFile).write(VoiceModelCard.cardPath(onnxFile));
    }

    /** The ONNX model with standardisation in front of Tribuo's graph. */
    OnnxMl.ModelProto toOnnx() {
        ONNXContext context = new ONNXContext();
        context.setName("affect4j-voice-" + card.name());
        ONNXPlaceholder input = context.floatInput("features", inputNames.length);
        ONNXPlaceholder output = context.floatOutput("probabilities", labels.size());
        ONNXInitializer centre = context.array("feature_mean", toFloats(mean));
        ONNXInitializer scale = context.array("feature_std", toFloats(std));
        ONNXNode z = input.apply(ONNXOperators.SUB, centre).apply(ONNXOperators.DIV, scale);
        // Cut off at +-limit with Where (Tribuo's operator set has no Clip, Min or Max).
        float[] highs = new float[inputNames.length];
        float[] lows = new float[inputNames.length];
        java.util.Arrays.fill(highs, (float) limit);
        java.util.Arrays.fill(lows, (float) -limit);
        ONNXInitializer high = context.array("feature_limit_high", highs);
        ONNXInitializer low = context.array("feature_limit_low", lows);
        ONNXNode belowHigh = z.apply(ONNXOperators.GREATER, high)
                .apply(ONNXOperators.WHERE, List.of(high, z));
        ONNXNode standardised = belowHigh.apply(ONNXOperators.LESS, low)
                .apply(ONNXOperators.WHERE, List.of(low, belowHigh));
        ONNXNode result = ((ONNXExportable) model).writeONNXGraph(standardised);
        result.assignTo(output);
        OnnxMl.ModelProto proto = ONNXExportable.buildModel(context, ONNX_DOMAIN, 1, model);
        // Tribuo records its provenance, with training and data-source timestamps, in the doc
        // string and metadata; left in, the same training would never give the same bytes. The
        // card says how the model was trained.
        return proto.toBuilder().clearDocString().clearMetadataProps()
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey("affect4j.model").setValue(card.name()))
                .build();
    }

    /** A standardised value cut off at {@code +-limit}. */
    static double limit(double z, double limit) {
        return Math.max(-limit, Math.min(limit, z));
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
