package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ActorKeys;
import dev.galley.chef.ApiClient;
import dev.galley.chef.ChefException;
import dev.galley.chef.Clients;
import dev.galley.core.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API clients of the configured organization, in the form the negotiated server API version wants. */
final class DefaultClients extends Endpoint implements Clients {
    DefaultClients(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/clients"));
    }

    @Override
    public ApiClient get(String name) {
        return http.get(Paths.of("clients", name), ApiClient.class);
    }

    @Override
    public Optional<ApiClient> find(String name) {
        return optional(() -> get(name));
    }

    @Override
    public ActorCredentials create(String name, boolean validator, Optional<String> publicKeyPem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("validator", validator);
        if (publicKeyPem.isPresent()) {
            body.put("public_key", publicKeyPem.get());
        } else {
            body.put("create_key", true); // API v1; v0 servers generate a key anyway and ignore it
        }
        JsonNode answer = http.post("/clients", body);
        return Credentials.from(name, answer, http.server().resolve(Paths.of("clients", name)));
    }

    @Override
    public ApiClient delete(String name) {
        return ChefHttp.read(http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, Paths.of("clients", name),
                null)), ApiClient.class);
    }

    @Override
    public ActorCredentials regenerateKey(String name) {
        ApiClient current = get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("validator", current.validator());
        current.admin().ifPresent(a -> body.put("admin", a));
        body.put("private_key", true);
        // Rotation in the client object is an API v0 operation (Chef's ApiClientV1#reregister does the same).
        if (http.versions().serverRange().filter(r -> !r.contains(0)).isPresent()) {
            throw new ChefException(Fault.BAD_INPUT, "cannot regenerate the key of client '" + name + "' on "
                    + http.server() + ": that needs server API version 0 and the server speaks "
                    + http.versions().serverRange().get() + "; replace the key through the keys API instead "
                    + "(create a new key, then delete \"default\")");
        }
        JsonNode answer = ChefHttp.json(http.execute(
                http.call("PUT", ChefHttp.Scope.ORGANIZATION, Paths.of("clients", name), body).withApiVersion(0)));
        return Credentials.from(name, answer, http.server().resolve(Paths.of("clients", name)));
    }

    @Override
    public ActorKeys keys(String name) {
        return new DefaultActorKeys(http, ChefHttp.Scope.ORGANIZATION, "clients", name);
    }
}
