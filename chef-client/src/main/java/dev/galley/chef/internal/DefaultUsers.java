package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ActorKeys;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.ChefUnauthorizedException;
import dev.galley.chef.User;
import dev.galley.chef.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user endpoints; users live under the server root, not an organization. */
final class DefaultUsers extends Endpoint implements Users {
    DefaultUsers(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(global("GET", "/users", null));
    }

    @Override
    public User get(String name) {
        return ChefHttp.read(http.execute(http.call("GET", ChefHttp.Scope.GLOBAL, Paths.of("users", name), null)),
                User.class);
    }

    @Override
    public Optional<User> find(String name) {
        return optional(() -> get(name));
    }

    @Override
    public ActorCredentials create(Map<String, Object> fields) {
        Object name = fields.getOrDefault("username", fields.get("name"));
        if (!(name instanceof String n) || n.isBlank()) {
            throw new IllegalArgumentException("a new user needs a \"username\" (Chef 12+) or \"name\" (Chef 11)");
        }
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (fields.containsKey("username") && !fields.containsKey("public_key") && !fields.containsKey("create_key")) {
            // Under API v1 erchef makes a key only when asked, and a user without one cannot sign (knife user
            // create asks too). Chef 11 and goiardi schemas have no "username" and refuse unknown fields.
            body.put("create_key", true);
        }
        JsonNode answer = global("POST", "/users", body);
        return Credentials.from(n, answer, http.server().resolveGlobal(Paths.of("users", n)));
    }

    @Override
    public User delete(String name) {
        return ChefHttp.read(http.execute(http.call("DELETE", ChefHttp.Scope.GLOBAL, Paths.of("users", name), null)),
                User.class);
    }

    @Override
    public boolean authenticate(String name, String password) {
        try {
            return verified(global("POST", "/authenticate_user", Map.of("username", name, "password", password)));
        } catch (ChefUnauthorizedException e) {
            return false;
        } catch (ChefApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            // Chef 11 and goiardi call the field "name" and refuse "username"; the request was not acted on.
            try {
                return verified(global("POST", "/authenticate_user", Map.of("name", name, "password", password)));
            } catch (ChefUnauthorizedException wrong) {
                return false;
            }
        }
    }

    private static boolean verified(JsonNode answer) {
        return answer.path("verified").asBoolean(true) && !answer.path("status").asText("").equals("unlinked");
    }

    @Override
    public ActorKeys keys(String name) {
        return new DefaultActorKeys(http, ChefHttp.Scope.GLOBAL, "users", name);
    }

    private JsonNode global(String method, String path, Object body) {
        return ChefHttp.json(http.execute(http.call(method, ChefHttp.Scope.GLOBAL, path, body)));
    }
}
