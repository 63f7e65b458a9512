package io.github.affect4j.server.users;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: administrators create users and see each new token once; a token is
 * replaced or revoked by its user or an administrator.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
class UserController {

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    private final UserRepository users;
    private final Duration lifetime;

    UserController(UserRepository users, Affect4jProperties properties) {
        this.users = users;
        this.lifetime = properties.tokens().lifetime();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createUser", summary = "Create a user (administrators only); the "
            + "answer holds its token, which is not stored and never shown again")
    CreatedUser create(@Valid @RequestBody NewUser request) {
        String token = Tokens.generate();
        String name = request.name().strip();
        long id = users.insert(name, request.role(), Tokens.hash(token));
        return new CreatedUser(id, name, request.role(), token,
                users.now().plus(lifetime));
    }

    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "reissueToken", summary = "Replace a user's token with a new one "
            + "(the user themselves or an administrator); the old token stops working")
    CreatedUser reissue(@PathVariable long id,
                        @Parameter(hidden = true) @AuthenticationPrincipal UserAccount caller) {
        UserAccount user = permitted(id, caller);
        String token = Tokens.generate();
        OffsetDateTime now = users.now();
        if (!users.reissue(id, Tokens.hash(token), now)) {
            throw ApiException.notFound("User " + id + " does not exist");
        }
        log.info("User {} was given a new token by user {}", id, caller.id());
        return new CreatedUser(id, user.name(), user.role(), token, now.plus(lifetime));
    }

    @DeleteMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeTokens", summary = "Revoke a user's token (the user "
            + "themselves or an administrator); the user cannot authenticate until a new token "
            + "is issued")
    void revoke(@PathVariable long id,
                @Parameter(hidden = true) @AuthenticationPrincipal UserAccount caller) {
        permitted(id, caller);
        users.revoke(id);
        log.info("The token of user {} was revoked by user {}", id, caller.id());
    }

    /** The user, if the caller may manage its token: itself, or anyone for an administrator. */
    private UserAccount permitted(long id, UserAccount caller) {
        if (!caller.isAdmin() && caller.id() != id) {
            // Teachers learn nothing about other ids, not even whether they exist.
            throw ApiException.forbidden("Only user " + id + " or an administrator may manage "
                    + "this user's token");
        }
        return users.find(id).orElseThrow(() ->
                ApiException.notFound("User " + id + " does not exist"));
    }

    /**
     * @param name display name
     * @param role {@code teacher} or {@code admin}
     */
    record NewUser(@NotBlank @Size(max = 200) String name, @NotNull Role role) {
    }

    /**
     * @param id the user's id
     * @param name display name
     * @param role its role
     * @param token its bearer token: the only time it is shown
     * @param expiresAt when the token stops working ({@code affect4j.tokens.lifetime})
     */
    record CreatedUser(long id, String name, Role role, String token, OffsetDateTime expiresAt) {
    }
}
