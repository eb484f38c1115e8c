package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ApiVersionRange;
import dev.galley.chef.ChefUnexpectedResponseException;
import dev.galley.chef.ServerInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
        } catch (ChefUnexpectedResponseException | dev.galley.chef.ChefNotFoundException e) {
            // goiardi and Chef 11 have no such endpoint; learn from the answer headers of cheap requests instead
        }
        for (int probe = 0; probe < 3 && http.versions().serverRange().isEmpty() && http.versions().current() > 0;
                probe++) {
            http.get("/environments/_default");
        }
        return http.versions().serverRange().orElse(new ApiVersionRange(0, 0));
    }

    @Override
    public String requiredRecipe() {
        var exchange = http.execute(http.call("GET", ChefHttp.Scope.ORGANIZATION, "/required_recipe", null)
                .withoutJsonCheck());
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
