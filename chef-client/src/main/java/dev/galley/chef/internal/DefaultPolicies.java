package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Policies;
import java.util.List;

/** Placeholder until the policies endpoints land. */
final class DefaultPolicies extends Endpoint implements Policies {
    DefaultPolicies(ChefHttp http) {
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
    public JsonNode revision(String name, String revisionId) {
        throw notYet();
    }

    @Override
    public JsonNode delete(String name) {
        throw notYet();
    }

    @Override
    public JsonNode deleteRevision(String name, String revisionId) {
        throw notYet();
    }

    @Override
    public List<String> groups() {
        throw notYet();
    }

    @Override
    public JsonNode group(String group) {
        throw notYet();
    }

    @Override
    public JsonNode groupPolicy(String group, String policy) {
        throw notYet();
    }

    @Override
    public JsonNode deleteGroup(String group) {
        throw notYet();
    }

    @Override
    public JsonNode cookbookArtifacts() {
        throw notYet();
    }

    @Override
    public JsonNode cookbookArtifact(String name, String identifier) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet");
    }
}
