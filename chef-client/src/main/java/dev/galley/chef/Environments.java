package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The environment endpoints ({@code /environments}): the objects, their nodes and recipes, and the server's
 * cookbook dependency solver.
 */
public interface Environments {

    List<String> list();

    /** @throws ChefNotFoundException if there is no such environment */
    Environment get(String name);

    Optional<Environment> find(String name);

    Environment create(Environment environment);

    Environment update(Environment environment);

    Environment delete(String name);

    /** Read-modify-write with verification, as {@link Nodes#update(String, UnaryOperator)}. */
    Environment update(String name, UnaryOperator<Environment> change);

    /** Names of the nodes in the environment. */
    List<String> nodes(String name);

    /** Recipes available in the environment (its cookbook constraints applied). */
    List<String> recipes(String name);

    /** Cookbooks and versions available in the environment; {@code numVersions} 0 means all. */
    Map<String, CookbookSummary> cookbooks(String name, int numVersions);

    /**
     * Solves the run list's cookbook dependencies in the environment ({@code POST cookbook_versions}).
     *
     * @return the chosen cookbook versions by name, as the server documents them
     * @throws ChefPreconditionFailedException when no solution exists (the message names the culprits)
     */
    Map<String, JsonNode> solveCookbooks(String name, RunList runList);

    /** The run list a role applies in this environment ({@code /environments/E/roles/R}). */
    RunList roleRunList(String name, String role);
}
