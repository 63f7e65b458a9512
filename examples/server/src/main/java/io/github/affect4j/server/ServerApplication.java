package io.github.affect4j.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The affect4j example server: classrooms, sessions, and face and voice analysis of uploaded
 * frames and clips, reported as aggregates unless consent was recorded.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ServerApplication {

    /** Starts the server. */
    public static void main(String[] args) {
        SpringApplication.run(ServerApplication.class, args);
    }

    /** The time source of every stored timestamp. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
