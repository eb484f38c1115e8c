package dev.galley.chef;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The node endpoints ({@code /nodes}).
 *
 * <p>Besides the plain calls, {@link #update(String, UnaryOperator)} and the narrow operations built on it change
 * one thing with read-modify-write and verify it afterwards, retrying when a chef-client run saved the node in
 * between (the Chef API has no conditional PUT, so a blind PUT would lose one side's change).</p>
 */
public interface Nodes {

    /** All node names, sorted. */
    List<String> list();

    /** @throws ChefNotFoundException if there is no such node */
    Node get(String name);

    Optional<Node> find(String name);

    boolean exists(String name);

    /** @throws ChefConflictException if a node of that name exists */
    Node create(Node node);

    /** Replaces the node with this document (a blind PUT). */
    Node update(Node node);

    /** @return the deleted node */
    Node delete(String name);

    /**
     * Applies {@code change} to the current node, saves it, reads it back and checks the change held; repeats a few
     * times if something else saved the node in between.
     *
     * @return the node as saved
     * @throws ChefException if the change keeps being overwritten
     */
    Node update(String name, UnaryOperator<Node> change);

    default Node updateRunList(String name, UnaryOperator<RunList> change) {
        return update(name, n -> n.withRunList(change.apply(n.runList())));
    }

    default Node setEnvironment(String name, String environment) {
        return update(name, n -> n.withEnvironment(environment));
    }

    default Node setNormalAttribute(String name, String dottedPath, Object value) {
        return update(name, n -> n.withNormal(Attributes.with(n.normal(), dottedPath, value)));
    }
}
