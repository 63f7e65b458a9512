package io.github.affect4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable probability distribution over the eight {@link Emotion} categories.
 *
 * <p>Probabilities are non-negative and sum to 1 (within floating-point rounding): the factories
 * normalise the weights they are given. Valence and arousal are derived from the distribution
 * by the circumplex mapping documented on {@link Emotion}: the probability-weighted mean of the
 * categories' positions.
 */
public final class EmotionScores {

    private static final Emotion[] EMOTIONS = Emotion.values();
    private static final double CIRCUMPLEX_VALENCE_WIDTH = 0.6;
    private static final double CIRCUMPLEX_AROUSAL_WIDTH = 0.35;
    private static final double CIRCUMPLEX_NEUTRAL_PRIOR = 2;

    private final double[] probabilities;

    private EmotionScores(double[] probabilities) {
        this.probabilities = probabilities;
    }

    /**
     * Builds a distribution from non-negative weights, normalised to sum 1. Categories absent from
     * the map get probability 0 (a model with seven labels has no contempt, say).
     *
     * @param weights a weight per category; absent categories weigh 0
     * @return the normalised distribution
     * @throws IllegalArgumentException if a weight is negative, NaN or infinite, or all are zero
     */
    public static EmotionScores of(Map<Emotion, ? extends Number> weights) {
        double[] values = new double[EMOTIONS.length];
        weights.forEach((emotion, weight) -> values[emotion.ordinal()] = weight.doubleValue());
        return normalise(values);
    }

    /**
     * Builds a distribution from weights given in {@link Emotion#values()} order, normalised to
     * sum 1.
     *
     * @param weights exactly eight non-negative finite weights, not all zero
     * @return the normalised distribution
     * @throws IllegalArgumentException if the length is not eight or a weight is invalid
     */
    public static EmotionScores ofWeights(double... weights) {
        if (weights.length != EMOTIONS.length) {
            throw new IllegalArgumentException("expected " + EMOTIONS.length
                    + " weights in Emotion order, got " + weights.length);
        }
        return normalise(weights.clone());
    }

    /**
     * The distribution that puts all probability on one category.
     *
     * @param emotion the category
     * @return the distribution with probability 1 on {@code emotion}
     */
    public static EmotionScores certain(Emotion emotion) {
        double[] values = new double[EMOTIONS.length];
        values[emotion.ordinal()] = 1.0;
        return new EmotionScores(values);
    }

    /**
     * The distribution implied by a point on the circumplex, for sources that report valence and
     * arousal but no categories (dimensional speech-emotion models, prosody rules). Each
     * category's weight is a Gaussian kernel of its distance to the point,
     * {@code prior * exp(-((v - v_e) / 0.6)^2 / 2 - ((a - a_e) / 0.35)^2 / 2)}, with its position
     * ({@code v_e}, {@code a_e}) from {@link Emotion}; neutral has prior 2, the others 1. The
     * valence width is the larger because valence is the less certain axis, and the neutral
     * prior makes a weak signal read as mostly neutral. At high arousal and unknown valence the
     * mass spreads over surprise, fear, anger and happiness: that is all the two axes can say.
     *
     * <p>The kernel is a softmax over negative squared (scaled) distances, so the result never
     * puts all mass on one category; its {@link #valence()} and {@link #arousal()} lie near,
     * not exactly on, the given point.
     *
     * @param valence in [-1, 1]
     * @param arousal in [-1, 1]
     * @return the distribution, every category above 0
     * @throws IllegalArgumentException if either is outside [-1, 1] or NaN
     */
    public static EmotionScores fromCircumplex(double valence, double arousal) {
        if (!(valence >= -1 && valence <= 1) || !(arousal >= -1 && arousal <= 1)) {
            throw new IllegalArgumentException("valence and arousal must be in [-1, 1], got "
                    + valence + " and " + arousal);
        }
        double[] weights = new double[EMOTIONS.length];
        for (Emotion e : EMOTIONS) {
            double dv = (valence - e.valence()) / CIRCUMPLEX_VALENCE_WIDTH;
            double da = (arousal - e.arousal()) / CIRCUMPLEX_AROUSAL_WIDTH;
            double prior = e == Emotion.NEUTRAL ? CIRCUMPLEX_NEUTRAL_PRIOR : 1;
            weights[e.ordinal()] = prior * Math.exp(-0.5 * (dv * dv + da * da));
        }
        return normalise(weights);
    }

    /**
     * The probability-weighted mixture of several distributions.
     *
     * @param parts distributions to mix, at least one
     * @param weights one non-negative weight per distribution, not all zero
     * @return the normalised mixture
     * @throws IllegalArgumentException if the lengths differ or the weights are invalid
     */
    public static EmotionScores mixture(List<EmotionScores> parts, double[] weights) {
        if (parts.isEmpty() || parts.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per distribution, got "
                    + parts.size() + " distributions and " + weights.length + " weights");
        }
        double max = 0;
        for (int p = 0; p < weights.length; p++) {
            checkWeight(weights[p], "mixture weight " + p);
            max = Math.max(max, weights[p]);
        }
        if (max == 0) {
            throw new IllegalArgumentException("all mixture weights are zero");
        }
        double[] values = new double[EMOTIONS.length];
        for (int p = 0; p < parts.size(); p++) {
            // Scaled by the largest weight, so huge finite weights cannot overflow the sums.
            double weight = weights[p] / max;
            for (int i = 0; i < values.length; i++) {
                values[i] += weight * parts.get(p).probabilities[i];
            }
        }
        return normalise(values);
    }

    private static EmotionScores normalise(double[] values) {
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            checkWeight(values[i], EMOTIONS[i].label());
            max = Math.max(max, values[i]);
        }
        if (max == 0) {
            throw new IllegalArgumentException("all emotion weights are zero");
        }
        // Divide by the largest weight first: the sum of finite weights near Double.MAX_VALUE
        // would overflow to infinity and turn every probability into 0.
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] /= max;
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            // + 0.0 turns a -0.0 weight into 0.0, which equals() and hashCode() would tell apart.
            values[i] = values[i] / sum + 0.0;
        }
        return new EmotionScores(values);
    }

    private static void checkWeight(double weight, String name) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of " + name
                    + " must be finite and non-negative, got " + weight);
        }
    }

    /**
     * The probability of one category, in [0, 1].
     *
     * @param emotion the category
     * @return its probability
     */
    public double probability(Emotion emotion) {
        return probabilities[emotion.ordinal()];
    }

    /**
     * {@return the most probable category; ties go to the category declared first in {@link
     * Emotion}}
     */
    public Emotion dominant() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return EMOTIONS[best];
    }

    /**
     * The {@code k} most probable categories, most probable first.
     *
     * @param k how many, 1 to 8
     * @return the {@code k} most probable categories, most probable first
     * @throws IllegalArgumentException if {@code k} is not between 1 and 8
     */
    public List<LabelScore> topK(int k) {
        if (k < 1 || k > EMOTIONS.length) {
            throw new IllegalArgumentException("k must be between 1 and " + EMOTIONS.length
                    + ", got " + k);
        }
        List<LabelScore> all = new ArrayList<>(EMOTIONS.length);
        for (Emotion emotion : EMOTIONS) {
            all.add(new LabelScore(emotion, probabilities[emotion.ordinal()]));
        }
        all.sort(Comparator.comparingDouble(LabelScore::probability).reversed());
        return List.copyOf(all.subList(0, k));
    }

    /**
     * {@return the valence in [-1, 1]: the probability-weighted mean of the categories' valence
     * positions}
     */
    public double valence() {
        double v = 0;
        for (Emotion emotion : EMOTIONS) {
            v += probabilities[emotion.ordinal()] * emotion.valence();
        }
        return v;
    }

    /**
     * {@return the arousal in [-1, 1]: the probability-weighted mean of the categories' arousal
     * positions}
     */
    public double arousal() {
        double a = 0;
        for (Emotion emotion : EMOTIONS) {
            a += probabilities[emotion.ordinal()] * emotion.arousal();
        }
        return a;
    }

    /** {@return the probabilities in {@link Emotion#values()} order, as a fresh array} */
    public double[] toArray() {
        return probabilities.clone();
    }

    /** {@return the probabilities as an unmodifiable map in {@link Emotion} order} */
    public Map<Emotion, Double> asMap() {
        Map<Emotion, Double> map = new EnumMap<>(Emotion.class);
        for (Emotion emotion : EMOTIONS) {
            map.put(emotion, probabilities[emotion.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmotionScores scores
                && Arrays.equals(probabilities, scores.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EmotionScores{");
        for (LabelScore score : topK(EMOTIONS.length)) {
            if (text.length() > 14) {
                text.append(", ");
            }
            text.append(score.emotion().label()).append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", score.probability()));
        }
        return text.append('}').toString();
    }

    /**
     * One category with its probability.
     *
     * @param emotion the category
     * @param probability its probability, in [0, 1]
     */
    public record LabelScore(Emotion emotion, double probability) {
    }
}
