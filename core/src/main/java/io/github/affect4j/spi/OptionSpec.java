package io.github.affect4j.spi;

import io.github.affect4j.InvalidOptionException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option a provider declares: its name, type, allowed values, default and a one-line
 * description. Discovery checks every option a user gives against the declarations of the
 * provider it picks, so a misspelt name or an out-of-range value fails loudly instead of being
 * ignored.
 *
 * <pre>{@code
 * static final List<OptionSpec> OPTIONS = List.of(
 *         OptionSpec.integer("threads", 1, 64, 1, "ONNX Runtime intra-op threads per call"),
 *         OptionSpec.choice("mode", List.of("accurate", "fast"), "accurate", "speed preset"),
 *         OptionSpec.path("model", "ONNX classifier file"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Option names are letters and digits starting with a lower-case
 * letter (camelCase), so that they map one to one onto system properties
 * ({@code affect4j.face.option.NAME}) and command-line arguments ({@code --option NAME=VALUE}).
 *
 * @param name the option name, camelCase
 * @param type the type of its values
 * @param range the allowed numbers for {@link Type#INTEGER} and {@link Type#DECIMAL}; null for
 *     other types
 * @param choices the allowed values for {@link Type#CHOICE}, lower-case; empty for other types
 * @param defaultValue the value used when the option is not given, in the option's own syntax,
 *     or null when there is none or it depends on other options (say so in the description)
 * @param description one line saying what the option does, its unit and, where the default
 *     depends on other options, how
 */
public record OptionSpec(String name, Type type, Range range, List<String> choices,
                         String defaultValue, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /** The type of an option's values. */
    public enum Type {
        /** A whole number, in {@link OptionSpec#range()}. */
        INTEGER,
        /** A finite decimal number, in {@link OptionSpec#range()}. */
        DECIMAL,
        /** {@code true} or {@code false}, in any case. */
        BOOLEAN,
        /** A file or folder path; whether it exists is the provider's availability check. */
        PATH,
        /** One of {@link OptionSpec#choices()}, in any case. */
        CHOICE,
        /** Free text the provider checks itself (in {@link DetectorProvider#validate}). */
        STRING;

        /**
         * {@return the type's name in messages and listings: {@code integer},
         * {@code decimal}...}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The numbers a numeric option accepts: {@code [min, max]}, with either end open.
     *
     * @param min the lower bound
     * @param minIncluded whether {@code min} itself is allowed
     * @param max the upper bound
     * @param maxIncluded whether {@code max} itself is allowed
     */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

        /**
         * Checks the bounds.
         *
         * @param min the lower bound
         * @param minIncluded whether {@code min} itself is allowed
         * @param max the upper bound
         * @param maxIncluded whether {@code max} itself is allowed
         * @throws IllegalArgumentException if a bound is not finite or min exceeds max
         */
        public Range {
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("invalid range " + min + " to " + max);
            }
        }

        /**
         * A range including both ends.
         *
         * @param min the lower bound, allowed
         * @param max the upper bound, allowed
         * @return {@code [min, max]}
         * @throws IllegalArgumentException if a bound is not finite or min exceeds max
         */
        public static Range closed(double min, double max) {
            return new Range(min, true, max, true);
        }

        /**
         * Whether the value lies in this range.
         *
         * @param value a number
         * @return true if it is allowed
         */
        public boolean contains(double value) {
            return (minIncluded ? value >= min : value > min)
                    && (maxIncluded ? value <= max : value < max);
        }

        /** In interval notation, such as {@code [0, 1)}. */
        @Override
        public String toString() {
            return (minIncluded ? "[" : "(") + plain(min) + ", " + plain(max)
                    + (maxIncluded ? "]" : ")");
        }
    }

    /**
     * Checks the declaration.
     *
     * @param name the option name, camelCase
     * @param type the type of its values
     * @param range the allowed numbers for numeric types; null for other types
     * @param choices the allowed values for {@link Type#CHOICE} (stored in lower case); null or
     *     empty for other types
     * @param defaultValue the value used when the option is not given, or null
     * @param description one line saying what the option does
     * @throws IllegalArgumentException if the name is not camelCase, the range or choices do not
     *     fit the type, the description is blank, or the default is not a valid value
     */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name must be camelCase letters and digits,"
                    + " got '" + name + "'");
        }
        boolean numeric = type == Type.INTEGER || type == Type.DECIMAL;
        if (numeric != (range != null)) {
            throw new IllegalArgumentException("option " + name + ": a range is required for"
                    + " numeric options and not allowed for others");
        }
        choices = choices == null ? List.of()
                : choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if ((type == Type.CHOICE) != !choices.isEmpty()) {
            throw new IllegalArgumentException("option " + name + ": choices are required for"
                    + " choice options and not allowed for others");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("option " + name + " needs a description");
        }
        if (defaultValue != null) {
            parseChecked(name, type, range, choices, defaultValue);
        }
    }

    /**
     * An integer option.
     *
     * @param name the option name, camelCase
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param defaultValue the value when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec integer(String name, int min, int max, Integer defaultValue,
                                     String description) {
        return new OptionSpec(name, Type.INTEGER, Range.closed(min, max), List.of(),
                defaultValue == null ? null : defaultValue.toString(), description);
    }

    /**
     * A decimal option with both ends of the range allowed.
     *
     * @param name the option name, camelCase
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param defaultValue the value when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec decimal(String name, double min, double max, Double defaultValue,
                                     String description) {
        return decimal(name, Range.closed(min, max), defaultValue, description);
    }

    /**
     * A decimal option with the given range.
     *
     * @param name the option name, camelCase
     * @param range the values allowed
     * @param defaultValue the value when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec decimal(String name, Range range, Double defaultValue,
                                     String description) {
        return new OptionSpec(name, Type.DECIMAL, range, List.of(),
                defaultValue == null ? null : plain(defaultValue), description);
    }

    /**
     * A boolean option.
     *
     * @param name the option name, camelCase
     * @param defaultValue the value when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec bool(String name, Boolean defaultValue, String description) {
        return new OptionSpec(name, Type.BOOLEAN, null, List.of(),
                defaultValue == null ? null : defaultValue.toString(), description);
    }

    /**
     * A path option, without a default.
     *
     * @param name the option name, camelCase
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec path(String name, String description) {
        return new OptionSpec(name, Type.PATH, null, List.of(), null, description);
    }

    /**
     * An option taking one of a few words.
     *
     * @param name the option name, camelCase
     * @param choices the words allowed, in any case
     * @param defaultValue the word when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec choice(String name, List<String> choices, String defaultValue,
                                    String description) {
        return new OptionSpec(name, Type.CHOICE, null, choices, defaultValue, description);
    }

    /**
     * A free-text option that the provider checks itself.
     *
     * @param name the option name, camelCase
     * @param defaultValue the text when not given, or null
     * @param description one line saying what the option does
     * @return the declaration
     * @throws IllegalArgumentException as the {@linkplain OptionSpec constructor} does
     */
    public static OptionSpec string(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.STRING, null, List.of(), defaultValue, description);
    }

    /**
     * {@return what values are allowed, in words for messages and listings: {@code [1, 64]},
     * {@code accurate|fast}, {@code true|false}, {@code a path} or {@code text}}
     */
    public String allowed() {
        return switch (type) {
            case INTEGER, DECIMAL -> range.toString();
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case PATH -> "a path";
            case STRING -> "text";
        };
    }

    /**
     * Parses and checks a value of this option.
     *
     * @param value the value as given
     * @return an {@link Integer}, {@link Double}, {@link Boolean}, {@link Path} or {@link String}
     *     (the choice in lower case, or the trimmed text)
     * @throws InvalidOptionException naming the option, the value and what is allowed
     */
    public Object parse(String value) {
        return parseChecked(name, type, range, choices, Objects.requireNonNull(value, "value"));
    }

    private static Object parseChecked(String name, Type type, Range range, List<String> choices,
                                       String raw) {
        String value = raw.trim();
        try {
            return switch (type) {
                case INTEGER -> {
                    int parsed = Integer.parseInt(value);
                    if (!range.contains(parsed)) {
                        throw new NumberFormatException("out of range");
                    }
                    yield parsed;
                }
                case DECIMAL -> {
                    double parsed = Double.parseDouble(value);
                    if (!Double.isFinite(parsed) || !range.contains(parsed)) {
                        throw new NumberFormatException("out of range");
                    }
                    yield parsed;
                }
                case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException("not a boolean");
                };
                case CHOICE -> {
                    String choice = value.toLowerCase(Locale.ROOT);
                    if (!choices.contains(choice)) {
                        throw new NumberFormatException("not a choice");
                    }
                    yield choice;
                }
                case PATH -> {
                    if (value.isEmpty()) {
                        throw new NumberFormatException("empty path");
                    }
                    yield Path.of(value);
                }
                case STRING -> value;
            };
        } catch (NumberFormatException | InvalidPathException e) {
            String allowed = switch (type) {
                case INTEGER -> "an integer in " + range;
                case DECIMAL -> "a number in " + range;
                case BOOLEAN -> "true or false";
                case CHOICE -> "one of " + String.join(", ", choices);
                case PATH -> "a path";
                case STRING -> "text";
            };
            throw new InvalidOptionException(name, "option " + name + " must be " + allowed
                    + ", got '" + raw + "'");
        }
    }

    /** {@code name (type, allowed, default d): description}. */
    @Override
    public String toString() {
        return name + " (" + type.label() + ", " + allowed()
                + (defaultValue == null ? "" : ", default " + defaultValue) + "): " + description;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
