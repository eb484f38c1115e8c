package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Node;
import dev.galley.chef.RunList;
import dev.galley.chef.RunListItem;
import dev.galley.chef.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley node run_list add|remove|set}: knife's node run-list commands. Each reads the node, changes only its
 * run list, saves it and reads it back to check the change held, again if a chef-client run saved the node in
 * between (knife saves the whole node it read, and so can undo such a run's changes).
 */
@Command(name = "run_list", description = "Change a node's run list (read, change, save, verify).",
        subcommands = {NodeRunListCommand.Add.class, NodeRunListCommand.Remove.class, NodeRunListCommand.Set.class})
public final class NodeRunListCommand {

    /** {@code galley node run_list add NODE ENTRY[,ENTRY]... [-a ITEM | -b ITEM]}. */
    @Command(name = "add", description = "Add entries to a node's run list: at the end, or after (-a) or before (-b) "
            + "an entry already in it.")
    public static final class Add extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        List<String> entries;

        @Option(names = {"-a", "--after"}, paramLabel = "ITEM", description = "Place the entries after ITEM.")
        String after;

        @Option(names = {"-b", "--before"}, paramLabel = "ITEM", description = "Place the entries before ITEM.")
        String before;

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries);
            Optional<RunListItem> a = RunListEdits.anchor(after);
            Optional<RunListItem> b = RunListEdits.anchor(before);
            RunListEdits.checkAnchors(a, b);
            return change(session, node, rl -> RunListEdits.add(rl, items, a, b, "node " + node));
        }
    }

    /** {@code galley node run_list remove NODE ENTRY[,ENTRY]...}. */
    @Command(name = "remove", description = "Remove entries from a node's run list (warns about those not in it).")
    public static final class Remove extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        List<String> entries;

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries);
            JsonNode doc = ObjectKind.NODE.fetch(session, node);
            for (RunListItem missing : RunListEdits.missing(runList(doc), items)) {
                session.info("WARNING: " + missing + " is not in the run list of node " + node);
            }
            return change(session, node, rl -> RunListEdits.remove(rl, items));
        }
    }

    /** {@code galley node run_list set NODE ENTRY[,ENTRY]...}. */
    @Command(name = "set", description = "Replace a node's run list with these entries.")
    public static final class Set extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "NODE")
        String node;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "recipe[NAME], role[NAME] or NAME (a recipe); commas separate several.")
        List<String> entries;

        @Override
        protected int run(KnifeSession session) {
            List<RunListItem> items = RunListEdits.entries(entries);
            return change(session, node, rl -> new RunList(items));
        }
    }

    /** Checks the node exists, changes its run list with read-modify-write-verify, prints the run list as saved. */
    static int change(KnifeSession session, String node, UnaryOperator<RunList> change) {
        ObjectKind.NODE.fetch(session, node);
        Node saved = session.chef().nodes().updateRunList(node, change);
        session.output().print(ObjectViews.runList(node, Json.tree(saved.runList())));
        return 0;
    }

    static RunList runList(JsonNode doc) {
        List<String> entries = new ArrayList<>();
        doc.path("run_list").forEach(e -> entries.add(e.asText()));
        return RunList.parse(entries);
    }
}
