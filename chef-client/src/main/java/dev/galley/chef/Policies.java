package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Policyfile policies ({@code /policies}) and policy groups ({@code /policy_groups}).
 */
public interface Policies {

    List<String> list();

    /** A policy and its revisions. */
    JsonNode get(String name);

    JsonNode revision(String name, String revisionId);

    JsonNode delete(String name);

    JsonNode deleteRevision(String name, String revisionId);

    List<String> groups();

    JsonNode group(String group);

    /** The policy revision a group pins ({@code /policy_groups/G/policies/P}). */
    JsonNode groupPolicy(String group, String policy);

    JsonNode deleteGroup(String group);

    /** Cookbook artifacts ({@code /cookbook_artifacts}): names with their identifiers. */
    JsonNode cookbookArtifacts();

    JsonNode cookbookArtifact(String name, String identifier);
}
