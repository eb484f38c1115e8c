package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The groups of the configured organization ({@code /organizations/ORG/groups}). */
final class DefaultGroups extends Endpoint implements Groups {
    DefaultGroups(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/groups"));
    }

    @Override
    public JsonNode get(String name) {
        return http.get(Paths.of("groups", name));
    }

    @Override
    public JsonNode create(String name) {
        Paths.of(name); // rejects an empty name before the server does
        return http.post("/groups", Map.of("groupname", name));
    }

    @Override
    public JsonNode update(String name, List<String> users, List<String> clients, List<String> groups) {
        // erchef replaces the whole membership from "actors"; a list left out would empty that kind of member.
        Map<String, Object> actors = new LinkedHashMap<>();
        actors.put("users", List.copyOf(users));
        actors.put("clients", List.copyOf(clients));
        actors.put("groups", List.copyOf(groups));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupname", name);
        body.put("actors", actors);
        return http.put(Paths.of("groups", name), body);
    }

    @Override
    public JsonNode delete(String name) {
        return http.delete(Paths.of("groups", name));
    }
}
