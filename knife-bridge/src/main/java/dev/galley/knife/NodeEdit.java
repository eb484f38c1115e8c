package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.Node;
import dev.galley.chef.RunList;
import dev.galley.chef.internal.Json;
import dev.galley.core.GalleyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley node edit NODE}: knife's node editor. The JSON comes from {@code --input FILE} (or $EDITOR on a
 * terminal) and holds what knife's editor shows: name, chef_environment, normal, policy_name, policy_group and
 * run_list, plus default, override and automatic when given (knife's {@code -a}); levels it leaves out are kept as
 * the server has them. The save reads, changes, writes and verifies, so a chef-client run saving the node at the
 * same time keeps its automatic attributes and does not undo the edit.
 */
@Command(name = "edit", description = "Replace a node's run list, environment and attributes with the JSON of "
        + "--input FILE (or of $EDITOR on a terminal); default, override and automatic attributes the JSON leaves out "
        + "are kept. The node cannot be renamed.")
public final class NodeEdit extends KnifeCommand {
    /** What knife's node editor compares, in the order of its message. */
    private static final List<String> FIELDS = List.of("name", "chef_environment", "automatic", "default", "normal",
            "override", "policy_name", "policy_group", "run_list");
    private static final List<String> LEVELS = List.of("default", "override", "automatic");

    @Parameters(paramLabel = "NODE", description = "The node to edit.")
    String name;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "The node's new JSON.")
    Path input;

    @Option(names = {"-a", "--all"}, description = "Show the default, override and automatic attributes in the "
            + "editor too.")
    boolean all;

    @Override
    protected int run(KnifeSession session) {
        ObjectNode current = (ObjectNode) ObjectKind.NODE.fetch(session, name);
        if (input == null && session.options().disableEditing()) {
            throw GalleyException.badInput("nothing to edit with --disable-editing: pass --input FILE with the "
                    + "node's JSON");
        }
        ObjectNode doc = ObjectEditor.obtain(session, input, view(current, all), "node edit");
        String source = ObjectVerbs.source(session, input, ObjectKind.NODE);
        ObjectFiles.checkNamed(source, doc, ObjectKind.NODE, name);
        ObjectKind.record(doc, Node.class, source);
        List<String> changed = changed(current, withKeptLevels(doc, current));
        if (changed.isEmpty()) {
            session.info("Node not updated, skipping node save");
            return 0;
        }
        session.info("Saving updated " + String.join(", ", changed) + " on node " + name);
        session.chef().nodes().update(name, n -> ObjectKind.record(withKeptLevels(doc, Json.tree(n)), Node.class,
                source));
        return 0;
    }

    /** What knife's editor shows of a node. */
    static ObjectNode view(JsonNode node, boolean all) {
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("name", "chef_environment", "normal", "policy_name", "policy_group", "run_list")) {
            v.set(key, node.has(key) ? node.get(key) : JsonNodeFactory.instance.nullNode());
        }
        if (all) {
            LEVELS.forEach(level -> v.set(level, node.get(level)));
        }
        return v;
    }

    /** The edited node with the attribute levels it leaves out taken from {@code server}. */
    static ObjectNode withKeptLevels(ObjectNode edited, JsonNode server) {
        ObjectNode out = edited.deepCopy();
        for (String level : LEVELS) {
            if (!edited.has(level) && server.has(level)) {
                out.set(level, server.get(level));
            }
        }
        return out;
    }

    /** The fields that differ, as Chef sees them (absent fields take their defaults; run lists are compared parsed). */
    static List<String> changed(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        for (String field : FIELDS) {
            if (!normal(before, field).equals(normal(after, field))) {
                out.add(field);
            }
        }
        return out;
    }

    private static JsonNode normal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        boolean absent = v == null || v.isNull();
        return switch (field) {
            case "chef_environment" -> absent ? JsonNodeFactory.instance.textNode("_default") : v;
            case "automatic", "default", "normal", "override" -> absent ? JsonNodeFactory.instance.objectNode() : v;
            case "run_list" -> {
                List<String> entries = new ArrayList<>();
                if (!absent) {
                    v.forEach(e -> entries.add(e.asText()));
                }
                yield Json.tree(RunList.parse(entries));
            }
            default -> absent ? JsonNodeFactory.instance.nullNode() : v;
        };
    }
}
