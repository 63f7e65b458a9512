package io.github.affect4j.spi;

import java.util.Objects;

/**
 * Whether a provider can serve, and if not, why.
 *
 * @param available whether {@link DetectorProvider#create} is expected to succeed
 * @param reason why not, in words a user can act on; empty when available
 */
public record Availability(boolean available, String reason) {

    private static final Availability AVAILABLE = new Availability(true, "");

    /**
     * @param available whether the provider can serve
     * @param reason why not; empty when available
     * @throws IllegalArgumentException if an unavailable provider gives no reason
     */
    public Availability {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
    }

    /** {@return the availability of a provider that can serve} */
    public static Availability ready() {
        return AVAILABLE;
    }

    /**
     * The provider cannot serve.
     *
     * @param reason why, e.g. {@code "model file /x/y.onnx not found"}
     * @return the availability
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
