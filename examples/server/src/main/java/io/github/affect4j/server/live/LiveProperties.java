package io.github.affect4j.server.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live event streams, under {@code affect4j.live.*}; validated at start-up.
 *
 * @param relay how stored observations reach the streams: {@code auto} (PostgreSQL
 *     {@code LISTEN/NOTIFY} when the database is PostgreSQL, in memory otherwise),
 *     {@code memory} (this instance only) or {@code postgres}
 * @param maxStreams the most event streams one instance keeps open; more are answered 503
 * @param streamTimeout how long one stream stays open before the server closes it (the
 *     dashboard reconnects), so that stale connections behind proxies do not pile up
 * @param heartbeat how often an idle stream gets a comment line, which keeps proxies and load
 *     balancers from closing it and lets the server notice clients that went away
 */
@ConfigurationProperties("affect4j.live")
public record LiveProperties(@DefaultValue("auto") Relay relay,
                             @DefaultValue("200") int maxStreams,
                             @DefaultValue("PT30M") Duration streamTimeout,
                             @DefaultValue("PT15S") Duration heartbeat) {

    /** How observations reach the streams. */
    public enum Relay {
        /** PostgreSQL's notifications when the database is PostgreSQL, else memory. */
        AUTO,
        /** In this instance's memory only: one instance, or H2. */
        MEMORY,
        /** PostgreSQL {@code LISTEN/NOTIFY}: every instance on the database gets every event. */
        POSTGRES
    }

    /** @throws IllegalArgumentException naming the setting and the value given */
    public LiveProperties {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("affect4j.live.max-streams must be at least 1, got "
                    + maxStreams);
        }
        if (streamTimeout.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("affect4j.live.stream-timeout must be at least "
                    + "PT5S, got " + streamTimeout);
        }
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0
                || heartbeat.compareTo(streamTimeout) >= 0) {
            throw new IllegalArgumentException("affect4j.live.heartbeat must be at least PT1S and "
                    + "shorter than stream-timeout (" + streamTimeout + "), got " + heartbeat);
        }
    }
}
