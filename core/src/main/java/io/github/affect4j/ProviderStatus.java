package io.github.affect4j;

import java.util.Objects;

/**
 * What discovery found out about one provider.
 *
 * @param id the provider id (or the class name when even the id could not be read)
 * @param priority the provider's priority, or {@link Integer#MIN_VALUE} when unknown
 * @param usable whether the provider reported itself available
 * @param reason why it is not usable or was not chosen; empty otherwise
 */
public record ProviderStatus(String id, int priority, boolean usable, String reason) {

    /**
     * @param id the provider id
     * @param priority the provider's priority
     * @param usable whether the provider reported itself available
     * @param reason why it is not usable or was not chosen
     * @throws NullPointerException if id or reason is null
     */
    public ProviderStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
    }
}
