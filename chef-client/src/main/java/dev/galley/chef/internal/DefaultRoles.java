package dev.galley.chef.internal;

import dev.galley.chef.Role;
import dev.galley.chef.Roles;
import dev.galley.chef.RunList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

final class DefaultRoles extends Endpoint implements Roles {
    DefaultRoles(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/roles"));
    }

    @Override
    public Role get(String name) {
        return http.get(Paths.of("roles", name), Role.class);
    }

    @Override
    public Optional<Role> find(String name) {
        return optional(() -> get(name));
    }

    @Override
    public Role create(Role role) {
        http.post("/roles", role);
        return role;
    }

    @Override
    public Role update(Role role) {
        return ChefHttp.read(http.execute(http.call("PUT", ChefHttp.Scope.ORGANIZATION, Paths.of("roles", role.name()),
                role)), Role.class);
    }

    @Override
    public Role delete(String name) {
        return ChefHttp.read(http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, Paths.of("roles", name),
                null)), Role.class);
    }

    @Override
    public Role update(String name, UnaryOperator<Role> change) {
        return readModifyWrite("role '" + name + "'", () -> get(name), this::update, change);
    }

    @Override
    public List<String> environments(String name) {
        return strings(http.get(Paths.of("roles", name, "environments")));
    }

    @Override
    public RunList runListFor(String name, String environment) {
        return RunList.parse(strings(http.get(Paths.of("roles", name, "environments", environment)).path("run_list")));
    }
}
