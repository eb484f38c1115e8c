package dev.galley.knife;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.Role;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.Paths;
import dev.galley.core.GalleyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galley role ...}: knife's role commands.
 */
@Command(name = "role", description = "List, show, create, edit and delete roles; change their run lists (knife role).",
        subcommands = {RoleCommand.List.class, RoleCommand.Show.class, RoleCommand.Create.class, RoleCommand.Edit.class,
            RoleCommand.Delete.class, RoleCommand.From.class, RoleCommand.Bulk.class, RoleRunListCommand.class,
            RoleEnvRunListCommand.class})
public final class RoleCommand {

    /** {@code galley role list [-w]}. */
    @Command(name = "list", description = "List the roles, one a line.")
    public static final class List extends ObjectVerbs.ListVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ROLE;
        }
    }

    /** {@code galley role show ROLE [-a ATTR]... [-E ENVIRONMENT]}. */
    @Command(name = "show", description = "Show a role (with -E, only its run list in that environment).")
    public static final class Show extends ObjectVerbs.ShowVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ROLE;
        }

        @Override
        protected int run(KnifeSession session) {
            String env = session.options().environment();
            if (env == null) {
                if (session.options().environmentGiven()) {
                    throw GalleyException.badInput("-E needs the name of an environment");
                }
                return super.run(session);
            }
            ObjectKind.ROLE.fetch(session, name);
            ObjectKind.ENVIRONMENT.checkName(env);
            try {
                session.output().print(session.chef().raw().request("GET", Paths.of("roles", name, "environments",
                        env), new byte[0]).json());
            } catch (ChefNotFoundException e) {
                throw ObjectKind.ENVIRONMENT.notFound(session, env);
            }
            return 0;
        }
    }

    /** {@code galley role create ROLE [-d DESCRIPTION]}. */
    @Command(name = "create", description = "Create a role: from --input FILE, as it is with --disable-editing, or "
            + "in $EDITOR on a terminal.")
    public static final class Create extends ObjectVerbs.CreateVerb {
        @Option(names = {"-d", "--description"}, paramLabel = "DESCRIPTION", description = "The role's description.")
        String description;

        @Override
        ObjectKind kind() {
            return ObjectKind.ROLE;
        }

        @Override
        ObjectNode template(String name) {
            Role role = Role.named(name);
            return (ObjectNode) Json.tree(description == null ? role : role.withDescription(description));
        }
    }

    /** {@code galley role edit ROLE}. */
    @Command(name = "edit", description = "Replace a role with the JSON of --input FILE (or of $EDITOR on a "
            + "terminal); it cannot be renamed.")
    public static final class Edit extends ObjectVerbs.EditVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ROLE;
        }
    }

    /** {@code galley role delete ROLE...}. */
    @Command(name = "delete", description = "Delete roles (asks for each unless -y).")
    public static final class Delete extends ObjectVerbs.DeleteVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ROLE;
        }
    }

    /** {@code galley role from file FILE...}. */
    @Command(name = "from", description = "Create or replace roles from JSON files.", subcommands = From.File.class)
    public static final class From {
        /** The command itself. */
        @Command(name = "file", description = "Create or replace roles from JSON files (Galley reads JSON only, "
                + "never Ruby); every file is checked before any is saved.")
        public static final class File extends ObjectVerbs.FromFileVerb {
            @Override
            ObjectKind kind() {
                return ObjectKind.ROLE;
            }
        }
    }

    /** {@code galley role bulk delete REGEX}. */
    @Command(name = "bulk", description = "Delete every role a regular expression matches.",
            subcommands = Bulk.Delete.class)
    public static final class Bulk {
        /** The command itself. */
        @Command(name = "delete", description = "Delete every role whose name the regular expression matches "
                + "(lists them and asks once unless -y).")
        public static final class Delete extends ObjectVerbs.BulkDeleteVerb {
            @Override
            ObjectKind kind() {
                return ObjectKind.ROLE;
            }
        }
    }
}
