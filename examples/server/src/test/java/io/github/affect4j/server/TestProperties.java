package io.github.affect4j.server;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * {@link Affect4jProperties} for tests that build server parts by hand: one place that knows
 * every group of the record, each test giving only the values it is about.
 */
public final class TestProperties {

    private TestProperties() {
    }

    /**
     * Properties with fixed limits (1 MP images, 10 MB clips), privacy minimum group 3 and
     * hourly purges, and tokens valid 90 days (10 failures, one more every 6 s).
     *
     * @param adminToken the first administrator's token, or null
     * @param retention how long observations are kept
     * @param analysis the analysis group, e.g. from {@link #analysis}
     */
    public static Affect4jProperties of(String adminToken, Duration retention,
                                        Affect4jProperties.Analysis analysis) {
        return new Affect4jProperties(adminToken,
                new Affect4jProperties.Limits(1_000_000, 10),
                new Affect4jProperties.Privacy(3, retention, Duration.ofHours(1)),
                analysis,
                new Affect4jProperties.Tokens(Duration.ofDays(90), 10, Duration.ofSeconds(6)));
    }

    /**
     * The analysis group with a 64 MB image budget.
     *
     * @param threads analysis threads
     * @param queueCapacity uploads that may wait
     * @param uploadBudget upload bodies received at once
     */
    public static Affect4jProperties.Analysis analysis(int threads, int queueCapacity,
                                                       DataSize uploadBudget) {
        return new Affect4jProperties.Analysis(threads, queueCapacity, DataSize.ofMegabytes(64),
                uploadBudget);
    }
}
