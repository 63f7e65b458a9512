package io.github.affect4j.spring.boot;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.spi.OptionSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part the starter's face and voice detector beans share: the detector built from the
 * properties (or the reason there is none), its start-up status, and its meter. Every call goes
 * through {@link #call}; without a detector it throws {@link DetectorUnavailableException} with
 * the message discovery gave at start-up.
 *
 * <p>Thread-safe: the fields are final but for the close flag of a missing detector; the
 * detector itself guards its close against running calls.
 *
 * @param <D> the kind of detector
 */
final class DetectorSlot<D extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(DetectorSlot.class);

    private final String kind;
    private final D detector;
    private final String wanted;
    private final DetectorUnavailableException missing;
    private final DetectorStatus status;
    private final DetectorMeter meter;
    private volatile boolean closed;

    private DetectorSlot(String kind, String wanted, D detector,
                         DetectorUnavailableException missing, DetectorStatus status,
                         DetectorMeter meter) {
        this.kind = kind;
        this.wanted = wanted;
        this.detector = detector;
        this.missing = missing;
        this.status = status;
        this.meter = meter;
    }

    /**
     * Builds the detector the properties describe.
     *
     * @param kind {@code face} or {@code voice}
     * @param settings the properties of this kind
     * @param builder a fresh builder of this kind
     * @param info reads a built detector's info
     * @param meters makes the detector's meter
     * @throws io.github.affect4j.InvalidOptionException if an option is wrong: a configuration
     *     mistake fails the start rather than quietly running another detector
     * @throws DetectorUnavailableException if no provider can serve and the kind is required
     */
    static <D extends AutoCloseable> DetectorSlot<D> open(
            String kind, EmotionDetectorProperties.Detector settings, DetectorBuilder<D> builder,
            Function<D, DetectorInfo> info, DetectorMeter.Factory meters) {
        builder.provider(settings.provider());
        // First the declarations, to match the option names against; then the listing under
        // the options, which is what the health details show.
        builder.options(declaredNames(settings.option(), listProviders(kind, builder)));
        List<ProviderStatus> providers = listProviders(kind, builder);
        try {
            D detector = builder.build();
            DetectorInfo about = info.apply(detector);
            log.info("{} emotion detector bean: {} ({}), model {}", kind, about.providerId(),
                    about.description(), about.model());
            return new DetectorSlot<>(kind, settings.provider(), detector, null,
                    DetectorStatus.running(kind, about, providers),
                    meters.forDetector(kind, about.providerId()));
        } catch (DetectorUnavailableException e) {
            if (settings.required()) {
                throw e;
            }
            log.warn("No {} emotion detector: its calls will throw DetectorUnavailableException"
                            + " (set affect4j.{}.required=true to fail the start instead): {}",
                    kind, kind, e.getMessage());
            return new DetectorSlot<>(kind, settings.provider(), null, e,
                    DetectorStatus.missing(kind, e.getMessage(), providers),
                    meters.forDetector(kind, "none"));
        }
    }

    private static List<ProviderStatus> listProviders(String kind, DetectorBuilder<?> builder) {
        try {
            return builder.providers();
        } catch (RuntimeException e) {
            // The listing only informs the names and the health details; build() still decides.
            log.warn("Listing the {} emotion providers failed; the health details will list none",
                    kind, e);
            return List.of();
        }
    }

    /**
     * The options with each name replaced by the declared name it matches ignoring case, dashes
     * and underscores, so that {@code min-confidence} (the usual spelling in Spring properties)
     * and {@code MINCONFIDENCE} (from an environment variable) reach {@code minConfidence}. A
     * name that matches no declaration, or several, is passed on as given, for the builder to
     * reject with the list of valid names.
     */
    static Map<String, String> declaredNames(Map<String, String> options,
                                             List<ProviderStatus> providers) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (ProviderStatus provider : providers) {
            for (OptionSpec spec : provider.options()) {
                declared.computeIfAbsent(loose(spec.name()), k -> new TreeSet<>())
                        .add(spec.name());
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            Set<String> matches = declared.getOrDefault(loose(name),
                    Set.of());
            named.put(matches.size() == 1 && !matches.contains(name)
                    ? matches.iterator().next() : name, value);
        });
        return named;
    }

    private static String loose(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** What runs, or why nothing does. */
    DetectorStatus status() {
        return status;
    }

    /** The detector's meter, for the streams it opens. */
    DetectorMeter meter() {
        return meter;
    }

    /** The built detector's info; for a missing one, an info that says so. */
    DetectorInfo info(Function<D, DetectorInfo> info) {
        return detector != null ? info.apply(detector)
                : new DetectorInfo("none", "no " + kind + " emotion detector is available; see"
                        + " the health details or the start-up log", "none");
    }

    /**
     * Runs a call on the detector and measures it.
     *
     * @throws DetectorUnavailableException if there is no detector
     * @throws IllegalStateException if the detector was closed
     */
    <T> T call(String operation, Function<D, T> action, ToIntFunction<? super T> found) {
        return meter.call(operation, () -> action.apply(require()), found);
    }

    private D require() {
        if (detector != null) {
            return detector; // it guards its own close against calls
        }
        if (closed) {
            throw new IllegalStateException("the " + kind + " emotion detector bean is closed");
        }
        // A new exception, so that its stack shows the caller; the same message as at start-up.
        throw new DetectorUnavailableException(kind, wanted, missing.rejections());
    }

    /**
     * Closes the detector; idempotent.
     *
     * @param close the detector's own {@code close}, which throws no checked exception
     */
    void close(Consumer<D> close) {
        closed = true;
        if (detector != null) {
            close.accept(detector);
        }
    }
}
