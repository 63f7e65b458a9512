package io.github.affect4j;

import java.util.Objects;

/**
 * Which implementation (and which model, if any) a detector runs.
 *
 * @param providerId the id of the provider that made the detector, e.g. {@code "heuristic"};
 *     the id accepted by {@link DetectorBuilder#provider(String)}
 * @param description a one-line human-readable description of the method
 * @param model the model in use, e.g. a file name with its checksum, or {@code "none"} for
 *     rule-based implementations
 */
public record DetectorInfo(String providerId, String description, String model) {

    /**
     * @param providerId the id of the provider that made the detector
     * @param description a one-line description of the method
     * @param model the model in use
     * @throws NullPointerException if any argument is null
     */
    public DetectorInfo {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(model, "model");
    }
}
