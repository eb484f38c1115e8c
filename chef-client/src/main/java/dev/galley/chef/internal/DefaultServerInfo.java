package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ApiVersionRange;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.ChefUnexpectedResponseException;
import dev.galley.chef.ServerInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Server-wide health, license and version information, and the organization's required recipe and principals. */
final class DefaultServerInfo extends Endpoint implements ServerInfo {
    DefaultServerInfo(ChefHttp http) {
        super(http);
    }

    @Override
    public JsonNode status() {
        return global("/_status");
    }

    @Override
    public JsonNode license() {
        return global("/license");
    }

    @Override
    public ApiVersionRange apiVersions() {
        Optional<ApiVersionRange> known = http.versions().serverRange();
        if (known.isPresent()) {
            return known.get();
        }
        try {
            JsonNode doc = global("/server_api_version");
            if (doc.has("min_api_version") && doc.has("max_api_version")) {
                return new ApiVersionRange(doc.path("min_api_version").asInt(), doc.path("max_api_version").asInt());
            }
        } catch (ChefUnexpectedResponseException | ChefNotFoundException e) {
            // goiardi and Chef 11 have no such endpoint; learn from the answer headers of cheap requests instead
        }
        // One cheap request at the version the client has stepped down to shows goiardi's header; a server that
        // still sends none is unversioned, which Chef counts as version 0.
        if (http.versions().serverRange().isEmpty()) {
            http.get("/environments/_default");
        }
        return http.versions().serverRange().orElse(new ApiVersionRange(0, 0));
    }

    @Override
    public String requiredRecipe() {
        var exchange = http.execute(http.call("GET", ChefHttp.Scope.ORGANIZATION, "/required_recipe", null)
                .withoutJsonCheck());
        // erchef sends the recipe as text/plain (404 when none is set); goiardi's bare empty 200 means "unknown path".
        if (ErrorMapper.isUnimplemented(exchange.response())) {
            throw ErrorMapper.unimplemented(exchange, "the recipe text");
        }
        return new String(exchange.response().body(), StandardCharsets.UTF_8);
    }

    @Override
    public JsonNode principal(String name) {
        return http.get(Paths.of("principals", name));
    }

    private JsonNode global(String path) {
        return ChefHttp.json(http.execute(http.call("GET", ChefHttp.Scope.GLOBAL, path, null)));
    }
}
