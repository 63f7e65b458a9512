package io.github.affect4j;

import io.github.affect4j.spi.OptionSpec;
import java.util.List;
import java.util.Objects;

/**
 * What discovery found out about one provider.
 *
 * @param id the provider id (or the class name when even the id could not be read)
 * @param priority the provider's priority, or {@link Integer#MIN_VALUE} when unknown
 * @param usable whether the provider reported itself available under the options given (and
 *     takes them); false for a provider that was not asked because another was named
 * @param reason why it is not usable or was not chosen; empty otherwise
 * @param options the options the provider declares; empty when it declares none or could not
 *     be asked
 */
public record ProviderStatus(String id, int priority, boolean usable, String reason,
                             List<OptionSpec> options) {

    /**
     * @param id the provider id
     * @param priority the provider's priority
     * @param usable whether the provider reported itself available
     * @param reason why it is not usable or was not chosen
     * @param options the options the provider declares
     * @throws NullPointerException if id, reason or options is null
     */
    public ProviderStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        options = List.copyOf(options);
    }

    /**
     * A status of a provider that declares no options (or could not be asked for them).
     *
     * @param id the provider id
     * @param priority the provider's priority
     * @param usable whether the provider reported itself available
     * @param reason why it is not usable or was not chosen
     * @throws NullPointerException if id or reason is null
     */
    public ProviderStatus(String id, int priority, boolean usable, String reason) {
        this(id, priority, usable, reason, List.of());
    }
}
