package io.github.affect4j;

import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.OptionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers of one kind of detector, checks the options against the provider it picks, and
 * creates a detector from the best usable one. This is the one place that reads affect4j's
 * system properties: {@code affect4j.<kind>.provider}, {@code affect4j.<kind>.option.<name>}
 * and the shorthands in {@code aliases} (such as {@code affect4j.voice.model} for the option
 * {@code model}). Stateless but for the set of choices already logged, so each distinct choice is
 * logged at INFO once per JVM (later repeats go to DEBUG).
 *
 * <p>How options meet discovery: candidates are tried best first. For each, the options it
 * declares are parsed and checked (a bad value, or a bad combination found by
 * {@link DetectorProvider#validate}, fails at once: the user addressed this provider and must not
 * silently get another). Options it does not declare fail too when it is usable (or was named),
 * naming the providers that do declare them; when it is unusable anyway, discovery moves on, so a
 * heuristic-only option works wherever the heuristic is the one chosen.
 */
final class ProviderDiscovery<D extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(EmotionDetectors.class);
    /** Guards against a provider iterator that keeps failing without advancing. */
    private static final int MAX_PROVIDERS = 256;
    private static final Set<String> LOGGED_CHOICES = ConcurrentHashMap.newKeySet();

    private final String kind;
    private final Class<? extends DetectorProvider<D>> service;
    private final Map<String, String> aliases;

    /**
     * @param kind {@code face} or {@code voice}, also the middle of the property names
     * @param service the provider interface
     * @param aliases short system property names, each mapped to the option it sets
     */
    ProviderDiscovery(String kind, Class<? extends DetectorProvider<D>> service,
                      Map<String, String> aliases) {
        this.kind = kind;
        this.service = service;
        this.aliases = Map.copyOf(aliases);
    }

    /** The system property naming the provider to use. */
    String providerProperty() {
        return "affect4j." + kind + ".provider";
    }

    /** The prefix of system properties that set options: {@code affect4j.<kind>.option.}. */
    String optionPropertyPrefix() {
        return "affect4j." + kind + ".option.";
    }

    private String propertyOverride() {
        String value = System.getProperty(providerProperty());
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The options set by system properties, each with the property it came from. An
     * {@code affect4j.<kind>.option.<name>} property wins over a shorthand for the same option.
     */
    private Map<String, Given> propertyOptions() {
        Map<String, Given> options = new TreeMap<>();
        Properties properties = System.getProperties();
        aliases.forEach((property, option) -> {
            String value = properties.getProperty(property);
            if (value != null && !value.isBlank()) {
                options.put(option, new Given(value, "system property " + property));
            }
        });
        String prefix = optionPropertyPrefix();
        for (String property : properties.stringPropertyNames()) {
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                options.put(property.substring(prefix.length()),
                        new Given(properties.getProperty(property), "system property " + property));
            }
        }
        return options;
    }

    /** Builder options over those from system properties. */
    private Map<String, Given> merge(Map<String, String> builderOptions) {
        Map<String, Given> options = propertyOptions();
        builderOptions.forEach((name, value) -> options.put(name, new Given(value, null)));
        return options;
    }

    List<ProviderStatus> statuses(ClassLoader loader, Map<String, String> builderOptions) {
        Map<String, Given> options = merge(builderOptions);
        List<ProviderStatus> statuses = new ArrayList<>();
        List<Candidate<D>> candidates = discover(loader, statuses);
        for (Candidate<D> candidate : candidates) {
            Availability availability;
            try {
                Checked checked = check(candidate, options);
                availability = checked.broken() != null ? Availability.unavailable(checked.broken())
                        : checked.unknown().isEmpty() ? availability(candidate, checked.config())
                        : Availability.unavailable(unknownMessage(candidate, checked.unknown(),
                                options, candidates, null));
            } catch (InvalidOptionException e) {
                availability = Availability.unavailable(e.getMessage());
            }
            statuses.add(candidate.status(availability.available(), availability.reason()));
        }
        statuses.sort(Comparator.comparingInt(ProviderStatus::priority).reversed()
                .thenComparing(ProviderStatus::id));
        return statuses;
    }

    D create(ClassLoader loader, Map<String, String> builderOptions, String builderProvider) {
        String wanted = builderProvider != null ? builderProvider : propertyOverride();
        Map<String, Given> options = merge(builderOptions);
        List<ProviderStatus> rejected = new ArrayList<>();
        List<Candidate<D>> candidates = discover(loader, rejected);
        List<String> passedOver = new ArrayList<>();
        for (Candidate<D> candidate : candidates) {
            if (wanted != null && !candidate.id.equals(wanted)) {
                rejected.add(candidate.status(false, "not requested (asked for '" + wanted + "')"));
                continue;
            }
            Checked checked = check(candidate, options);
            if (checked.broken() != null) {
                rejected.add(candidate.status(false, checked.broken()));
                passedOver.add(candidate.id + ": " + checked.broken());
                continue;
            }
            boolean named = wanted != null;
            Availability availability = named && !checked.unknown().isEmpty() ? null
                    : availability(candidate, checked.config());
            if (!checked.unknown().isEmpty()) {
                if (named || availability.available()) {
                    throw new InvalidOptionException(checked.unknown().get(0), unknownMessage(
                            candidate, checked.unknown(), options, candidates, passedOver));
                }
                // Unusable anyway: the options may well be meant for a provider further down.
            }
            if (!availability.available()) {
                rejected.add(candidate.status(false, availability.reason()));
                passedOver.add(candidate.id + ": " + availability.reason());
                continue;
            }
            try {
                D detector = candidate.provider.create(checked.config());
                if (detector == null) {
                    throw new IllegalStateException("create() returned null");
                }
                logChoice(candidate, wanted, passedOver);
                return detector;
            } catch (Exception | LinkageError e) {
                String reason = "create failed: " + describe(e);
                LOG.warn("{} detector provider '{}' failed to create a detector; trying the next",
                        kind, candidate.id, e);
                rejected.add(candidate.status(true, reason));
                passedOver.add(candidate.id + ": " + reason);
            }
        }
        throw new DetectorUnavailableException(kind, wanted, rejected);
    }

    /**
     * Parses the options the candidate declares and runs its {@code validate}.
     *
     * @return the frozen configuration of the declared options, and the names it does not declare
     * @throws InvalidOptionException for a bad value or combination, naming the provider and the
     *     system property the value came from, if any
     */
    private Checked check(Candidate<D> candidate, Map<String, Given> options) {
        Map<String, String> declared = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        Set<String> names = new HashSet<>();
        candidate.options.forEach(spec -> names.add(spec.name()));
        options.forEach((name, given) -> {
            if (names.contains(name)) {
                declared.put(name, given.value());
            } else {
                unknown.add(name);
            }
        });
        DetectorConfig config;
        try {
            config = DetectorConfig.of(candidate.options, declared);
        } catch (InvalidOptionException e) {
            Given given = options.get(e.option());
            throw new InvalidOptionException(e.option(), kind + " provider '" + candidate.id + "': "
                    + e.getMessage() + from(given));
        }
        try {
            candidate.provider.validate(config);
        } catch (IllegalArgumentException e) {
            String option = e instanceof InvalidOptionException invalid ? invalid.option() : null;
            throw new InvalidOptionException(option, kind + " provider '" + candidate.id + "': "
                    + e.getMessage() + from(option == null ? null : options.get(option)));
        } catch (RuntimeException | LinkageError e) {
            // A provider bug, not the user's options: skipped like any broken provider.
            LOG.warn("skipping {} detector provider {}: validate failed: {}", kind, candidate.id,
                    describe(e));
            return new Checked(config, List.copyOf(unknown),
                    "provider failed: validate: " + describe(e));
        }
        return new Checked(config, List.copyOf(unknown), null);
    }

    private String unknownMessage(Candidate<D> candidate, List<String> unknown,
                                  Map<String, Given> options, List<Candidate<D>> all,
                                  List<String> passedOver) {
        StringBuilder text = new StringBuilder();
        for (String name : unknown) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append("unknown option '").append(name).append('\'')
                    .append(from(options.get(name)))
                    .append(" for the ").append(kind).append(" provider '").append(candidate.id)
                    .append('\'');
            if (passedOver != null && !passedOver.isEmpty()) {
                text.append(" (chosen because ").append(String.join("; ", passedOver)).append(')');
            }
            List<String> declaring = new ArrayList<>();
            for (Candidate<D> other : all) {
                if (other.options.stream().anyMatch(spec -> spec.name().equals(name))) {
                    declaring.add(other.id);
                }
            }
            if (!declaring.isEmpty()) {
                text.append("; it is an option of ").append(String.join(", ", declaring))
                        .append(" (choose that provider by id)");
            }
        }
        text.append("; valid options of '").append(candidate.id).append("': ")
                .append(candidate.options.isEmpty() ? "none"
                        : candidate.options.stream().map(OptionSpec::name).sorted()
                                .collect(Collectors.joining(", ")));
        return text.toString();
    }

    private static String from(Given given) {
        return given == null || given.source() == null ? "" : " (from " + given.source() + ")";
    }

    /** Asks the provider; a provider that throws is unavailable, with the exception as reason. */
    private Availability availability(Candidate<D> candidate, DetectorConfig config) {
        try {
            Availability availability = candidate.provider.availability(config);
            if (availability == null) {
                throw new IllegalStateException("availability() returned null");
            }
            return availability;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("skipping {} detector provider {}: {}", kind, candidate.id, describe(e));
            return Availability.unavailable("provider failed: " + describe(e));
        }
    }

    private void logChoice(Candidate<D> chosen, String wanted, List<String> passedOver) {
        StringBuilder text = new StringBuilder(kind).append(" emotion detector: ").append(chosen.id);
        if (wanted != null) {
            text.append(" (requested)");
        } else if (!passedOver.isEmpty()) {
            text.append(", fell back from ").append(String.join("; ", passedOver));
        }
        String message = text.toString();
        if (LOGGED_CHOICES.add(message)) {
            LOG.info(message);
        } else {
            LOG.debug(message);
        }
    }

    /**
     * Loads every provider; those that cannot be loaded or asked for their id, priority or
     * options are added to {@code broken} and skipped. Sorted best first.
     */
    private List<Candidate<D>> discover(ClassLoader loader, List<ProviderStatus> broken) {
        List<Candidate<D>> candidates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Iterator<? extends DetectorProvider<D>> iterator =
                ServiceLoader.load(service, loader).iterator();
        String lastFailure = null;
        for (int attempt = 0; attempt < MAX_PROVIDERS; attempt++) {
            DetectorProvider<D> provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String failure = describe(e);
                if (failure.equals(lastFailure)) {
                    // The iterator failed the same way twice without moving on (the services
                    // index itself cannot be read, say): asking again would only repeat it.
                    break;
                }
                lastFailure = failure;
                LOG.warn("skipping a {} detector provider that cannot be loaded: {}", kind,
                        failure);
                broken.add(new ProviderStatus("<unloadable>", Integer.MIN_VALUE, false,
                        "cannot be loaded: " + failure));
                continue;
            }
            lastFailure = null;
            String name = provider.getClass().getName();
            try {
                String id = provider.id();
                int priority = provider.priority();
                List<OptionSpec> declared = provider.options();
                if (id == null || declared == null) {
                    throw new IllegalStateException("id() or options() returned null");
                }
                declared = List.copyOf(declared);
                // Fails on two declarations of one name: a provider bug, reported as such.
                DetectorConfig.defaults(declared);
                if (!ids.add(id)) {
                    broken.add(new ProviderStatus(id, priority, false,
                            "duplicate id: " + name + " ignored"));
                    continue;
                }
                candidates.add(new Candidate<>(provider, id, priority, declared));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("skipping {} detector provider {}: {}", kind, name, describe(e));
                broken.add(new ProviderStatus(name, Integer.MIN_VALUE, false,
                        "provider failed: " + describe(e)));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate<D> c) -> c.priority).reversed()
                .thenComparing(c -> c.id));
        return candidates;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        // ServiceLoader says only "could not be instantiated"; the cause says why.
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            String causeMessage = cause.getMessage();
            text += " (caused by " + cause.getClass().getSimpleName()
                    + (causeMessage == null ? "" : ": " + causeMessage) + ")";
        }
        return text;
    }

    /** An option value and where it came from: a system property, or null for the builder. */
    private record Given(String value, String source) {
    }

    /** The declared options, the undeclared names, and why the provider broke (or null). */
    private record Checked(DetectorConfig config, List<String> unknown, String broken) {
    }

    private record Candidate<D extends AutoCloseable>(DetectorProvider<D> provider, String id,
                                                      int priority, List<OptionSpec> options) {
        ProviderStatus status(boolean usable, String reason) {
            return new ProviderStatus(id, priority, usable, reason, options);
        }
    }
}
