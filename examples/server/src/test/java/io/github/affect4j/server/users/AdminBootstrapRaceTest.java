package io.github.affect4j.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.TestProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * Replicas starting together on one empty database create exactly one administrator: several
 * {@link AdminBootstrap}s, each with its own connections as separate server instances have,
 * run at the same moment on a freshly migrated schema, on PostgreSQL (what replicas share) and
 * on H2 (the single-instance default).
 */
class AdminBootstrapRaceTest {

    private static final int REPLICAS = 4;
    private static final int ROUNDS = 5;
    private static final String GIVEN_TOKEN = "race-test-token-0123456789";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void replicasOnPostgresCreateOneAdministratorWithAGeneratedToken() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            assertOneAdministrator(freshPostgres("gen" + round), null);
        }
    }

    @Test
    void replicasOnPostgresGivenTheSameTokenCreateOneAdministrator() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            assertOneAdministrator(freshPostgres("given" + round), GIVEN_TOKEN);
        }
    }

    @Test
    void instancesOnOneH2DatabaseCreateOneAdministrator() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:bootstrap" + System.nanoTime()
                    + ";DB_CLOSE_DELAY=-1", "sa", "");
            migrate(h2);
            assertOneAdministrator(h2, round % 2 == 0 ? null : GIVEN_TOKEN);
        }
    }

    @Test
    void aLaterStartLeavesTheAdministratorAlone() throws Exception {
        DataSource db = freshPostgres("later");
        bootstrap(db, GIVEN_TOKEN).run(new DefaultApplicationArguments());
        bootstrap(db, null).run(new DefaultApplicationArguments());
        assertThat(names(db)).containsExactly("admin");
    }

    private static void assertOneAdministrator(DataSource db, String token) throws Exception {
        CyclicBarrier together = new CyclicBarrier(REPLICAS);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                AdminBootstrap replica = bootstrap(db, token);
                runs.add(replicas.submit(() -> {
                    together.await();
                    replica.run(new DefaultApplicationArguments());
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS); // a replica that failed to start fails the test
            }
        } finally {
            replicas.shutdownNow();
        }
        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(names(db)).containsExactly("admin");
        assertThat(jdbc.sql("select role from users").query(String.class).single())
                .isEqualTo(Role.ADMIN.id());
        assertThat(jdbc.sql("select count(*) from bootstrap").query(Long.class).single())
                .isEqualTo(1L);
        if (token != null) {
            assertThat(jdbc.sql("select token_hash from users").query(String.class).single())
                    .isEqualTo(Tokens.hash(token));
        }
    }

    private static List<String> names(DataSource db) {
        return JdbcClient.create(db).sql("select name from users").query(String.class).list();
    }

    private static AdminBootstrap bootstrap(DataSource db, String token) {
        Affect4jProperties properties = TestProperties.of(token, Duration.ofDays(30),
                TestProperties.analysis(1, 1, DataSize.ofMegabytes(24)));
        return new AdminBootstrap(new UserRepository(JdbcClient.create(db), Clock.systemUTC()),
                properties, new DataSourceTransactionManager(db));
    }

    private static DataSource freshPostgres(String name) {
        JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
        DataSource db = postgres.getDatabase("postgres", name);
        migrate(db);
        return db;
    }

    private static void migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }
}
