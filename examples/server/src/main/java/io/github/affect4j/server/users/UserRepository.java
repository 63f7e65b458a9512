package io.github.affect4j.server.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    /** Stores a user with the hash of its token and returns the new id. */
    long insert(String name, Role role, String tokenHash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into users (name, role, token_hash, created_at) values (?, ?, ?, ?)")
                .params(name, role.id(), tokenHash,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                                .truncatedTo(ChronoUnit.MICROS))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<UserAccount> findByTokenHash(String tokenHash) {
        return jdbc.sql("select id, name, role from users where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new UserAccount(rs.getLong("id"), rs.getString("name"),
                        Role.parse(rs.getString("role"))))
                .optional();
    }
}
