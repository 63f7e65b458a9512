package io.github.affect4j;

import io.github.affect4j.spi.DetectorProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and builds a detector: which provider (or the best available), and the options
 * handed to it. Not thread-safe; each {@link #build()} checks and freezes the options and creates
 * a new detector that the caller must close.
 *
 * <p>Options are checked against the declarations of the provider that is picked
 * ({@link io.github.affect4j.spi.DetectorProvider#options()}; {@code ./affect4j detectors} lists
 * them). A name the provider does not declare, or a value outside its range or choices, makes
 * {@link #build()} throw {@link InvalidOptionException}; it never makes discovery fall back to
 * another provider. Options can also be set with system properties
 * {@code affect4j.face.option.NAME} / {@code affect4j.voice.option.NAME}; those given here win.
 *
 * <pre>{@code
 * try (FaceEmotionDetector faces = EmotionDetectors.faceBuilder()
 *         .provider("heuristic")
 *         .option("minFaceSize", "48")
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * @param <D> the kind of detector built
 */
public final class DetectorBuilder<D extends AutoCloseable> {

    private final ProviderDiscovery<D> discovery;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String providerId;
    private ClassLoader classLoader;

    DetectorBuilder(ProviderDiscovery<D> discovery) {
        this.discovery = discovery;
    }

    /**
     * Uses the provider with this id and no other, bypassing the search. Overrides the system
     * property ({@code affect4j.face.provider} or {@code affect4j.voice.provider}).
     *
     * @param id a provider id, or null to choose automatically
     * @return this builder
     */
    public DetectorBuilder<D> provider(String id) {
        this.providerId = id == null || id.isBlank() ? null : id.trim();
        return this;
    }

    /**
     * Sets an option for the provider; {@code ./affect4j detectors} and each provider's
     * documentation list the names. Checked in {@link #build()}, against the provider picked.
     *
     * @param name the option name, such as {@code threads} or {@code minConfidence}
     * @param value its value, such as {@code 2} or {@code 0.6}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws NullPointerException if the value is null
     */
    public DetectorBuilder<D> option(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("option name must not be blank");
        }
        options.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets several options, as {@link #option(String, String)} does for each.
     *
     * @param options option values by name
     * @return this builder
     * @throws IllegalArgumentException if a name is blank
     */
    public DetectorBuilder<D> options(Map<String, String> options) {
        options.forEach(this::option);
        return this;
    }

    /**
     * Searches this class loader for providers instead of the one that loaded affect4j.
     *
     * @param loader the class loader to search, or null for the one that loaded affect4j
     * @return this builder
     */
    public DetectorBuilder<D> classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /**
     * Lists every provider discovery sees, best first, with its declared options and its
     * availability under the current options (a provider that does not take them, or finds a
     * value invalid, is listed as unusable with the reason). Creates nothing.
     *
     * @return a status per provider, best first
     */
    public List<ProviderStatus> providers() {
        return discovery.statuses(loader(), options);
    }

    /**
     * Creates the detector from the chosen provider, or from the best available one.
     *
     * @return a new detector; close it when done
     * @throws InvalidOptionException if an option is not declared by the provider picked (the
     *     message lists its options and names the providers that declare it) or its value is not
     *     allowed (the message gives the range or choices), or the options contradict each other
     * @throws DetectorUnavailableException if no provider can serve, listing every provider seen
     *     and why it was rejected
     */
    public D build() {
        return discovery.create(loader(), options, providerId);
    }

    private ClassLoader loader() {
        return classLoader != null ? classLoader : DetectorProvider.class.getClassLoader();
    }
}
