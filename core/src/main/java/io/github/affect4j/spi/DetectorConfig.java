package io.github.affect4j.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A frozen set of named options handed to a provider. Option names are provider-defined and
 * documented by each provider (for example {@code "model"}, a path); unknown names are ignored by
 * providers that do not use them.
 *
 * <p>Immutable and thread-safe. The typed getters fail with {@link IllegalArgumentException}
 * naming the option and its value when the value does not parse.
 */
public final class DetectorConfig {

    private static final DetectorConfig EMPTY = new DetectorConfig(Map.of());

    private final Map<String, String> options;

    private DetectorConfig(Map<String, String> options) {
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** A configuration without options. */
    public static DetectorConfig empty() {
        return EMPTY;
    }

    /**
     * A configuration holding a copy of the given options.
     *
     * @throws IllegalArgumentException if a name is blank
     */
    public static DetectorConfig of(Map<String, String> options) {
        options.forEach((name, value) -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("option names must not be blank");
            }
            java.util.Objects.requireNonNull(value, () -> "value of option " + name);
        });
        return new DetectorConfig(options);
    }

    /** The raw value of an option. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** An integer option, or the default when absent. */
    public int getInt(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer, got '"
                    + value + "'", e);
        }
    }

    /** A floating-point option, or the default when absent. */
    public double getDouble(String name, double defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException("not finite");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a finite number, got '"
                    + value + "'", e);
        }
    }

    /** A boolean option ({@code true} or {@code false}), or the default when absent. */
    public boolean getBoolean(String name, boolean defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + name
                    + " must be true or false, got '" + value + "'");
        };
    }

    /**
     * A path option.
     *
     * @throws IllegalArgumentException naming the option if the value is not a valid path
     */
    public Optional<Path> getPath(String name) {
        return get(name).map(value -> {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("option " + name + " must be a path, got '"
                        + value + "': " + e.getMessage(), e);
            }
        });
    }

    /** All options, sorted by name. */
    public Map<String, String> asMap() {
        return options;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DetectorConfig config && options.equals(config.options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return "DetectorConfig" + options;
    }
}
