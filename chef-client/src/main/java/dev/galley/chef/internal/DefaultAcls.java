package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Acls;
import java.util.List;

/** Placeholder until the acls endpoints land. */
final class DefaultAcls extends Endpoint implements Acls {
    DefaultAcls(ChefHttp http) {
        super(http);
    }

    @Override
    public JsonNode get(String type, String name) {
        throw notYet();
    }

    @Override
    public void update(String type, String name, String permission, List<String> actors, List<String> groups) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet");
    }
}
