package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code /health} once PostgreSQL stops: the very next call answers 503 {@code DOWN} (what the
 * container {@code HEALTHCHECK} and load balancers look at), promptly. A server of its own, since
 * its database is stopped under it.
 */
class DatabaseDownHealthTest {

    private static final String ADMIN = "health-test-admin-token-0123456789";

    @Test
    void theNextHealthAfterPostgresStopsIs503Down() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext context = null;
        boolean stopped = false;
        try {
            context = PostgresReplicas.start(postgres, ADMIN);
            Api api = new Api(PostgresReplicas.port(context));
            Api.Response up = api.get("/health", null);
            assertThat(up.status()).as(up.text()).isEqualTo(200);
            assertThat(up.json().path("status").asText()).isEqualTo("UP");

            postgres.close();
            stopped = true;
            long start = System.nanoTime();
            Api.Response down = api.get("/health", null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            // Bounded: well inside the image's HEALTHCHECK timeout of 5 s.
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        } finally {
            if (context != null) {
                context.close();
            }
            if (!stopped) {
                postgres.close();
            }
        }
    }
}
