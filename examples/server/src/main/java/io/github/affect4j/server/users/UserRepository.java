package io.github.affect4j.server.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code users} table, with each user's one token (its hash and when it was issued). */
@Repository
class UserRepository implements TokenOwners {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    /**
     * Claims the one-time creation of the first administrator. Call it inside the transaction
     * that creates the administrator: when another replica claimed it first, the single
     * {@code bootstrap} row exists and this returns false, or (when the two inserts overlap)
     * the row's primary key is taken and the insert fails with a duplicate key once the other
     * transaction commits.
     *
     * @return true if this caller is the one to create the first administrator
     */
    boolean claimBootstrap() {
        return jdbc.sql("insert into bootstrap (id, done_at) select 1, ? where not exists"
                        + " (select 1 from bootstrap where id = 1)")
                .param(now()).update() == 1;
    }

    /** Stores a user with the hash of its new token and returns the new id. */
    long insert(String name, Role role, String tokenHash) {
        OffsetDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into users (name, role, token_hash, token_issued_at, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(name, role.id(), tokenHash, now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<UserAccount> find(long id) {
        return jdbc.sql("select id, name, role from users where id = ?")
                .param(id)
                .query((rs, row) -> new UserAccount(rs.getLong("id"), rs.getString("name"),
                        Role.parse(rs.getString("role"))))
                .optional();
    }

    @Override
    public Optional<TokenOwner> byHash(String tokenHash) {
        return jdbc.sql("select id, name, role, token_issued_at from users where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new TokenOwner(new UserAccount(rs.getLong("id"),
                        rs.getString("name"), Role.parse(rs.getString("role"))),
                        rs.getObject("token_issued_at", OffsetDateTime.class)))
                .optional();
    }

    /** Gives the user a new token (the old one stops working); false if there is no such user. */
    boolean reissue(long id, String tokenHash, OffsetDateTime issuedAt) {
        return jdbc.sql("update users set token_hash = ?, token_issued_at = ? where id = ?")
                .params(tokenHash, issuedAt, id).update() == 1;
    }

    /** Forgets the user's token; false if there is no such user. */
    boolean revoke(long id) {
        return jdbc.sql("update users set token_hash = null where id = ?").param(id)
                .update() == 1;
    }

    /** The first administrator whose token is missing or was issued before the cutoff. */
    Optional<Long> adminWithoutValidToken(OffsetDateTime issuedAfter) {
        long valid = jdbc.sql("select count(*) from users where role = ? and token_hash is not"
                        + " null and token_issued_at > ?")
                .params(Role.ADMIN.id(), issuedAfter).query(Long.class).single();
        if (valid > 0) {
            return Optional.empty();
        }
        return jdbc.sql("select min(id) from users where role = ?").param(Role.ADMIN.id())
                .query(Long.class).optional();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
    }
}
