package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ActorKeys;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys API of one actor: {@code /clients/NAME/keys} (organization) or {@code /users/NAME/keys} (global). */
final class DefaultActorKeys extends Endpoint implements ActorKeys {
    private final ChefHttp.Scope scope;
    private final String actor;
    private final String base;

    /** The keys of {@code actor} in {@code collection} ("clients" or "users"). */
    DefaultActorKeys(ChefHttp http, ChefHttp.Scope scope, String collection, String actor) {
        super(http);
        this.scope = scope;
        this.actor = actor;
        this.base = Paths.of(collection, actor, "keys");
    }

    @Override
    public List<Summary> list() {
        List<Summary> out = new ArrayList<>();
        for (JsonNode k : json("GET", base, null)) {
            out.add(new Summary(k.path("name").asText(), k.path("uri").asText(), k.path("expired").asBoolean(false)));
        }
        return out;
    }

    @Override
    public Key get(String keyName) {
        JsonNode k = json("GET", base + Paths.of(keyName), null);
        return new Key(k.path("name").asText(keyName), k.path("public_key").asText(),
                k.path("expiration_date").asText("infinity"));
    }

    @Override
    public ActorCredentials create(String keyName, Optional<String> publicKeyPem, Optional<Instant> expiration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", keyName);
        if (publicKeyPem.isPresent()) {
            body.put("public_key", publicKeyPem.get());
        } else {
            body.put("create_key", true);
        }
        body.put("expiration_date", expiration.map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("infinity"));
        JsonNode answer = json("POST", base, body);
        // Named after the actor, as ActorCredentials are: the key belongs to (and signs as) the client or user.
        return Credentials.from(actor, answer, url(base + Paths.of(keyName)));
    }

    @Override
    public void delete(String keyName) {
        http.execute(http.call("DELETE", scope, base + Paths.of(keyName), null));
    }

    /** User keys live under the server root: resolving them against the organization URL would name a wrong URL. */
    private URI url(String path) {
        return scope == ChefHttp.Scope.GLOBAL ? http.server().resolveGlobal(path) : http.server().resolve(path);
    }

    private JsonNode json(String method, String path, Object body) {
        return ChefHttp.json(http.execute(http.call(method, scope, path, body)));
    }
}
