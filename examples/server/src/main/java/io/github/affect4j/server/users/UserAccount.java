package io.github.affect4j.server.users;

/**
 * An authenticated user, as request handlers see it.
 *
 * @param id the user id
 * @param name the display name
 * @param role what the user may do
 */
public record UserAccount(long id, String name, Role role) {

    /** Whether this user is an administrator. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
