package io.github.affect4j;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The eight emotion categories of FER+ (Barsoum et al., 2016), the label set every affect4j
 * detector reports in.
 *
 * <p>Each category has a fixed position on Russell's circumplex of affect, given by
 * {@link #valence()} (unpleasant -1 to pleasant +1) and {@link #arousal()} (calm -1 to
 * activated +1). The positions are the conventional placements of the category prototypes on
 * the circumplex, rounded to one decimal; {@link EmotionScores} averages them, weighted by the
 * probabilities, to derive valence and arousal from a categorical distribution.
 *
 * <table>
 *   <caption>Labels, circumplex positions and accepted synonyms</caption>
 *   <tr><th>label</th><th>valence</th><th>arousal</th><th>synonyms accepted by {@link #fromLabel}</th></tr>
 *   <tr><td>neutral</td><td>0.0</td><td>0.0</td><td>neutral, neu, calm, no emotion</td></tr>
 *   <tr><td>happiness</td><td>0.8</td><td>0.5</td><td>happy, happiness, hap, joy, joyful, pleased</td></tr>
 *   <tr><td>surprise</td><td>0.2</td><td>0.8</td><td>surprise, surprised, sur, su, ps (pleasant surprise)</td></tr>
 *   <tr><td>sadness</td><td>-0.7</td><td>-0.4</td><td>sad, sadness, sorrow, unhappy</td></tr>
 *   <tr><td>anger</td><td>-0.6</td><td>0.8</td><td>angry, anger, ang, mad</td></tr>
 *   <tr><td>disgust</td><td>-0.7</td><td>0.3</td><td>disgust, disgusted, dis</td></tr>
 *   <tr><td>fear</td><td>-0.6</td><td>0.7</td><td>fear, fearful, fea, afraid, scared</td></tr>
 *   <tr><td>contempt</td><td>-0.5</td><td>0.2</td><td>contempt, contemptuous</td></tr>
 * </table>
 *
 * <p>"calm" (RAVDESS) is folded into neutral, as is common practice when RAVDESS is compared
 * with corpora that have no calm class. Labels with no counterpart here (EmoDB's "boredom",
 * for example) are not mapped: {@link #fromLabel} returns empty for them, so callers can report
 * them rather than silently misfile them.
 */
public enum Emotion {
    /** {@code "neutral"}. */
    NEUTRAL("neutral", 0.0, 0.0),
    /** {@code "happiness"}. */
    HAPPINESS("happiness", 0.8, 0.5),
    /** {@code "surprise"}. */
    SURPRISE("surprise", 0.2, 0.8),
    /** {@code "sadness"}. */
    SADNESS("sadness", -0.7, -0.4),
    /** {@code "anger"}. */
    ANGER("anger", -0.6, 0.8),
    /** {@code "disgust"}. */
    DISGUST("disgust", -0.7, 0.3),
    /** {@code "fear"}. */
    FEAR("fear", -0.6, 0.7),
    /** {@code "contempt"}. */
    CONTEMPT("contempt", -0.5, 0.2);

    private static final Map<String, Emotion> SYNONYMS = synonyms();

    private final String label;
    private final double valence;
    private final double arousal;

    Emotion(String label, double valence, double arousal) {
        this.label = label;
        this.valence = valence;
        this.arousal = arousal;
    }

    /** {@return the lower-case label used in all outputs, e.g. {@code "happiness"}} */
    public String label() {
        return label;
    }

    /** {@return the position of this category on the valence axis of the circumplex, in [-1, 1]} */
    public double valence() {
        return valence;
    }

    /** {@return the position of this category on the arousal axis of the circumplex, in [-1, 1]} */
    public double arousal() {
        return arousal;
    }

    /**
     * Maps a label from a common label set to its category, ignoring case, surrounding blanks and
     * the separators {@code _ -}.
     *
     * @param label a label such as {@code "Happy"}, {@code "fearful"} or {@code "ANG"}
     * @return the category, or empty when the label has no counterpart among the eight
     * @throws NullPointerException if {@code label} is null
     */
    public static Optional<Emotion> fromLabel(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Optional.ofNullable(SYNONYMS.get(key));
    }

    /**
     * Like {@link #fromLabel} but for labels that must map.
     *
     * @param label a label such as {@code "Happy"}
     * @return the category
     * @throws IllegalArgumentException naming the label when it has no counterpart
     */
    public static Emotion parse(String label) {
        return fromLabel(label).orElseThrow(() -> new IllegalArgumentException(
                "unknown emotion label '" + label + "'; expected one of " + SYNONYMS.keySet()));
    }

    private static Map<String, Emotion> synonyms() {
        Map<String, Emotion> map = new TreeMap<>();
        put(map, NEUTRAL, "neutral", "neu", "calm", "no emotion");
        put(map, HAPPINESS, "happiness", "happy", "hap", "joy", "joyful", "pleased");
        put(map, SURPRISE, "surprise", "surprised", "sur", "su", "ps", "pleasant surprise");
        put(map, SADNESS, "sadness", "sad", "sorrow", "unhappy");
        put(map, ANGER, "anger", "angry", "ang", "mad");
        put(map, DISGUST, "disgust", "disgusted", "dis");
        put(map, FEAR, "fear", "fearful", "fea", "afraid", "scared");
        put(map, CONTEMPT, "contempt", "contemptuous");
        // Sorted, so the parse message lists the synonyms in the same order in every JVM
        // (Map.copyOf iterates in an order that changes from run to run).
        return Collections.unmodifiableMap(map);
    }

    private static void put(Map<String, Emotion> map, Emotion emotion, String... names) {
        for (String name : names) {
            map.put(name, emotion);
        }
    }
}
