package dev.galley.knife;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code galley role run_list add|remove|replace|set|clear}: knife's commands for a role's own run list (the one
 * of the _default environment).
 */
@Command(name = "run_list", description = "Change a role's run list (read, change, save, verify).",
        subcommands = {RoleRunListCommand.Add.class, RoleRunListCommand.Remove.class, RoleRunListCommand.Replace.class,
            RoleRunListCommand.Set.class, RoleRunListCommand.Clear.class})
public final class RoleRunListCommand {

    /** {@code galley role run_list add ROLE ENTRY... [-a ITEM]}. */
    @Command(name = "add", description = "Add entries to a role's run list: at the end, or after (-a) an entry in it.")
    public static final class Add extends RoleRunLists.AddVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return RoleRunLists.DEFAULT;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role run_list remove ROLE ENTRY...}. */
    @Command(name = "remove", description = "Remove entries from a role's run list.")
    public static final class Remove extends RoleRunLists.RemoveVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return RoleRunLists.DEFAULT;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role run_list replace ROLE OLD NEW}. */
    @Command(name = "replace", description = "Replace an entry of a role's run list with another.")
    public static final class Replace extends RoleRunLists.ReplaceVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1", paramLabel = "OLD")
        String oldEntry;

        @Parameters(index = "2", paramLabel = "NEW")
        String newEntry;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return RoleRunLists.DEFAULT;
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

    /** {@code galley role run_list set ROLE ENTRY...}. */
    @Command(name = "set", description = "Replace a role's run list with these entries.")
    public static final class Set extends RoleRunLists.SetVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        java.util.List<String> entries;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return RoleRunLists.DEFAULT;
        }

        @Override
        java.util.List<String> entries() {
            return entries;
        }
    }

    /** {@code galley role run_list clear ROLE}. */
    @Command(name = "clear", description = "Empty a role's run list.")
    public static final class Clear extends RoleRunLists.ClearVerb {
        @Parameters(index = "0", paramLabel = "ROLE")
        String role;

        @Override
        String role() {
            return role;
        }

        @Override
        String environment() {
            return RoleRunLists.DEFAULT;
        }
    }
}
