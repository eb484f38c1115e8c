package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Server-wide endpoints outside any organization: health, license, API versions, the required recipe.
 */
public interface ServerInfo {

    /** {@code GET /_status}: {"status": "pong", "upstreams": {...}}. */
    JsonNode status();

    /** {@code GET /license}. */
    JsonNode license();

    /**
     * The server API versions the server supports: learned from a request's answer header, or from
     * {@code GET /server_api_version}.
     */
    ApiVersionRange apiVersions();

    /** {@code GET /required_recipe}: the recipe text the server requires every node to run. */
    String requiredRecipe();

    /** {@code GET /principals/NAME}: whether a name is a user or a client, and its public key. */
    JsonNode principal(String name);
}
