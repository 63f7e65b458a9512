package io.github.affect4j.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Servers (Spring contexts on random loopback ports) on an embedded PostgreSQL, as replicas. */
final class PostgresReplicas {

    private PostgresReplicas() {
    }

    /**
     * Starts one server on the database with the {@code postgres} profile. Command-line
     * arguments: they take precedence over application-postgres.yml.
     */
    static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminToken) {
        return new SpringApplicationBuilder(ServerApplication.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--affect4j.admin-token=" + adminToken,
                        "--spring.jmx.enabled=false");
    }

    /** The port a started server listens on. */
    static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
