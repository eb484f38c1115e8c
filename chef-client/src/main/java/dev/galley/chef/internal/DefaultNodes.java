package dev.galley.chef.internal;

import dev.galley.chef.Node;
import dev.galley.chef.Nodes;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

final class DefaultNodes extends Endpoint implements Nodes {
    DefaultNodes(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/nodes"));
    }

    @Override
    public Node get(String name) {
        return http.get(Paths.of("nodes", name), Node.class);
    }

    @Override
    public Optional<Node> find(String name) {
        return optional(() -> get(name));
    }

    @Override
    public boolean exists(String name) {
        return http.exists(Paths.of("nodes", name));
    }

    @Override
    public Node create(Node node) {
        http.post("/nodes", node);
        return node;
    }

    @Override
    public Node update(Node node) {
        return ChefHttp.read(http.execute(http.call("PUT", ChefHttp.Scope.ORGANIZATION, Paths.of("nodes", node.name()),
                node)), Node.class);
    }

    @Override
    public Node delete(String name) {
        return ChefHttp.read(http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, Paths.of("nodes", name),
                null)), Node.class);
    }

    @Override
    public Node update(String name, UnaryOperator<Node> change) {
        return readModifyWrite("node '" + name + "'", () -> get(name), this::update, change);
    }
}
