package dev.galley.knife;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code galley role env_run_list add|remove|replace|set|clear}: knife's commands for the run list a role applies
 * in one environment.
 */
@Command(name = "env_run_list", description = "Change a role's run list for one environment (read, change, save, "
        + "verify).",
        subcommands = {RoleEnvRunListCommand.Add.class, RoleEnvRunListCommand.Remove.class,
            RoleEnvRunListCommand.Replace.class, RoleEnvRunListCommand.Set.class, RoleEnvRunListCommand.Clear.class})
public final class RoleEnvRunListCommand {

    /** {@code galley role env_run_list add ROLE ENVIRONMENT ENTRY... [-a ITEM]}. */
    @Command(name = "add", description = "Add entries to a role's run list in one environment: at the end, or "
            + "after (-a) an entry in it.")
    public static final class Add extends RoleRunLists.AddVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "ENVIRONMENT")
        String environment;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return environment;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role env_run_list remove ROLE ENVIRONMENT ENTRY...}. */
    @Command(name = "remove", description = "Remove entries from a role's run list in one environment.")
    public static final class Remove extends RoleRunLists.RemoveVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "ENVIRONMENT")
        String environment;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return environment;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role env_run_list replace ROLE ENVIRONMENT OLD NEW}. */
    @Command(name = "replace", description = "Replace an entry of a role's run list in one environment with another.")
    public static final class Replace extends RoleRunLists.ReplaceVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "ENVIRONMENT")
        String environment;

        @Parameters(index = "2", paramLabel = "OLD")
        String oldEntry;

        @Parameters(index = "3", paramLabel = "NEW")
        String newEntry;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return environment;
        }

        @Override
        String oldEntry() {
            return oldEntry;
        }

        @Override
        String newEntry() {
            return newEntry;
        }
    }

    /** {@code galley role env_run_list set ROLE ENVIRONMENT ENTRY...}. */
    @Command(name = "set", description = "Replace a role's run list in one environment with these entries.")
    public static final class Set extends RoleRunLists.SetVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "ENVIRONMENT")
        String environment;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return environment;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role env_run_list clear ROLE ENVIRONMENT}. */
    @Command(name = "clear", description = "Empty a role's run list in one environment.")
    public static final class Clear extends RoleRunLists.ClearVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "ENVIRONMENT")
        String environment;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return environment;
        }
    }
}
