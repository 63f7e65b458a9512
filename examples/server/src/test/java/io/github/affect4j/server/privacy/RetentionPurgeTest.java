package io.github.affect4j.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.TestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.util.unit.DataSize;

/**
 * The scheduled purge, on the real schema (H2 in memory, migrated by Flyway): old observations
 * go, recent ones stay, and the three deletes are one transaction.
 */
class RetentionPurgeTest {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    /** Counts the transactions it begins and commits. */
    @SuppressWarnings("serial")
    static final class CountingTransactions extends DataSourceTransactionManager {
        int begun;
        int committed;

        CountingTransactions(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun++;
            super.doBegin(transaction, definition);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed++;
            super.doCommit(status);
        }
    }

    private JdbcClient jdbc;
    private CountingTransactions transactions;
    private RetentionPurge purge;
    private long session;

    @BeforeEach
    void schema() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:purge" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new CountingTransactions(dataSource);
        Affect4jProperties properties = TestProperties.of(null, Duration.ofDays(30),
                TestProperties.analysis(1, 1, DataSize.ofMegabytes(24)));
        purge = new RetentionPurge(jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                properties);
        OffsetDateTime start = at(Duration.ofDays(40));
        jdbc.sql("insert into users (id, name, role, token_hash, token_issued_at, created_at)"
                + " values (1, 'T', 'teacher', 'h', ?, ?)").params(start, start).update();
        jdbc.sql("insert into classrooms (id, owner_id, name, created_at) values (1, 1, 'C', ?)")
                .param(start).update();
        jdbc.sql("insert into sessions (id, classroom_id, consent, started_at) values"
                + " (1, 1, true, ?)").param(start).update();
        session = 1;
        // 31 days old: past the 30-day retention. 29 days old: kept.
        frame(1, Duration.ofDays(31), 2);
        frame(2, Duration.ofDays(29), 1);
        audio(Duration.ofDays(31));
        audio(Duration.ofDays(29));
    }

    @Test
    void theScheduledPurgeDeletesOldObservationsAndKeepsRecentOnesInOneTransaction() {
        purge.purge();

        assertThat(ids("frame_observations")).containsExactly(2L);
        assertThat(count("face_observations")).isEqualTo(1);
        assertThat(count("audio_observations")).isEqualTo(1);
        assertThat(jdbc.sql("select observed_at from audio_observations")
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(at(Duration.ofDays(29)).toInstant());
        assertThat(count("sessions")).as("sessions stay").isEqualTo(1);
        assertThat(transactions.begun).isEqualTo(1);
        assertThat(transactions.committed).isEqualTo(1);
    }

    @Test
    void aFailingDeleteRollsBackTheOthers() {
        // The last of the three deletes fails: the first two must be undone with it.
        jdbc.sql("alter table audio_observations rename to audio_elsewhere").update();
        assertThatThrownBy(purge::purge).isInstanceOf(RuntimeException.class);
        assertThat(count("frame_observations")).isEqualTo(2);
        assertThat(count("face_observations")).isEqualTo(3);
        assertThat(transactions.committed).isZero();
    }

    private static OffsetDateTime at(Duration ago) {
        return NOW.minus(ago).atOffset(ZoneOffset.UTC);
    }

    private void frame(long id, Duration ago, int faces) {
        jdbc.sql("insert into frame_observations (id, session_id, observed_at, detector,"
                        + " image_width, image_height, face_count) values (?, ?, ?, 'x', 1, 1, ?)")
                .params(id, session, at(ago), faces).update();
        for (int i = 0; i < faces; i++) {
            jdbc.sql("insert into face_observations (frame_id, session_id, observed_at, box_x,"
                            + " box_y, box_width, box_height, confidence, assessable, dominant,"
                            + " p_neutral, p_happiness, p_surprise, p_sadness, p_anger, p_disgust,"
                            + " p_fear, p_contempt, arousal, valence) values (?, ?, ?, 0, 0, 1, 1,"
                            + " 1, true, 'neutral', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)")
                    .params(id, session, at(ago)).update();
        }
    }

    private void audio(Duration ago) {
        jdbc.sql("insert into audio_observations (session_id, observed_at, detector,"
                        + " duration_seconds, speech_ratio, speech)"
                        + " values (?, ?, 'x', 1, 0, false)")
                .params(session, at(ago)).update();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private java.util.List<Long> ids(String table) {
        return jdbc.sql("select id from " + table + " order by id").query(Long.class).list();
    }
}
