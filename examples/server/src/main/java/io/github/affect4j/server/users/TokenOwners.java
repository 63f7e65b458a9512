package io.github.affect4j.server.users;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Looks up who holds a token, by the token's hash. */
@FunctionalInterface
interface TokenOwners {

    /** The holder of the token with this SHA-256 hash, if any (revoked tokens have none). */
    Optional<TokenOwner> byHash(String tokenHash);

    /**
     * @param user the token's user
     * @param issuedAt when the token was issued; it expires a lifetime later
     */
    record TokenOwner(UserAccount user, OffsetDateTime issuedAt) {
    }
}
