package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API client (a node's or a validator's identity), as {@code GET /clients/NAME} returns it.
 *
 * @param name      the client name
 * @param validator whether it is a validator (may create clients)
 * @param admin     whether it is an admin (Chef 11 and goiardi; absent on Chef 12+)
 * @param publicKey its public key PEM, when the server returns it
 * @param extra     any other field (clientname, orgname, json_class, ...)
 */
public record ApiClient(String name, boolean validator, Optional<Boolean> admin, Optional<String> publicKey,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ApiClient {
        Objects.requireNonNull(name, "name");
        admin = admin == null ? Optional.empty() : admin;
        publicKey = publicKey == null ? Optional.empty() : publicKey;
        extra = Attributes.copy(extra);
    }
}
