package io.github.affect4j.server.live;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses how stored observations reach the live streams ({@code affect4j.live.relay}): by
 * default PostgreSQL {@code LISTEN/NOTIFY} when the database is PostgreSQL, so that every
 * replica behind a load balancer streams every upload; in memory otherwise (H2 is one instance's
 * database anyway).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

    /**
     * The relay: a {@link PostgresRelay} or a {@link MemoryRelay}.
     *
     * @throws IllegalStateException if {@code postgres} was asked for on another database
     */
    @Bean
    ObservationRelay observationRelay(LiveProperties properties, DataSource dataSource,
                            DataSourceProperties database, JdbcTemplate jdbc,
                            LiveStreams streams) {
        String product = product(dataSource);
        boolean postgres = "PostgreSQL".equalsIgnoreCase(product);
        LiveProperties.Relay relay = properties.relay();
        if (relay == LiveProperties.Relay.POSTGRES && !postgres) {
            throw new IllegalStateException("affect4j.live.relay=postgres needs a PostgreSQL "
                    + "database, but the database is " + product);
        }
        if (relay == LiveProperties.Relay.POSTGRES
                || relay == LiveProperties.Relay.AUTO && postgres) {
            log.info("Live events: relayed through PostgreSQL LISTEN/NOTIFY (channel {}), so "
                    + "every instance on this database streams every upload",
                    PostgresRelay.CHANNEL);
            return new PostgresRelay(jdbc, database, streams);
        }
        if (postgres) {
            log.warn("Live events: kept in memory (affect4j.live.relay=memory) on PostgreSQL: "
                    + "with several instances, dashboards see only the uploads their own "
                    + "instance received");
        } else {
            log.info("Live events: kept in memory ({} database, one instance)", product);
        }
        return new MemoryRelay(streams);
    }

    private static String product(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is, to choose "
                    + "how live events are relayed: " + e.getMessage(), e);
        }
    }
}
