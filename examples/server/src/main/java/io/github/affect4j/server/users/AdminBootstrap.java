package io.github.affect4j.server.users;

import io.github.affect4j.server.Affect4jProperties;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no users at all) creates the administrator, with the token from
 * {@code AFFECT4J_ADMIN_TOKEN} or a generated one printed once to standard output. The token is
 * deliberately not logged: log files travel further than a console. On later starts, when no
 * administrator holds a valid token (all expired or revoked) and {@code AFFECT4J_ADMIN_TOKEN} is
 * set, the first administrator is given that token: the way back in after a lock-out.
 *
 * <p>Replicas may start together on one empty database: the creation is claimed through the
 * single row of the {@code bootstrap} table in the administrator's own transaction, so exactly
 * one start creates it and the others carry on as later starts do.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** Shorter given tokens would be guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    private final UserRepository users;
    private final Affect4jProperties properties;
    private final TransactionTemplate transaction;

    AdminBootstrap(UserRepository users, Affect4jProperties properties,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        String given = properties.adminToken();
        if (users.count() == 0 && createFirstAdministrator(given)) {
            return;
        }
        if (given != null && !given.isBlank()) {
            OffsetDateTime now = users.now();
            users.adminWithoutValidToken(now.minus(properties.tokens().lifetime()))
                    .ifPresent(admin -> {
                        users.reissue(admin, Tokens.hash(checked(given)), now);
                        log.info("No administrator had a valid token: administrator {} was"
                                + " given the token from AFFECT4J_ADMIN_TOKEN", admin);
                    });
        }
    }

    /**
     * Creates the administrator unless another replica, starting on the same empty database at
     * the same time, claimed the creation first; the claim and the new user commit together.
     *
     * @return true if this start created the administrator
     */
    private boolean createFirstAdministrator(String given) {
        String token = given != null && !given.isBlank() ? checked(given) : Tokens.generate();
        Boolean created;
        try {
            created = transaction.execute(status -> {
                if (!users.claimBootstrap()) {
                    return false;
                }
                users.insert("admin", Role.ADMIN, Tokens.hash(token));
                return true;
            });
        } catch (DuplicateKeyException e) {
            // The other replica's claim committed while this one waited on the row's key.
            created = false;
        }
        if (!Boolean.TRUE.equals(created)) {
            log.info("Another server instance created the first administrator");
            return false;
        }
        if (given != null && !given.isBlank()) {
            log.info("Created the administrator 'admin' with the token from AFFECT4J_ADMIN_TOKEN");
        } else {
            log.info("Created the administrator 'admin'; its token is printed once below");
            System.out.println();
            System.out.println("  affect4j administrator token (shown only now; store it):");
            System.out.println("  " + token);
            System.out.println();
        }
        return true;
    }

    private static String checked(String given) {
        if (given.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("AFFECT4J_ADMIN_TOKEN must have at least "
                    + MIN_TOKEN_LENGTH + " characters, got " + given.strip().length());
        }
        return given.strip();
    }
}
