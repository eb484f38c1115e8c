package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ActorCredentials;
import dev.galley.chef.Organizations;
import java.util.List;

/** Placeholder until the organizations endpoints land. */
final class DefaultOrganizations extends Endpoint implements Organizations {
    DefaultOrganizations(ChefHttp http) {
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
    public ActorCredentials create(String name, String fullName) {
        throw notYet();
    }

    @Override
    public JsonNode delete(String name) {
        throw notYet();
    }

    @Override
    public List<String> users(String organization) {
        throw notYet();
    }

    @Override
    public void addUser(String organization, String user) {
        throw notYet();
    }

    @Override
    public void removeUser(String organization, String user) {
        throw notYet();
    }

    @Override
    public void invite(String organization, String user) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet");
    }
}
