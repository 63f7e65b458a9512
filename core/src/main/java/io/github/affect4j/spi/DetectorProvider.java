package io.github.affect4j.spi;

import java.util.List;

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
     * The options this provider reads, with their types, ranges and defaults. Discovery rejects
     * any option not declared here, and any value outside its declaration, with an
     * {@link io.github.affect4j.InvalidOptionException} before {@link #availability} is asked;
     * {@code affect4j detectors} lists them. Use the shared names where the idea is shared:
     * {@code model} (the classifier file), {@code threads} (ONNX Runtime intra-op threads) and
     * {@code minConfidence} (detections with a lower confidence, in [0, 1], are not reported).
     *
     * @return the declarations; empty (the default) for a provider without options
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * Checks what single declarations cannot express: combinations of options (one requires
     * another, counts that must agree) and the syntax of {@link OptionSpec.Type#STRING} options.
     * Called by discovery after the declarations were checked; a failure is reported to the user
     * as an {@link io.github.affect4j.InvalidOptionException}, never as a reason to fall back.
     * Must be cheap and must not look at files: missing files are {@link #availability}'s
     * business.
     *
     * @param config the options, already checked against {@link #options()}
     * @throws IllegalArgumentException naming the options at fault and what is allowed
     */
    default void validate(DetectorConfig config) {
    }

    /**
     * A cheap check, without loading models or natives, of whether {@link #create} can succeed:
     * the required classes are present, configured files exist. The options were already
     * validated; an invalid option is never a reason to report unavailability.
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
