package dev.galley.knife;

import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.chef.RunListItem;
import dev.galley.core.GalleyException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What knife's {@code role run_list} and {@code role env_run_list} verbs share: the role's own run list is the one
 * of the {@code _default} environment. Each verb reads the role, changes one run list, saves and verifies, then shows
 * the role as knife does.
 */
final class RoleRunLists {
    static final String DEFAULT = "_default";

    private RoleRunLists() {
    }

    /** The run list the role keeps for an environment; empty if it has none of its own. */
    static Optional<RunList> of(Role role, String environment) {
        if (environment.equals(DEFAULT)) {
            return Optional.of(role.runList());
        }
        // goiardi stores an emptied environment run list as null: it is there, and empty.
        return role.envRunLists().containsKey(environment)
                ? Optional.of(Objects.requireNonNullElse(role.envRunLists().get(environment), RunList.empty()))
                : Optional.empty();
    }

    static Role with(Role role, String environment, RunList list) {
        if (environment.equals(DEFAULT)) {
            Role r = role.withRunList(list);
            // Some servers also list _default among env_run_lists: keep the two the same.
            return role.envRunLists().containsKey(DEFAULT) ? r.withEnvRunList(DEFAULT, list) : r;
        }
        return role.withEnvRunList(environment, list);
    }

    /**
     * Changes one run list of a role and prints the role.
     *
     * @param needsList whether the change needs the list to exist (remove, replace): knife would start from the
     *                  role's default run list, copying it into the environment
     */
    static int change(KnifeSession session, String roleName, String environment, boolean needsList,
            UnaryOperator<RunList> change) {
        ObjectKind.ROLE.fetch(session, roleName);
        if (!environment.equals(DEFAULT)) {
            ObjectKind.ENVIRONMENT.checkName(environment);
            if (!ObjectKind.ENVIRONMENT.exists(session.chef(), environment)) {
                throw ObjectKind.ENVIRONMENT.notFound(session, environment);
            }
        }
        session.chef().roles().update(roleName, r -> {
            Optional<RunList> current = of(r, environment);
            if (current.isEmpty() && needsList) {
                throw GalleyException.badInput("role " + roleName + " has no run list for environment " + environment
                        + ": nothing was changed");
            }
            RunList next = change.apply(current.orElse(RunList.empty()));
            // Unchanged is the role as read, so that the check after saving holds however the server spells it.
            return current.isPresent() && current.get().equals(next) ? r : with(r, environment, next);
        });
        session.output().print(ObjectKind.ROLE.fetch(session, roleName));
        return 0;
    }

    static String owner(String role, String environment) {
        return "role " + role + (environment.equals(DEFAULT) ? "" : " in environment " + environment);
    }

    /** {@code add ROLE [ENVIRONMENT] ENTRY... [-a ITEM]}. */
    abstract static class AddVerb extends KnifeCommand {
        @picocli.CommandLine.Option(names = {"-a", "--after"}, paramLabel = "ITEM",
                description = "Place the entries after ITEM.")
        String after;

        abstract String role();

        abstract String environment();

        abstract List<String> entries();

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries());
            Optional<RunListItem> a = RunListEdits.anchor(after);
            return change(session, role(), environment(), false,
                    rl -> RunListEdits.add(rl, items, a, Optional.empty(), owner(role(), environment())));
        }
    }

    /** {@code remove ROLE [ENVIRONMENT] ENTRY...}: warns about entries not in the list, as node run_list remove. */
    abstract static class RemoveVerb extends KnifeCommand {
        abstract String role();

        abstract String environment();

        abstract List<String> entries();

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries());
            Role current = session.chef().roles().find(ObjectKind.ROLE.checkName(role()))
                    .orElseThrow(() -> ObjectKind.ROLE.notFound(session, role()));
            of(current, environment()).ifPresent(rl -> RunListEdits.missing(rl, items).forEach(m -> session.info(
                    "WARNING: " + m + " is not in the run list of " + owner(role(), environment()))));
            return change(session, role(), environment(), true, rl -> RunListEdits.remove(rl, items));
        }
    }

    /** {@code replace ROLE [ENVIRONMENT] OLD NEW}. */
    abstract static class ReplaceVerb extends KnifeCommand {
        abstract String role();

        abstract String environment();

        abstract String oldEntry();

        abstract String newEntry();

        @Override
        protected int run(KnifeSession session) {
            RunListItem old = RunListItem.parse(oldEntry());
            RunListItem replacement = RunListItem.parse(newEntry());
            return change(session, role(), environment(), true,
                    rl -> RunListEdits.replace(rl, old, replacement, owner(role(), environment())));
        }
    }

    /** {@code set ROLE [ENVIRONMENT] ENTRY...}. */
    abstract static class SetVerb extends KnifeCommand {
        abstract String role();

        abstract String environment();

        abstract List<String> entries();

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries());
            return change(session, role(), environment(), false, rl -> new RunList(items));
        }
    }

    /** {@code clear ROLE [ENVIRONMENT]}: an empty run list (an environment keeps its own, empty, list). */
    abstract static class ClearVerb extends KnifeCommand {
        abstract String role();

        abstract String environment();

        @Override
        protected int run(KnifeSession session) {
            return change(session, role(), environment(), false, rl -> RunList.empty());
        }
    }
}
