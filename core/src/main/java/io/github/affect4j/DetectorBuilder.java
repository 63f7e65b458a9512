package io.github.affect4j;

import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and builds a detector: which provider (or the best available), and the options
 * handed to it. Not thread-safe; each {@link #build()} freezes the options and creates a new
 * detector that the caller must close.
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
     * Sets an option for the provider; see the provider's documentation for names.
     *
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public DetectorBuilder<D> option(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("option name must not be blank");
        }
        options.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Searches this class loader for providers instead of the one that loaded affect4j.
     *
     * @return this builder
     */
    public DetectorBuilder<D> classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /**
     * Lists every provider discovery sees, best first, with its availability under the current
     * options. Creates nothing.
     */
    public List<ProviderStatus> providers() {
        return discovery.statuses(loader(), DetectorConfig.of(options));
    }

    /**
     * Creates the detector from the chosen provider, or from the best available one.
     *
     * @return a new detector; close it when done
     * @throws DetectorUnavailableException if no provider can serve, listing every provider seen
     *     and why it was rejected
     */
    public D build() {
        String wanted = providerId != null ? providerId : discovery.propertyOverride();
        return discovery.create(loader(), DetectorConfig.of(options), wanted);
    }

    private ClassLoader loader() {
        return classLoader != null ? classLoader : DetectorProvider.class.getClassLoader();
    }
}
