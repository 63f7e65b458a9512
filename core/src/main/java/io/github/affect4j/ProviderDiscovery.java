package io.github.affect4j;

import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers of one kind of detector and creates a detector from the best usable one.
 * Stateless but for the set of choices already logged, so each distinct choice is logged at INFO
 * once per JVM (later repeats go to DEBUG).
 */
final class ProviderDiscovery<D extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(EmotionDetectors.class);
    /** Guards against a provider iterator that keeps failing without advancing. */
    private static final int MAX_PROVIDERS = 256;
    private static final Set<String> LOGGED_CHOICES = ConcurrentHashMap.newKeySet();

    private final String kind;
    private final Class<? extends DetectorProvider<D>> service;
    private final String property;

    ProviderDiscovery(String kind, Class<? extends DetectorProvider<D>> service, String property) {
        this.kind = kind;
        this.service = service;
        this.property = property;
    }

    String propertyOverride() {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? null : value.trim();
    }

    List<ProviderStatus> statuses(ClassLoader loader, DetectorConfig config) {
        List<ProviderStatus> statuses = new ArrayList<>();
        for (Candidate<D> candidate : discover(loader, config, statuses)) {
            statuses.add(candidate.status());
        }
        statuses.sort(Comparator.comparingInt(ProviderStatus::priority).reversed()
                .thenComparing(ProviderStatus::id));
        return statuses;
    }

    D create(ClassLoader loader, DetectorConfig config, String wanted) {
        List<ProviderStatus> rejected = new ArrayList<>();
        List<Candidate<D>> candidates = discover(loader, config, rejected);
        List<String> passedOver = new ArrayList<>();
        for (Candidate<D> candidate : candidates) {
            if (wanted != null && !candidate.id.equals(wanted)) {
                rejected.add(candidate.status("not requested (asked for '" + wanted + "')"));
                continue;
            }
            if (!candidate.availability.available()) {
                rejected.add(candidate.status());
                passedOver.add(candidate.id + ": " + candidate.availability.reason());
                continue;
            }
            try {
                D detector = candidate.provider.create(config);
                if (detector == null) {
                    throw new IllegalStateException("create() returned null");
                }
                logChoice(candidate, wanted, passedOver);
                return detector;
            } catch (Exception | LinkageError e) {
                String reason = "create failed: " + describe(e);
                LOG.warn("{} detector provider '{}' failed to create a detector; trying the next",
                        kind, candidate.id, e);
                rejected.add(candidate.status(reason));
                passedOver.add(candidate.id + ": " + reason);
            }
        }
        throw new DetectorUnavailableException(kind, wanted, rejected);
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
     * availability are added to {@code broken} and skipped. Sorted best first.
     */
    private List<Candidate<D>> discover(ClassLoader loader, DetectorConfig config,
                                        List<ProviderStatus> broken) {
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
                Availability availability = provider.availability(config);
                if (id == null || availability == null) {
                    throw new IllegalStateException("id() or availability() returned null");
                }
                if (!ids.add(id)) {
                    broken.add(new ProviderStatus(id, priority, false,
                            "duplicate id: " + name + " ignored"));
                    continue;
                }
                candidates.add(new Candidate<>(provider, id, priority, availability));
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

    private record Candidate<D extends AutoCloseable>(DetectorProvider<D> provider, String id,
                                                      int priority, Availability availability) {
        ProviderStatus status() {
            return new ProviderStatus(id, priority, availability.available(),
                    availability.reason());
        }

        ProviderStatus status(String reason) {
            return new ProviderStatus(id, priority, availability.available(), reason);
        }
    }
}
