package io.github.affect4j.voice.onnx;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.OnnxModel;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded waveform model (see {@link WaveformModelCard}): normalises a span's 16 kHz samples,
 * cuts them into windows when the model has a fixed length, runs each, pools the outputs and
 * maps them to {@link VoiceAffect}. One ONNX session is shared by all threads; every tensor and
 * result is closed before a call returns. Closing is guarded by the owning detector.
 */
final class WaveformClassifier implements AffectModel {

    private static final Logger LOG = LoggerFactory.getLogger(WaveformClassifier.class);

    /** Added to the variance before the square root, as wav2vec2 feature extractors do. */
    static final double VARIANCE_EPSILON = 1e-7;

    private final String file;
    private final WaveformModelCard card;
    private final OnnxModel model;
    private final List<Emotion> emotions;

    private WaveformClassifier(WaveformModelCard card, OnnxModel model) {
        this.file = model.name();
        this.card = card;
        this.model = model;
        this.emotions = card.outputKind() == WaveformModelCard.OutputKind.DIMENSIONAL ? List.of()
                : card.emotions();
    }

    /**
     * Creates a session and checks its input and output against the card.
     *
     * @param name the file name, for messages
     * @param threads intra-op threads
     * @throws InvalidModelException naming the file and the mismatch
     */
    static WaveformClassifier load(byte[] bytes, String name, int threads, WaveformModelCard card)
            throws InvalidModelException {
        return OnnxModel.load(bytes, name, threads, card.inputName(), card.outputName(), model -> {
            check(name, card, model);
            return new WaveformClassifier(card, model);
        });
    }

    private static void check(String name, WaveformModelCard card, OnnxModel model)
            throws InvalidModelException {
        long[] in = model.inputShape();
        if (model.inputNames().size() != 1) {
            throw new InvalidModelException(name + ": has inputs " + model.inputNames()
                    + "; a waveform model takes one, '" + card.inputName() + "'");
        }
        if (in.length != 2 || (in[0] != 1 && in[0] != -1)) {
            throw new InvalidModelException(name + ": input '" + card.inputName() + "' has shape "
                    + Arrays.toString(in) + "; a waveform model takes [1, samples]");
        }
        if (card.dynamicLength() && in[1] != -1) {
            throw new InvalidModelException(name + ": input '" + card.inputName()
                    + "' has the fixed length " + in[1] + " but the card says input.length = "
                    + "dynamic (set input.length = " + in[1] + ")");
        }
        if (!card.dynamicLength() && in[1] != -1 && in[1] != card.window()) {
            throw new InvalidModelException(name + ": input '" + card.inputName()
                    + "' has the fixed length " + in[1] + " but the card says input.length = "
                    + card.window());
        }
        long[] out = model.outputShape();
        String what = card.outputKind() == WaveformModelCard.OutputKind.DIMENSIONAL
                ? card.outputSize() + " dimensions " + card.dimensions()
                : card.outputSize() + " labels";
        if (out.length != 2 || (out[1] != -1 && out[1] != card.outputSize())) {
            throw new InvalidModelException(name + ": output '" + card.outputName()
                    + "' has shape " + Arrays.toString(out) + " but the card lists " + what
                    + ": expected [1, " + card.outputSize() + "]");
        }
    }

    WaveformModelCard card() {
        return card;
    }

    @Override
    public SpeakerBaseline newBaseline() {
        return null;
    }

    @Override
    public List<VoiceAffect> read(List<SpeechFeatures> segments, SpeakerBaseline baseline,
                                  SpeechFeatures summary) {
        List<VoiceAffect> out = new ArrayList<>(segments.size() + 1);
        for (SpeechFeatures s : segments) {
            out.add(affect(s.samples()));
        }
        if (summary != null) {
            out.add(affect(summary.samples()));
        }
        return out;
    }

    @Override
    public boolean readsSamples() {
        return true;
    }

    @Override
    public String method() {
        return "waveform model (" + card.outputKind().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + (card.dynamicLength() ? "dynamic length" : card.window() + "-sample windows")
                + ") on ONNX Runtime";
    }

    @Override
    public String describe() {
        return file + " (sha256 " + model.sha256().substring(0, 12) + ", card " + card.name()
                + ")";
    }

    /** The affect of one span of 16 kHz samples. */
    VoiceAffect affect(float[] samples) {
        return toAffect(pooledOutput(samples));
    }

    /**
     * The model's output for a span, pooled over windows: probabilities for categorical models
     * (logits already through softmax), raw values for dimensional ones.
     */
    double[] pooledOutput(float[] samples) {
        if (samples.length == 0) {
            throw new AnalysisException(file + ": no samples to read");
        }
        float[] x = normalised(samples);
        if (card.dynamicLength()) {
            return toProbabilities(run(x, 0, x.length));
        }
        int n = card.window();
        List<Integer> starts = windowStarts(x.length, n, card.hop());
        double[] sum = new double[card.outputSize()];
        boolean meanLogits = card.outputKind() == WaveformModelCard.OutputKind.LOGITS
                && card.pooling() == WaveformModelCard.Pooling.MEAN_LOGITS;
        for (int start : starts) {
            double[] window = run(x, start, n);
            double[] v = meanLogits ? window : toProbabilities(window);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / starts.size();
            }
        }
        return meanLogits ? softmax(sum) : sum;
    }

    /**
     * Window starts for a span: every {@code hop} samples, plus one aligned to the end when the
     * last regular window stops short of it; a span shorter than a window gets one, padded.
     */
    static List<Integer> windowStarts(int length, int window, int hop) {
        List<Integer> starts = new ArrayList<>();
        if (length <= window) {
            starts.add(0);
            return starts;
        }
        int start = 0;
        for (; start + window <= length; start += hop) {
            starts.add(start);
        }
        int last = starts.get(starts.size() - 1);
        if (last + window < length) {
            starts.add(length - window);
        }
        return starts;
    }

    private float[] normalised(float[] samples) {
        if (card.normalisation() == WaveformModelCard.Normalisation.NONE) {
            return samples;
        }
        double mean = 0;
        for (float v : samples) {
            mean += v;
        }
        mean /= samples.length;
        double variance = 0;
        for (float v : samples) {
            variance += (v - mean) * (v - mean);
        }
        variance /= samples.length;
        double scale = 1 / Math.sqrt(variance + VARIANCE_EPSILON);
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((samples[i] - mean) * scale);
        }
        return out;
    }

    /** Runs the model on {@code length} samples from {@code from}, zero-padded to the window. */
    private double[] run(float[] x, int from, int length) {
        int n = card.dynamicLength() ? length : card.window();
        FloatBuffer buffer = OnnxModel.floatBuffer(n);
        buffer.put(x, from, Math.min(length, x.length - from));
        buffer.rewind();
        return model.run(buffer, new long[] {1, n}, out -> {
            FloatBuffer values = out.getFloatBuffer();
            if (values.remaining() != card.outputSize()) {
                throw new AnalysisException(file + ": output '" + card.outputName()
                        + "' has " + values.remaining() + " values, the card expects "
                        + card.outputSize());
            }
            double[] raw = new double[card.outputSize()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = values.get(i);
                if (!Double.isFinite(raw[i])) {
                    throw new AnalysisException(file + ": output " + i + " is " + raw[i]);
                }
            }
            return raw;
        });
    }

    private double[] toProbabilities(double[] raw) {
        return switch (card.outputKind()) {
            case LOGITS -> softmax(raw);
            case PROBABILITIES -> Arrays.stream(raw).map(v -> Math.max(0, v)).toArray();
            case DIMENSIONAL -> raw;
        };
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private VoiceAffect toAffect(double[] pooled) {
        if (card.outputKind() != WaveformModelCard.OutputKind.DIMENSIONAL) {
            Map<Emotion, Double> weights = new EnumMap<>(Emotion.class);
            for (int i = 0; i < pooled.length; i++) {
                weights.put(emotions.get(i), pooled[i]);
            }
            return FeatureClassifier.affect(EmotionScores.of(weights));
        }
        double arousal = 0;
        double valence = 0;
        for (int i = 0; i < pooled.length; i++) {
            double v = toUnit(pooled[i]);
            switch (card.dimensions().get(i)) {
                case "arousal" -> arousal = v;
                case "valence" -> valence = v;
                case "dominance" -> LOG.debug("{}: dominance {}", file, v);
                default -> { }
            }
        }
        return new VoiceAffect(EmotionScores.fromCircumplex(valence, arousal), valence, arousal);
    }

    /** Maps a value of the card's range linearly onto [-1, 1], clamped. */
    double toUnit(double value) {
        double v = 2 * (value - card.rangeLow()) / (card.rangeHigh() - card.rangeLow()) - 1;
        return Math.max(-1, Math.min(1, v));
    }

    @Override
    public void close() {
        model.close();
    }
}
