package dev.galley.chef;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The role endpoints ({@code /roles}), including per-environment run lists.
 */
public interface Roles {

    List<String> list();

    /** @throws ChefNotFoundException if there is no such role */
    Role get(String name);

    Optional<Role> find(String name);

    /** @throws ChefConflictException if a role of that name exists */
    Role create(Role role);

    Role update(Role role);

    Role delete(String name);

    /** Read-modify-write with verification, as {@link Nodes#update(String, UnaryOperator)}. */
    Role update(String name, UnaryOperator<Role> change);

    /** The environments the role has its own run list for ({@code _default} included). */
    List<String> environments(String name);

    /** The run list the role applies in an environment ({@code /roles/R/environments/E}). */
    RunList runListFor(String name, String environment);
}
