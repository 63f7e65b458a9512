package io.github.affect4j.server.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a user may do: administrators manage users and see everything, teachers their own. */
public enum Role {
    ADMIN,
    TEACHER;

    /** The lower-case name used in JSON and in the database. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static Role parse(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id
                        + "'; expected one of admin, teacher"));
    }
}
