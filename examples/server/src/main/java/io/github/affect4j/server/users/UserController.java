package io.github.affect4j.server.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/users}: administrators create users, and see each new token once. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class UserController {

    private final UserRepository users;

    UserController(UserRepository users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (administrators only); the answer holds its token, "
            + "which is not stored and never shown again")
    CreatedUser create(@Valid @RequestBody NewUser request) {
        String token = Tokens.generate();
        long id = users.insert(request.name().strip(), request.role(), Tokens.hash(token));
        return new CreatedUser(id, request.name().strip(), request.role(), token);
    }

    /**
     * @param name display name
     * @param role {@code teacher} or {@code admin}
     */
    record NewUser(@NotBlank @Size(max = 200) String name, @NotNull Role role) {
    }

    /**
     * @param id the new user's id
     * @param name display name
     * @param role its role
     * @param token its bearer token: the only time it is shown
     */
    record CreatedUser(long id, String name, Role role, String token) {
    }
}
