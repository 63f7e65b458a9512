package io.github.affect4j.voice.onnx;

import io.github.affect4j.Emotion;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading the properties of a model card, shared by {@link VoiceModelCard} and
 * {@link WaveformModelCard}: the file next to the model, its required and optional fields and
 * the checks both kinds make, with messages that name the card and the field.
 */
final class CardProperties {

    private CardProperties() {
    }

    /**
     * Reads a card file and parses its properties.
     *
     * @param parse builds the card, throwing {@link IllegalArgumentException} naming the field
     * @throws NoSuchFileException "model card not found" when the file does not exist
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException prefixed with the file when {@code parse} rejects the card
     */
    static <T> T read(Path file, Function<Properties, T> parse) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "model card not found");
        }
        try {
            return parse.apply(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A field that must be present and not blank, trimmed.
     *
     * @throws IllegalArgumentException "{@code key} is missing"
     */
    static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value.trim();
    }

    /**
     * An enum field written in lower case with hyphens ({@code speaker-mean}); the error lists
     * the choices as they are written.
     *
     * @throws IllegalArgumentException naming the field, the choices and the value
     */
    static <E extends Enum<E>> E enumValue(Class<E> type, Properties p, String key,
                                           String defaultValue) {
        String value = p.getProperty(key, defaultValue).trim();
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String choices = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException(key + " must be one of "
                    + choices.replace('_', '-')
                    + ", got '" + value + "'", e);
        }
    }

    /** A comma-separated list, items trimmed, blank items dropped. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /**
     * A number of the field {@code key}.
     *
     * @throws IllegalArgumentException naming the field and the value when it is not a number
     */
    static double number(String value, String key) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number", e);
        }
    }

    /**
     * Checks a tensor name field.
     *
     * @throws IllegalArgumentException "{@code key} must not be blank"
     */
    static void requireName(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    /**
     * Checks a classifier's labels: at least two, each mapped by {@link Emotion#fromLabel}, no two
     * to the same category.
     *
     * @throws IllegalArgumentException naming the field and the offending label
     */
    static void requireEmotionLabels(List<String> labels) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("labels: a classifier needs at least two, got "
                    + labels);
        }
        Set<Emotion> seen = new HashSet<>();
        for (String label : labels) {
            Emotion emotion = Emotion.fromLabel(label).orElseThrow(() ->
                    new IllegalArgumentException("labels: '" + label + "' is not an emotion label"));
            if (!seen.add(emotion)) {
                throw new IllegalArgumentException("labels: two labels map to " + emotion.label()
                        + ": " + labels);
            }
        }
    }
}
