package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Groups;
import java.util.List;

/** Placeholder until the groups endpoints land. */
final class DefaultGroups extends Endpoint implements Groups {
    DefaultGroups(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        throw notYet();
    }

    @Override
    public JsonNode get(String name) {
        throw notYet();
    }

    @Override
    public JsonNode create(String name) {
        throw notYet();
    }

    @Override
    public JsonNode update(String name, List<String> users, List<String> clients, List<String> groups) {
        throw notYet();
    }

    @Override
    public JsonNode delete(String name) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet");
    }
}
