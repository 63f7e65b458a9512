package io.github.affect4j.server.analysis;

import io.github.affect4j.Emotion;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The score columns of {@code face_observations} and {@code audio_observations}, named after
 * each emotion's label ({@code p_happiness}). Scores are written and read by these names, never
 * by position, so reordering {@link Emotion} cannot shift a probability into the wrong column;
 * an emotion without a column fails the schema test and the first insert.
 */
public final class EmotionColumns {

    private static final List<Emotion> EMOTIONS = List.of(Emotion.values());

    private EmotionColumns() {
    }

    /** The column holding this emotion's probability. */
    public static String column(Emotion emotion) {
        return "p_" + emotion.label();
    }

    /** Every emotion, in declaration order (order only affects how SQL text reads). */
    public static List<Emotion> emotions() {
        return EMOTIONS;
    }

    /** One SQL fragment per emotion, joined with {@code ", "}. */
    public static String each(Function<String, String> fragment) {
        return EMOTIONS.stream().map(e -> fragment.apply(column(e)))
                .collect(Collectors.joining(", "));
    }

    /** The column names joined with {@code ", "}. */
    public static String list() {
        return each(Function.identity());
    }

}
