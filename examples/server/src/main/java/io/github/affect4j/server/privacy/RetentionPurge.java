package io.github.affect4j.server.privacy;

import io.github.affect4j.server.Affect4jProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes observations older than {@code affect4j.privacy.retention}, at start-up and then every
 * {@code affect4j.privacy.purge-interval}. Sessions and classrooms stay (with their counts);
 * the affect they recorded goes. Each purge is one transaction, opened here with a
 * {@link TransactionTemplate}: the scheduled {@link #purge()} calls {@link #purgeBefore} on
 * {@code this}, which a {@code @Transactional} proxy would not intercept.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    RetentionPurge(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                   Affect4jProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = properties.privacy().retention();
    }

    /** Purges by the clock; run on a schedule. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${affect4j.privacy.purge-interval:PT1H}")
    public void purge() {
        purgeBefore(clock.instant().minus(retention));
    }

    /**
     * Deletes every observation made before the cutoff.
     *
     * @return the number of frame, face and audio rows deleted
     */
    public int purgeBefore(Instant cutoff) {
        Integer deleted = transaction.execute(status -> delete(cutoff));
        return deleted == null ? 0 : deleted;
    }

    private int delete(Instant cutoff) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        // Faces first: they cascade from frames, but deleting them explicitly keeps the count.
        int faces = jdbc.sql("delete from face_observations where observed_at < ?")
                .param(before).update();
        int frames = jdbc.sql("delete from frame_observations where observed_at < ?")
                .param(before).update();
        int audio = jdbc.sql("delete from audio_observations where observed_at < ?")
                .param(before).update();
        if (faces + frames + audio > 0) {
            log.info("Retention {}: deleted {} frame, {} face and {} audio observations made "
                    + "before {}", retention, frames, faces, audio, cutoff);
        }
        return faces + frames + audio;
    }
}
