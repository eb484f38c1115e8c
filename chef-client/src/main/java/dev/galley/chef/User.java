package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import java.util.Optional;

/**
 * A Chef user. Chef 12+ servers use {@code username}, {@code display_name}, {@code email} and names; Chef 11
 * and goiardi use {@code name} and {@code admin}. Whatever the server sends is kept.
 *
 * @param username    the user name (from {@code username}, else {@code name})
 * @param displayName the display name, if any
 * @param email       the e-mail address, if any
 * @param admin       the Chef 11 admin flag, if the server has one
 * @param publicKey   the public key PEM, if returned
 * @param extra       every other field
 */
public record User(String username, Optional<String> displayName, Optional<String> email, Optional<Boolean> admin,
        Optional<String> publicKey, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public User {
        displayName = displayName == null ? Optional.empty() : displayName;
        email = email == null ? Optional.empty() : email;
        admin = admin == null ? Optional.empty() : admin;
        publicKey = publicKey == null ? Optional.empty() : publicKey;
        extra = Attributes.copy(extra);
        if (username == null && extra.get("name") instanceof String n) {
            username = n;
        }
        if (username == null) {
            throw new IllegalArgumentException("a user needs a username (or name)");
        }
    }
}
