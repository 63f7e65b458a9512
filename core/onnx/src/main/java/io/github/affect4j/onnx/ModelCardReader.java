package io.github.affect4j.onnx;

import io.github.affect4j.InvalidModelException;
import io.github.affect4j.Emotion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fields of a model card, read from a UTF-8 properties file: the one reader behind every
 * affect4j model card (the face {@code ModelCard}, the voice {@code VoiceModelCard} and
 * {@code WaveformModelCard}), with typed getters that name the field in every error.
 *
 * <p>Values are trimmed; a blank value counts as absent. Getters throw
 * {@link IllegalArgumentException} naming the field and the value; {@link #parse} turns that
 * into an {@link InvalidModelException} that also names the card's source, so a card type writes
 * only its fields:
 *
 * <pre>{@code
 * MyCard card = ModelCardReader.read(file).parse(r -> new MyCard(
 *         r.required("name"), r.integer("input.width"), r.enumValue(Layout.class, "input.layout")));
 * }</pre>
 *
 * <p>Not thread-safe; a reader is meant for one parse.
 */
public final class ModelCardReader {

    private final String source;
    private final Properties properties;

    private ModelCardReader(String source, Properties properties) {
        this.source = Objects.requireNonNull(source, "source");
        this.properties = properties;
    }

    /**
     * Reads a card file (UTF-8 properties).
     *
     * @param file the card
     * @return its fields, named by the file in messages
     * @throws NoSuchFileException "model card not found" when the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static ModelCardReader read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "model card not found");
        }
        return load(new StringReader(text), file.toString());
    }

    /**
     * Reads a card from a stream of UTF-8 properties, to its end; the stream is not closed.
     *
     * @param in the card's bytes
     * @param source names the stream in messages
     * @return its fields
     * @throws IOException if the stream cannot be read
     */
    public static ModelCardReader read(InputStream in, String source) throws IOException {
        return load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), source);
    }

    /**
     * The fields of properties already loaded (copied).
     *
     * @param properties the card's fields
     * @param source names the card in messages
     * @return a reader over a copy
     */
    public static ModelCardReader of(Properties properties, String source) {
        Properties copy = new Properties();
        for (String key : properties.stringPropertyNames()) {
            copy.setProperty(key, properties.getProperty(key));
        }
        return new ModelCardReader(source, copy);
    }

    private static ModelCardReader load(Reader reader, String source) throws IOException {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IllegalArgumentException e) {
            // A malformed \\uXXXX escape.
            throw new InvalidModelException(source + ": not a properties file (" + e.getMessage()
                    + ")", e);
        }
        return new ModelCardReader(source, p);
    }

    /**
     * Builds a card from these fields.
     *
     * @param build reads the fields and builds the card, throwing
     *     {@link IllegalArgumentException} naming the field when one is missing or invalid
     * @param <T> the card type
     * @return the card
     * @throws InvalidModelException {@code "<source>: <what build said>"}
     */
    public <T> T parse(Function<ModelCardReader, T> build) throws InvalidModelException {
        try {
            return build.apply(this);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(source + ": " + e.getMessage(), e);
        }
    }

    /** @return what names the card in messages: its file, or the source given */
    public String source() {
        return source;
    }

    /** @return the names of the fields present */
    public Set<String> keys() {
        return Set.copyOf(properties.stringPropertyNames());
    }

    /**
     * Refuses fields the card type does not know (a typo would otherwise be silently ignored).
     *
     * @param known the card type's fields
     * @throws IllegalArgumentException naming the first unknown field and listing the known ones
     */
    public void requireOnlyKnown(Set<String> known) {
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown model card field '" + key
                        + "'; known: " + new TreeSet<>(known));
            }
        }
    }

    /**
     * @param key the field
     * @return its trimmed value, or empty when absent or blank
     */
    public Optional<String> optional(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * @param key the field
     * @return its trimmed value
     * @throws IllegalArgumentException "model card lacks '{@code key}'" when absent or blank
     */
    public String required(String key) {
        return optional(key).orElseThrow(() ->
                new IllegalArgumentException("model card lacks '" + key + "'"));
    }

    /**
     * @param key the field
     * @param fallback the value when the field is absent or blank
     * @return its trimmed value, or {@code fallback}
     */
    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    /**
     * @param key the field
     * @return its value as an integer
     * @throws IllegalArgumentException when absent or not an integer
     */
    public int integer(String key) {
        return toInteger(required(key), key);
    }

    /**
     * @param key the field
     * @param fallback the value when the field is absent or blank
     * @return its value as an integer, or {@code fallback}
     * @throws IllegalArgumentException when present but not an integer
     */
    public int integer(String key, int fallback) {
        return optional(key).map(v -> toInteger(v, key)).orElse(fallback);
    }

    /**
     * Parses a value of the field {@code key} as an integer, for fields that hold either a word
     * or a number ({@code input.length = dynamic}).
     *
     * @param value the text
     * @param key the field, for the message
     * @return the integer
     * @throws IllegalArgumentException "{@code key} must be an integer, got '{@code value}'"
     */
    public static int toInteger(String value, String key) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
        }
    }

    /**
     * @param key the field
     * @param fallback the value when the field is absent or blank
     * @return its value, one finite number (a fraction such as {@code 1/255} allowed)
     * @throws IllegalArgumentException when present but not exactly one finite number
     */
    public double number(String key, double fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<Double> values = numbers(key);
        if (values.size() != 1) {
            throw new IllegalArgumentException(key + " must be one number, got '" + value.get()
                    + "'");
        }
        return values.get(0);
    }

    /**
     * @param key the field
     * @return its comma-separated finite numbers (fractions such as {@code 1/255} allowed)
     * @throws IllegalArgumentException when absent or a value is not a finite number
     */
    public List<Double> numbers(String key) {
        List<Double> out = new ArrayList<>();
        for (String part : split(required(key))) {
            if (part.contains("/")) {
                // "1/255" reads better than 0.00392156862745098
                String[] fraction = part.split("/", 2);
                out.add(toNumber(fraction[0], key) / toNumber(fraction[1], key));
            } else {
                out.add(toNumber(part, key));
            }
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(key + " must be finite numbers, got '"
                        + properties.getProperty(key).trim() + "'");
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param key the field
     * @param fallback the values when the field is absent or blank
     * @return its comma-separated finite numbers, or {@code fallback}
     * @throws IllegalArgumentException when present and a value is not a finite number
     */
    public List<Double> numbers(String key, List<Double> fallback) {
        return optional(key).isPresent() ? numbers(key) : fallback;
    }

    private static double toNumber(String value, String key) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException("not finite");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a finite number, got '"
                    + value.trim() + "'", e);
        }
    }

    /**
     * @param key the field
     * @return its comma-separated items, trimmed, blank items dropped
     * @throws IllegalArgumentException when absent
     */
    public List<String> list(String key) {
        return split(required(key));
    }

    /**
     * @param key the field
     * @return its comma-separated items, or none when the field is absent or blank
     */
    public List<String> optionalList(String key) {
        return optional(key).map(ModelCardReader::split).orElse(List.of());
    }

    private static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    /**
     * An enum field, written in lower case with hyphens for underscores ({@code speaker-mean}
     * for {@code SPEAKER_MEAN}), case ignored.
     *
     * @param type the enum
     * @param key the field
     * @param <E> the enum type
     * @return the constant
     * @throws IllegalArgumentException when absent, or naming the field, the choices as they are
     *     written and the value when it is not one of them
     */
    public <E extends Enum<E>> E enumValue(Class<E> type, String key) {
        return toEnum(type, required(key), key);
    }

    /**
     * @param type the enum
     * @param key the field
     * @param fallback the constant when the field is absent or blank
     * @param <E> the enum type
     * @return the constant, or {@code fallback}
     * @throws IllegalArgumentException naming the field, the choices and the value when present
     *     but not one of them
     */
    public <E extends Enum<E>> E enumValue(Class<E> type, String key, E fallback) {
        return optional(key).map(v -> toEnum(type, v, key)).orElse(fallback);
    }

    private static <E extends Enum<E>> E toEnum(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String choices = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException(key + " must be one of " + choices.replace('_', '-')
                    + ", got '" + value + "'", e);
        }
    }

    /**
     * A classifier's labels, checked with {@link #requireEmotionLabels}.
     *
     * @param key the field
     * @return the labels in output order
     * @throws IllegalArgumentException when absent or the labels do not map
     */
    public List<String> emotionLabels(String key) {
        List<String> labels = list(key);
        requireEmotionLabels(key, labels);
        return labels;
    }

    /**
     * @param prefix the start of the field names, such as {@code "training."}
     * @return the fields that start with it, by their names without it, sorted
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), properties.getProperty(key).trim());
            }
        }
        return out;
    }

    /**
     * Checks a classifier's labels: at least two, each mapped by {@link Emotion#fromLabel}, no two
     * to the same category. Card records call this from their constructors.
     *
     * @param key the field, for messages ({@code labels})
     * @param labels the labels in output order
     * @return the categories in output order
     * @throws IllegalArgumentException naming the field and the offending label, with the
     *     categories a label may name
     */
    public static List<Emotion> requireEmotionLabels(String key, List<String> labels) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException(key + ": a classifier needs at least two, got "
                    + labels);
        }
        Set<Emotion> seen = new HashSet<>();
        List<Emotion> emotions = new ArrayList<>(labels.size());
        for (String label : labels) {
            Emotion emotion = Emotion.fromLabel(label).orElseThrow(() ->
                    new IllegalArgumentException(key + ": '" + label + "' is not an emotion label"
                            + " (" + knownEmotions() + ", or a common synonym)"));
            if (!seen.add(emotion)) {
                throw new IllegalArgumentException(key + ": two labels map to " + emotion.label()
                        + ": " + labels);
            }
            emotions.add(emotion);
        }
        return List.copyOf(emotions);
    }

    private static String knownEmotions() {
        StringBuilder text = new StringBuilder();
        for (Emotion e : Emotion.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(e.label());
        }
        return text.toString();
    }

    /**
     * Checks a tensor name field.
     *
     * @param value the name
     * @param key the field, for the message
     * @throws IllegalArgumentException "{@code key} must not be blank"
     */
    public static void requireName(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "model card " + source + " " + new TreeSet<>(properties.stringPropertyNames());
    }
}
