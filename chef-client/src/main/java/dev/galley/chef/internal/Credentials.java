package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ChefKey;
import java.net.URI;
import java.util.Optional;

/**
 * Reads the new credentials out of a create or rotate answer, in both the API v0 form (private_key at the top)
 * and the v1 form (a chef_key object).
 */
final class Credentials {
    private Credentials() {
    }

    static ActorCredentials from(String name, JsonNode answer, URI fallbackUri) {
        JsonNode key = answer.has("chef_key") ? answer.path("chef_key") : answer;
        Optional<ChefKey> privateKey = text(key, "private_key")
                .map(pem -> ChefKey.fromPem(pem, "the server's answer for '" + name + "'"));
        Optional<String> publicKey = text(key, "public_key");
        URI uri = text(answer, "uri").map(URI::create).orElse(fallbackUri);
        return new ActorCredentials(name, uri, privateKey, publicKey);
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
