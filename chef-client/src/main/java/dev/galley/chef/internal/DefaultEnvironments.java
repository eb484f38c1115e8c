package dev.galley.chef.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.CookbookSummary;
import dev.galley.chef.Environment;
import dev.galley.chef.Environments;
import dev.galley.chef.RunList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

final class DefaultEnvironments extends Endpoint implements Environments {
    DefaultEnvironments(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/environments"));
    }

    @Override
    public Environment get(String name) {
        return http.get(Paths.of("environments", name), Environment.class);
    }

    @Override
    public Optional<Environment> find(String name) {
        return optional(() -> get(name));
    }

    @Override
    public Environment create(Environment environment) {
        http.post("/environments", environment);
        return environment;
    }

    @Override
    public Environment update(Environment environment) {
        return ChefHttp.read(http.execute(http.call("PUT", ChefHttp.Scope.ORGANIZATION,
                Paths.of("environments", environment.name()), environment)), Environment.class);
    }

    @Override
    public Environment delete(String name) {
        return ChefHttp.read(http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION,
                Paths.of("environments", name), null)), Environment.class);
    }

    @Override
    public Environment update(String name, UnaryOperator<Environment> change) {
        return readModifyWrite("environment '" + name + "'", () -> get(name), this::update, change);
    }

    @Override
    public List<String> nodes(String name) {
        return names(http.get(Paths.of("environments", name, "nodes")));
    }

    @Override
    public List<String> recipes(String name) {
        return strings(http.get(Paths.of("environments", name, "recipes")));
    }

    @Override
    public Map<String, CookbookSummary> cookbooks(String name, int numVersions) {
        String q = Paths.query("num_versions", numVersions <= 0 ? "all" : Integer.toString(numVersions));
        return http.get(Paths.of("environments", name, "cookbooks") + "?" + q,
                new TypeReference<LinkedHashMap<String, CookbookSummary>>() { });
    }

    @Override
    public Map<String, JsonNode> solveCookbooks(String name, RunList runList) {
        JsonNode answer = http.post(Paths.of("environments", name, "cookbook_versions"),
                Map.of("run_list", runList.toStrings()));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        answer.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public RunList roleRunList(String name, String role) {
        return RunList.parse(strings(http.get(Paths.of("environments", name, "roles", role)).path("run_list")));
    }
}
