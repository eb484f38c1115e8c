package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Policies;
import java.util.List;

/** Policyfile objects of the configured organization: policies, policy groups and cookbook artifacts. */
final class DefaultPolicies extends Endpoint implements Policies {
    DefaultPolicies(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/policies"));
    }

    @Override
    public JsonNode get(String name) {
        return http.get(Paths.of("policies", name));
    }

    @Override
    public JsonNode revision(String name, String revisionId) {
        return http.get(Paths.of("policies", name, "revisions", revisionId));
    }

    @Override
    public JsonNode delete(String name) {
        return http.delete(Paths.of("policies", name));
    }

    @Override
    public JsonNode deleteRevision(String name, String revisionId) {
        return http.delete(Paths.of("policies", name, "revisions", revisionId));
    }

    @Override
    public List<String> groups() {
        return names(http.get("/policy_groups"));
    }

    @Override
    public JsonNode group(String group) {
        return http.get(Paths.of("policy_groups", group));
    }

    @Override
    public JsonNode groupPolicy(String group, String policy) {
        return http.get(Paths.of("policy_groups", group, "policies", policy));
    }

    @Override
    public JsonNode deleteGroup(String group) {
        return http.delete(Paths.of("policy_groups", group));
    }

    @Override
    public JsonNode cookbookArtifacts() {
        return http.get("/cookbook_artifacts");
    }

    @Override
    public JsonNode cookbookArtifact(String name, String identifier) {
        return http.get(Paths.of("cookbook_artifacts", name, identifier));
    }
}
