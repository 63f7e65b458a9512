package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The pre- and post-processing of one classifier, made from its {@link ModelCard}: turns an RGB
 * crop (HWC floats 0..255) into the model's input sample (layout, colour, normalisation, optional
 * mirror image), and one output row into probabilities in {@link Emotion} order. Immutable.
 */
final class ClassifierTranslator {

    private final ModelCard card;
    private final int channels;
    private final float[] mul;
    private final float[] add;
    private final boolean identity;
    private final int[] target;

    ClassifierTranslator(ModelCard card) {
        this.card = card;
        this.channels = card.channels();
        this.mul = new float[channels];
        this.add = new float[channels];
        for (int c = 0; c < channels; c++) {
            double mean = pick(card.mean(), c);
            double std = pick(card.std(), c);
            // (p * scale - mean) / std  ==  p * (scale / std) + (-mean / std)
            mul[c] = (float) (card.scale() / std);
            add[c] = (float) (-mean / std);
        }
        boolean unit = true;
        for (int c = 0; c < channels; c++) {
            unit &= mul[c] == 1f && add[c] == 0f;
        }
        this.identity = unit && card.colour() == ModelCard.Colour.RGB
                && card.layout() == ModelCard.Layout.NHWC;
        List<Emotion> emotions = card.emotions();
        this.target = new int[emotions.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = emotions.get(i).ordinal();
        }
    }

    private static double pick(List<Double> values, int channel) {
        return values.size() == 1 ? values.get(0) : values.get(channel);
    }

    ModelCard card() {
        return card;
    }

    int width() {
        return card.width();
    }

    int height() {
        return card.height();
    }

    /** Floats per input sample. */
    int sampleSize() {
        return card.width() * card.height() * channels;
    }

    /** Number of output values per sample. */
    int classes() {
        return target.length;
    }

    /** The input tensor shape for {@code batch} samples. */
    long[] shape(int batch) {
        return card.layout() == ModelCard.Layout.NCHW
                ? new long[] {batch, channels, card.height(), card.width()}
                : new long[] {batch, card.height(), card.width(), channels};
    }

    /**
     * Writes one input sample.
     *
     * @param crop HWC RGB, 0..255, {@code height x width}
     * @param mirrored whether to write the horizontally mirrored crop
     * @param dst the batch buffer (absolute puts; its position is not changed)
     * @param sample the sample's index in the batch
     * @param row a scratch row of at least {@code width * 3} floats
     */
    void write(float[] crop, boolean mirrored, FloatBuffer dst, int sample, float[] row) {
        int w = card.width();
        int h = card.height();
        int base = sample * sampleSize();
        if (identity && !mirrored) {
            dst.put(base, crop, 0, w * h * 3);
            return;
        }
        boolean nchw = card.layout() == ModelCard.Layout.NCHW;
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            int in = y * w * 3;
            if (channels == 1) {
                for (int x = 0; x < w; x++) {
                    int p = in + 3 * (mirrored ? w - 1 - x : x);
                    float gray = 0.299f * crop[p] + 0.587f * crop[p + 1] + 0.114f * crop[p + 2];
                    row[x] = gray * mul[0] + add[0];
                }
                // one channel: NCHW and NHWC are the same memory order
                dst.put(base + y * w, row, 0, w);
                continue;
            }
            boolean bgr = card.colour() == ModelCard.Colour.BGR;
            for (int x = 0; x < w; x++) {
                int p = in + 3 * (mirrored ? w - 1 - x : x);
                for (int c = 0; c < 3; c++) {
                    float value = crop[p + (bgr ? 2 - c : c)] * mul[c] + add[c];
                    if (nchw) {
                        row[c * w + x] = value;
                    } else {
                        row[x * 3 + c] = value;
                    }
                }
            }
            if (nchw) {
                for (int c = 0; c < 3; c++) {
                    dst.put(base + c * plane + y * w, row, c * w, w);
                }
            } else {
                dst.put(base + y * w * 3, row, 0, w * 3);
            }
        }
    }

    /**
     * Adds {@code weight} times the probabilities of one output row to {@code sum}, which is
     * indexed in {@link Emotion} order (eight entries).
     *
     * @param out the output of a batch, {@code classes()} values per sample
     * @param sample the sample's index in the batch
     */
    void accumulate(float[] out, int sample, double weight, double[] sum) {
        int base = sample * target.length;
        double[] p = new double[target.length];
        if (card.output() == ModelCard.Output.LOGITS) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.length; i++) {
                max = Math.max(max, out[base + i]);
            }
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(out[base + i] - max);
                total += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= total;
            }
        } else {
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(0, out[base + i]);
                total += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = total > 0 ? p[i] / total : 1.0 / p.length;
            }
        }
        for (int i = 0; i < p.length; i++) {
            sum[target[i]] += weight * p[i];
        }
    }
}
