package io.github.affect4j.server.users;

import io.github.affect4j.server.Affect4jProperties;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users at all) creates the administrator, with the token from
 * {@code AFFECT4J_ADMIN_TOKEN} or a generated one printed once to standard output. The token is
 * deliberately not logged: log files travel further than a console. On later starts, when no
 * administrator holds a valid token (all expired or revoked) and {@code AFFECT4J_ADMIN_TOKEN} is
 * set, the first administrator is given that token: the way back in after a lock-out.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** Shorter given tokens would be guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    private final UserRepository users;
    private final Affect4jProperties properties;

    AdminBootstrap(UserRepository users, Affect4jProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String given = properties.adminToken();
        if (users.count() > 0) {
            if (given != null && !given.isBlank()) {
                OffsetDateTime now = users.now();
                users.adminWithoutValidToken(now.minus(properties.tokens().lifetime()))
                        .ifPresent(admin -> {
                            users.reissue(admin, Tokens.hash(checked(given)), now);
                            log.info("No administrator had a valid token: administrator {} was"
                                    + " given the token from AFFECT4J_ADMIN_TOKEN", admin);
                        });
            }
            return;
        }
        if (given != null && !given.isBlank()) {
            users.insert("admin", Role.ADMIN, Tokens.hash(checked(given)));
            log.info("Created the administrator 'admin' with the token from AFFECT4J_ADMIN_TOKEN");
        } else {
            String token = Tokens.generate();
            users.insert("admin", Role.ADMIN, Tokens.hash(token));
            log.info("Created the administrator 'admin'; its token is printed once below");
            System.out.println();
            System.out.println("  affect4j administrator token (shown only now; store it):");
            System.out.println("  " + token);
            System.out.println();
        }
    }

    private static String checked(String given) {
        if (given.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("AFFECT4J_ADMIN_TOKEN must have at least "
                    + MIN_TOKEN_LENGTH + " characters, got " + given.strip().length());
        }
        return given.strip();
    }
}
