package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ChefException;
import dev.galley.chef.Organizations;
import dev.galley.core.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Organizations and their user associations: global endpoints, under the server root, whatever org the URL names. */
final class DefaultOrganizations extends Endpoint implements Organizations {
    DefaultOrganizations(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(global("GET", "/organizations", null));
    }

    @Override
    public JsonNode get(String name) {
        return global("GET", Paths.of("organizations", name), null);
    }

    @Override
    public ActorCredentials create(String name, String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new ChefException(Fault.BAD_INPUT, "organization '" + name + "' has no full name: pass the name "
                    + "people see, e.g. \"Acme Inc.\" (the server requires full_name)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("full_name", fullName);
        String org = Paths.of("organizations", name);
        JsonNode answer = global("POST", "/organizations", body);
        // The answer is the validator client's: {"clientname": "acme-validator", "private_key": ..., "uri": ...}.
        String validator = answer.path("clientname").asText(name + "-validator");
        return Credentials.from(validator, answer, http.server().resolveGlobal(org));
    }

    @Override
    public JsonNode delete(String name) {
        return global("DELETE", Paths.of("organizations", name), null);
    }

    @Override
    public List<String> users(String organization) {
        // erchef lists associations as [{"user": {"username": "alice"}}, ...]
        List<String> out = new ArrayList<>();
        for (JsonNode association : global("GET", Paths.of("organizations", organization, "users"), null)) {
            JsonNode user = association.path("user");
            String name = user.path("username").asText(user.path("name").asText(""));
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        out.sort(null);
        return out;
    }

    @Override
    public void addUser(String organization, String user) {
        global("POST", Paths.of("organizations", organization, "users"), Map.of("username", user));
    }

    @Override
    public void removeUser(String organization, String user) {
        global("DELETE", Paths.of("organizations", organization, "users", user), null);
    }

    @Override
    public void invite(String organization, String user) {
        global("POST", Paths.of("organizations", organization, "association_requests"), Map.of("user", user));
    }

    private JsonNode global(String method, String path, Object body) {
        return ChefHttp.json(http.execute(http.call(method, ChefHttp.Scope.GLOBAL, path, body)));
    }
}
