package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * knife's {@code Chef::Knife::Core::NodePresenter}: the node summary people read (Node Name, Environment, FQDN, IP,
 * Run List, Roles, Recipes, Platform, Tags; {@code -m} adds the normal attributes, {@code -l} every level) and the
 * keys knife puts in a node's JSON (name, chef_environment or the policy, run_list, normal; {@code -l} adds default,
 * override and automatic). Values are always the server's, unchanged.
 */
final class NodePresenter {
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private NodePresenter() {
    }

    /** The summary layout, exactly as knife prints it (including its trailing blank lines with -m and -l). */
    static String summary(JsonNode node, Output output, boolean color, boolean medium, boolean long_) {
        JsonNode merged = merged(node);
        StringBuilder b = new StringBuilder();
        b.append(paint(color, BOLD, "Node Name:")).append("   ").append(paint(color, BOLD, text(node.get("name"))))
                .append('\n');
        boolean policy = hasPolicy(node);
        if (policy) {
            line(b, color, "Policy Name:", "  ", text(node.get("policy_name")));
            line(b, color, "Policy Group:", " ", text(node.get("policy_group")));
        } else {
            line(b, color, "Environment:", " ", text(node.get("chef_environment")));
        }
        JsonNode cloudIps = merged.path("cloud").path("public_ipv4_addrs");
        String ip = cloudIps.isArray() && cloudIps.size() > 0 && !cloudIps.get(0).isNull() ? text(cloudIps.get(0))
                : text(merged.get("ipaddress"));
        line(b, color, "FQDN:", "        ", text(merged.get("fqdn")));
        line(b, color, "IP:", "          ", ip);
        line(b, color, "Run List:", "    ", String.join(", ", strings(node.get("run_list"))));
        if (!policy) {
            line(b, color, "Roles:", "       ", String.join(", ", strings(merged.get("roles"))));
        }
        line(b, color, "Recipes:", "     ", String.join(", ", strings(merged.get("recipes"))));
        line(b, color, "Platform:", "    ", text(merged.get("platform")) + " " + text(merged.get("platform_version")));
        line(b, color, "Tags:", "        ", String.join(", ", strings(node.path("normal").get("tags"))));
        if (medium || long_) {
            section(b, output, color, "Attributes:", node.get("normal"));
        }
        if (long_) {
            section(b, output, color, "Default Attributes:", node.get("default"));
            section(b, output, color, "Override Attributes:", node.get("override"));
            section(b, output, color, "Automatic Attributes (Ohai Data):", node.get("automatic"));
        }
        return b.toString();
    }

    /** knife's {@code summarize_json}: the node's keys knife shows, with the server's values. */
    static ObjectNode json(JsonNode node, boolean long_) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("name", node.get("name"));
        if (hasPolicy(node)) {
            out.set("policy_name", orNull(node.get("policy_name")));
            out.set("policy_group", orNull(node.get("policy_group")));
        } else {
            out.set("chef_environment", orNull(node.get("chef_environment")));
        }
        out.set("run_list", orEmptyArray(node.get("run_list")));
        out.set("normal", orEmptyObject(node.get("normal")));
        if (long_) {
            out.set("default", orEmptyObject(node.get("default")));
            out.set("override", orEmptyObject(node.get("override")));
            out.set("automatic", orEmptyObject(node.get("automatic")));
        }
        return out;
    }

    /** knife's {@code -F text} of a node ({@code Chef::Node#display_hash}). */
    static ObjectNode display(JsonNode node) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("name", "chef_environment", "automatic", "normal", "default", "override",
                "run_list")) {
            out.set(key, orNull(node.get(key)));
        }
        return out;
    }

    /** The node's attributes merged as Chef merges them: default, normal, override, automatic, maps deeply. */
    static ObjectNode merged(JsonNode node) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String level : List.of("default", "normal", "override", "automatic")) {
            if (node.get(level) instanceof ObjectNode attrs) {
                deepMerge(out, attrs);
            }
        }
        return out;
    }

    private static void deepMerge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                ObjectNode copy = target.deepCopy();
                deepMerge(copy, source);
                into.set(e.getKey(), copy);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static boolean hasPolicy(JsonNode node) {
        return !(orNull(node.get("policy_name")).isNull() && orNull(node.get("policy_group")).isNull());
    }

    private static void line(StringBuilder b, boolean color, String key, String gap, String value) {
        b.append(paint(color, CYAN, key)).append(gap).append(value).append('\n');
    }

    /** knife: the key, the text format of the attributes, and the heredoc's own newline after them. */
    private static void section(StringBuilder b, Output output, boolean color, String key, JsonNode attrs) {
        b.append(paint(color, CYAN, key)).append('\n').append(output.text(orEmptyObject(attrs))).append('\n');
    }

    /** Ruby's {@code "#{value}"}: nil is empty. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isValueNode() ? n.asText() : n.toString();
    }

    /** Ruby's {@code Array(value)} of strings. */
    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> out.add(text(e)));
        } else {
            out.add(text(n));
        }
        return out;
    }

    private static JsonNode orNull(JsonNode n) {
        return n == null ? JsonNodeFactory.instance.nullNode() : n;
    }

    private static JsonNode orEmptyObject(JsonNode n) {
        return n == null || n.isNull() ? JsonNodeFactory.instance.objectNode() : n;
    }

    private static JsonNode orEmptyArray(JsonNode n) {
        return n == null || n.isNull() ? JsonNodeFactory.instance.arrayNode() : n;
    }

    private static String paint(boolean color, String code, String s) {
        return color ? code + s + RESET : s;
    }
}
