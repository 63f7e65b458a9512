package io.github.affect4j.spi;

/**
 * What every detector provider offers to discovery. Implement {@link FaceDetectorProvider} or
 * {@link VoiceDetectorProvider}, not this interface directly, and register the class in
 * {@code META-INF/services} and in {@code module-info} ({@code provides ... with ...}).
 *
 * <p>Discovery instantiates providers with their public no-argument constructor, which must be
 * cheap and must not load natives or models: do that in {@link #create}.
 *
 * @param <D> the kind of detector provided
 */
public interface DetectorProvider<D extends AutoCloseable> {

    /**
     * A short stable id such as {@code "onnx"} or {@code "heuristic"}: lower-case letters, digits
     * and {@code -}. Users name a provider by it to bypass the search.
     * @return the id
     */
    String id();

    /**
     * Rank among the available providers: the highest wins. Model-backed providers use
     * {@value #MODEL_PRIORITY}, rule-based ones {@value #HEURISTIC_PRIORITY}.
     * @return the priority
     */
    int priority();

    /**
     * A cheap check, without loading models or natives, of whether {@link #create} can succeed:
     * the required classes are present, configured files exist.
     *
     * @param config the configuration the detector would be created with
     * @return whether the provider can serve, and why not
     */
    Availability availability(DetectorConfig config);

    /**
     * Creates a detector. Expensive: loads natives and models.
     *
     * @param config the frozen configuration
     * @return a new detector; the caller owns it and must close it
     * @throws Exception if the detector cannot be created; discovery then tries the next provider
     */
    D create(DetectorConfig config) throws Exception;

    /** Priority of model-backed providers. */
    int MODEL_PRIORITY = 100;

    /** Priority of rule-based fallback providers. */
    int HEURISTIC_PRIORITY = 10;
}
