package io.github.affect4j.voice.onnx;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.OnnxModel;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded feature classifier: its card, the ONNX session (one, shared by all threads: ONNX
 * Runtime allows concurrent runs on a session) and the translation between feature vectors and
 * {@link EmotionScores}. Every tensor and result is closed before {@link #scores} returns.
 *
 * <p>Closing is not guarded here: the owning detector makes sure no run is in flight.
 */
final class FeatureClassifier implements AffectModel {

    private final String file;
    private final VoiceModelCard card;
    private final OnnxModel model;
    /** For each model input: its position in the feature set vector. */
    private final int[] source;
    private final double[] impute;
    private final double[] population;
    private final List<Emotion> emotions;

    private FeatureClassifier(VoiceModelCard card, OnnxModel model) {
        this.file = model.name();
        this.card = card;
        this.model = model;
        // The card's features are read by name from the vectors this library extracts, which
        // hold every feature of the card's (possibly older) set with the same definition.
        FeatureSet extracted = FeatureSet.current();
        this.source = card.features().stream().mapToInt(extracted::indexOf).toArray();
        this.impute = card.impute().stream().mapToDouble(Double::doubleValue).toArray();
        this.population = card.normalisationMean().stream().mapToDouble(Double::doubleValue)
                .toArray();
        this.emotions = card.emotions();
    }

    /**
     * Creates a session and checks it against the card.
     *
     * @param name the file name, for messages
     * @param threads intra-op threads
     * @throws InvalidModelException naming the file when ONNX Runtime rejects it or it does not
     *     match the card
     */
    static FeatureClassifier load(byte[] bytes, String name, int threads, VoiceModelCard card)
            throws InvalidModelException {
        return OnnxModel.load(bytes, name, threads, card.inputName(), card.outputName(), model -> {
            long[] in = model.inputShape();
            long[] out = model.outputShape();
            if (in.length != 2 || (in[1] != card.features().size())) {
                throw new InvalidModelException(name + ": input '" + card.inputName()
                        + "' has shape " + java.util.Arrays.toString(in) + " but the card lists "
                        + card.features().size() + " features: expected [N, "
                        + card.features().size() + "]");
            }
            if (out.length != 2 || (out[1] != -1 && out[1] != card.labels().size())) {
                throw new InvalidModelException(name + ": output '" + card.outputName()
                        + "' has shape " + java.util.Arrays.toString(out) + " but the card lists "
                        + card.labels().size() + " labels");
            }
            FeatureSet extracted = FeatureSet.current();
            if (!extracted.includes(FeatureSet.forVersion(card.featureSet()))) {
                throw new InvalidModelException(name + ": the card's feature set "
                        + card.featureSet() + " is not contained in " + extracted.version()
                        + ", which this library extracts");
            }
            return new FeatureClassifier(card, model);
        });
    }

    VoiceModelCard card() {
        return card;
    }

    @Override
    public SpeakerBaseline newBaseline() {
        return card.normalisation() == VoiceModelCard.Normalisation.SPEAKER_MEAN
                ? new SpeakerBaseline(population(), card.priorSeconds()) : null;
    }

    /** Segments and summary go to ONNX Runtime in one batch where the model allows. */
    @Override
    public List<VoiceAffect> read(List<SpeechFeatures> segments, SpeakerBaseline baseline,
                                  SpeechFeatures summary) {
        List<float[]> inputs = new java.util.ArrayList<>(segments.size() + 1);
        for (SpeechFeatures s : segments) {
            double[] values = s.values();
            inputs.add(input(values, baseline != null ? baseline.mean() : null));
            if (baseline != null) {
                baseline.add(select(values), s.speechSeconds());
            }
        }
        if (summary != null) {
            inputs.add(input(summary.values(), null));
        }
        return scores(inputs).stream().map(FeatureClassifier::affect).toList();
    }

    /** Affect from a categorical distribution: valence and arousal from the circumplex mean. */
    static VoiceAffect affect(EmotionScores scores) {
        return new VoiceAffect(scores, Math.max(-1, Math.min(1, scores.valence())),
                Math.max(-1, Math.min(1, scores.arousal())));
    }

    @Override
    public boolean readsSamples() {
        return false;
    }

    @Override
    public String method() {
        return "acoustic features (" + card.featureSet() + ") classified on ONNX Runtime";
    }

    /** A short description for {@code DetectorInfo}: file, checksum, card name. */
    @Override
    public String describe() {
        return file + " (sha256 " + model.sha256().substring(0, 12) + ", card " + card.name()
                + ")";
    }

    /**
     * The model's input for a feature vector: the card's features in input order, NaN imputed,
     * centred on the speaker when the card asks and a speaker mean is given.
     *
     * @param features a vector of the card's feature set
     * @param speakerMean the speaker's estimated mean in input order, or null for none
     */
    float[] input(double[] features, double[] speakerMean) {
        float[] x = new float[source.length];
        for (int i = 0; i < source.length; i++) {
            double v = features[source[i]];
            if (Double.isNaN(v)) {
                v = impute[i];
            } else if (speakerMean != null && population.length > 0) {
                v = v - speakerMean[i] + population[i];
            }
            x[i] = (float) v;
        }
        return x;
    }

    /** The card's features of a vector in input order, NaN kept: what a baseline averages. */
    double[] select(double[] features) {
        double[] x = new double[source.length];
        for (int i = 0; i < source.length; i++) {
            x[i] = features[source[i]];
        }
        return x;
    }

    /** The population mean in input order (empty without speaker normalisation). */
    double[] population() {
        return population.clone();
    }

    /**
     * Runs the model on model inputs made by {@link #input}, in one batch where the model allows.
     *
     * @throws AnalysisException if ONNX Runtime reports an error
     */
    List<EmotionScores> scores(List<float[]> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (model.singleSample() && inputs.size() > 1) {
            return inputs.stream().map(x -> scores(List.of(x)).get(0)).toList();
        }
        int n = inputs.size();
        int f = source.length;
        FloatBuffer buffer = OnnxModel.floatBuffer(n * f);
        for (float[] x : inputs) {
            buffer.put(x);
        }
        buffer.rewind();
        Output output = model.run(buffer, new long[] {n, f}, out -> {
            long[] outShape = out.getInfo().getShape();
            FloatBuffer values = out.getFloatBuffer();
            float[] raw = new float[values.remaining()];
            values.get(raw);
            return new Output(raw, (int) outShape[outShape.length - 1]);
        });
        float[] raw = output.values();
        int c = output.classes();
        if (c != emotions.size() || raw.length != n * c) {
            throw new AnalysisException(file + ": output has " + c + " classes per sample, the card "
                    + "lists " + emotions.size() + " labels");
        }
        List<EmotionScores> scores = new java.util.ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            scores.add(toScores(raw, s * c));
        }
        return scores;
    }

    /** A batch's output values and the number of classes per sample (its last dimension). */
    private record Output(float[] values, int classes) {
    }

    private EmotionScores toScores(float[] raw, int offset) {
        int c = emotions.size();
        double[] p = new double[c];
        if (card.outputKind() == VoiceModelCard.OutputKind.LOGITS) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c; i++) {
                max = Math.max(max, raw[offset + i]);
            }
            for (int i = 0; i < c; i++) {
                p[i] = Math.exp(raw[offset + i] - max);
            }
        } else {
            for (int i = 0; i < c; i++) {
                // Float rounding can make a probability a hair below zero.
                p[i] = Math.max(0, raw[offset + i]);
            }
        }
        Map<Emotion, Double> weights = new EnumMap<>(Emotion.class);
        for (int i = 0; i < c; i++) {
            if (!Double.isFinite(p[i])) {
                throw new AnalysisException(file + ": output " + i + " is " + raw[offset + i]);
            }
            weights.put(emotions.get(i), p[i]);
        }
        return EmotionScores.of(weights);
    }

    @Override
    public void close() {
        model.close();
    }
}
