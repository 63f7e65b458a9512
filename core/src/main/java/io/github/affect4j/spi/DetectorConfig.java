package io.github.affect4j.spi;

import io.github.affect4j.InvalidOptionException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The validated, frozen options handed to a provider: the values given, checked against the
 * provider's {@linkplain DetectorProvider#options() declarations}, and the declared defaults for
 * the rest.
 *
 * <p>The typed getters accept only declared names of the matching type; asking for anything
 * else is a bug in the provider and fails with {@link IllegalArgumentException}. Since every
 * value was parsed when the configuration was made, the getters cannot fail on a value.
 *
 * <p>Immutable and thread-safe.
 */
public final class DetectorConfig {

    private static final DetectorConfig EMPTY = new DetectorConfig(Map.of(), Map.of(), Map.of());

    private final Map<String, OptionSpec> specs;
    private final Map<String, String> given;
    private final Map<String, Object> values;

    private DetectorConfig(Map<String, OptionSpec> specs, Map<String, String> given,
                           Map<String, Object> values) {
        this.specs = specs;
        this.given = given;
        this.values = values;
    }

    /** {@return a configuration that declares no option and holds no value} */
    public static DetectorConfig empty() {
        return EMPTY;
    }

    /**
     * The declared options, each at its default.
     *
     * @param declared the provider's option declarations
     * @return the configuration with no value given
     * @throws IllegalArgumentException if two declarations share a name
     */
    public static DetectorConfig defaults(List<OptionSpec> declared) {
        return of(declared, Map.of());
    }

    /**
     * Checks the given values against the declarations and freezes them.
     *
     * @param declared the provider's option declarations
     * @param options the values given, by option name
     * @return the frozen configuration
     * @throws InvalidOptionException if a name is not declared (the message lists the declared
     *     names) or a value is not allowed (the message gives the range or choices)
     * @throws IllegalArgumentException if two declarations share a name
     */
    public static DetectorConfig of(List<OptionSpec> declared, Map<String, String> options) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec spec : declared) {
            if (specs.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("option " + spec.name() + " declared twice");
            }
        }
        Map<String, String> given = new TreeMap<>();
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            String name = option.getKey();
            OptionSpec spec = specs.get(name);
            if (spec == null) {
                throw new InvalidOptionException(name, "unknown option '" + name + "'; valid "
                        + "options: " + names(specs.values()));
            }
            String value = java.util.Objects.requireNonNull(option.getValue(),
                    () -> "value of option " + name);
            values.put(name, spec.parse(value));
            given.put(name, value.trim());
        }
        return new DetectorConfig(Collections.unmodifiableMap(specs),
                Collections.unmodifiableMap(given), Collections.unmodifiableMap(values));
    }

    /** The names of the given declarations, sorted and comma-separated, or {@code none}. */
    static String names(Collection<OptionSpec> declared) {
        return declared.isEmpty() ? "none (this provider takes no options)"
                : declared.stream().map(OptionSpec::name).sorted()
                        .collect(Collectors.joining(", "));
    }

    /** {@return the declared options, in declaration order} */
    public List<OptionSpec> declared() {
        return List.copyOf(specs.values());
    }

    /**
     * Whether the option was given (rather than left at its default).
     *
     * @param name the declared option name
     * @return whether it was given
     * @throws IllegalArgumentException if the name is not declared
     */
    public boolean isSet(String name) {
        spec(name);
        return given.containsKey(name);
    }

    /**
     * The value as given, trimmed, or empty when the option was not given.
     *
     * @param name the declared option name
     * @return the value, or empty
     * @throws IllegalArgumentException if the name is not declared
     */
    public Optional<String> get(String name) {
        spec(name);
        return Optional.ofNullable(given.get(name));
    }

    /**
     * An integer option: the value given, or the declared default.
     *
     * @param name the declared option name
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as an integer
     * @throws IllegalStateException if it was not given and declares no default
     */
    public int getInt(String name) {
        return (Integer) value(name, OptionSpec.Type.INTEGER);
    }

    /**
     * An integer option whose default depends on other options: the value given, or
     * {@code fallback}.
     *
     * @param name the declared option name
     * @param fallback the value when the option was not given
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as an integer
     */
    public int getInt(String name, int fallback) {
        return (Integer) valueOr(name, OptionSpec.Type.INTEGER, fallback);
    }

    /**
     * A decimal option: the value given, or the declared default.
     *
     * @param name the declared option name
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a decimal
     * @throws IllegalStateException if it was not given and declares no default
     */
    public double getDouble(String name) {
        return (Double) value(name, OptionSpec.Type.DECIMAL);
    }

    /**
     * A decimal option whose default depends on other options: the value given, or
     * {@code fallback}.
     *
     * @param name the declared option name
     * @param fallback the value when the option was not given
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a decimal
     */
    public double getDouble(String name, double fallback) {
        return (Double) valueOr(name, OptionSpec.Type.DECIMAL, fallback);
    }

    /**
     * A boolean option: the value given, or the declared default.
     *
     * @param name the declared option name
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a boolean
     * @throws IllegalStateException if it was not given and declares no default
     */
    public boolean getBoolean(String name) {
        return (Boolean) value(name, OptionSpec.Type.BOOLEAN);
    }

    /**
     * A boolean option whose default depends on other options: the value given, or
     * {@code fallback}.
     *
     * @param name the declared option name
     * @param fallback the value when the option was not given
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a boolean
     */
    public boolean getBoolean(String name, boolean fallback) {
        return (Boolean) valueOr(name, OptionSpec.Type.BOOLEAN, fallback);
    }

    /**
     * A choice option, in lower case: the value given, or the declared default.
     *
     * @param name the declared option name
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a choice
     * @throws IllegalStateException if it was not given and declares no default
     */
    public String getChoice(String name) {
        return (String) value(name, OptionSpec.Type.CHOICE);
    }

    /**
     * A choice option whose default depends on other options: the value given (lower case), or
     * {@code fallback}.
     *
     * @param name the declared option name
     * @param fallback the value when the option was not given
     * @return the value
     * @throws IllegalArgumentException if the name is not declared as a choice
     */
    public String getChoice(String name, String fallback) {
        return (String) valueOr(name, OptionSpec.Type.CHOICE, fallback);
    }

    /**
     * A path option, or empty when not given.
     *
     * @param name the declared option name
     * @return the path, or empty
     * @throws IllegalArgumentException if the name is not declared as a path
     */
    public Optional<Path> getPath(String name) {
        return Optional.ofNullable((Path) valueOr(name, OptionSpec.Type.PATH, null));
    }

    /**
     * A text option, trimmed: the value given, the declared default, or empty.
     *
     * @param name the declared option name
     * @return the value, or empty
     * @throws IllegalArgumentException if the name is not declared as text
     */
    public Optional<String> getString(String name) {
        OptionSpec spec = typed(name, OptionSpec.Type.STRING);
        Object value = values.get(name);
        return Optional.ofNullable(value != null ? (String) value : spec.defaultValue());
    }

    /** {@return the values given, trimmed, sorted by name; defaults are not included} */
    public Map<String, String> asMap() {
        return given;
    }

    private Object value(String name, OptionSpec.Type type) {
        OptionSpec spec = typed(name, type);
        Object value = values.get(name);
        if (value != null) {
            return value;
        }
        if (spec.defaultValue() == null) {
            throw new IllegalStateException("option " + name + " was not given and declares no "
                    + "default: pass a fallback");
        }
        return spec.parse(spec.defaultValue());
    }

    private Object valueOr(String name, OptionSpec.Type type, Object fallback) {
        typed(name, type);
        Object value = values.get(name);
        return value != null ? value : fallback;
    }

    private OptionSpec typed(String name, OptionSpec.Type type) {
        OptionSpec spec = spec(name);
        if (spec.type() != type) {
            throw new IllegalArgumentException("option " + name + " is declared as "
                    + spec.type().label() + ", not " + type.label());
        }
        return spec;
    }

    private OptionSpec spec(String name) {
        OptionSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("option " + name + " is not declared; declared: "
                    + names(specs.values()));
        }
        return spec;
    }

    /** Equal when the declarations and the values given are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DetectorConfig config && specs.equals(config.specs)
                && given.equals(config.given);
    }

    @Override
    public int hashCode() {
        return specs.hashCode() * 31 + given.hashCode();
    }

    /** {@code DetectorConfig{name=value, ...}}, the values given. */
    @Override
    public String toString() {
        return "DetectorConfig" + given;
    }
}
