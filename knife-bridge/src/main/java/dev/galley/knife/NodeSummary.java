package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Node;
import dev.galley.chef.RunListItem;
import dev.galley.chef.internal.Json;
import java.util.List;
import java.util.Optional;

/**
 * knife's node summary ({@code NodePresenter#summarize}): name, environment or policy, FQDN, IP, run list, roles,
 * recipes, platform and tags; with medium output the normal attributes, with long output every precedence level.
 */
final class NodeSummary {
    private NodeSummary() {
    }

    static String of(JsonNode json, boolean medium, boolean longOutput, Output output, boolean color) {
        Node node = Json.MAPPER.convertValue(json, Node.class);
        String ip = first(node.attribute("cloud.public_ipv4_addrs")).orElse(text(node.attribute("ipaddress")));
        StringBuilder b = new StringBuilder();
        b.append(bold("Node Name:", color)).append("   ").append(bold(node.name(), color)).append('\n');
        boolean policy = node.policyName().isPresent() || node.policyGroup().isPresent();
        if (policy) {
            b.append(key("Policy Name:", color)).append("  ").append(node.policyName().orElse("")).append('\n');
            b.append(key("Policy Group:", color)).append(' ').append(node.policyGroup().orElse("")).append('\n');
        } else {
            b.append(key("Environment:", color)).append(' ').append(node.chefEnvironment()).append('\n');
        }
        b.append(key("FQDN:", color)).append("        ").append(text(node.attribute("fqdn"))).append('\n');
        b.append(key("IP:", color)).append("          ").append(ip).append('\n');
        b.append(key("Run List:", color)).append("    ").append(String.join(", ",
                node.runList().items().stream().map(RunListItem::toString).toList())).append('\n');
        if (!policy) {
            b.append(key("Roles:", color)).append("       ").append(joined(node.attribute("roles"))).append('\n');
        }
        b.append(key("Recipes:", color)).append("     ").append(joined(node.attribute("recipes"))).append('\n');
        b.append(key("Platform:", color)).append("    ").append(text(node.attribute("platform"))).append(' ')
                .append(text(node.attribute("platform_version"))).append('\n');
        b.append(key("Tags:", color)).append("        ").append(joined(Optional.ofNullable(node.normal().get("tags"))))
                .append('\n');
        if (medium || longOutput) {
            b.append(key("Attributes:", color)).append('\n').append(output.text(json.path("normal"))).append('\n');
        }
        if (longOutput) {
            b.append(key("Default Attributes:", color)).append('\n').append(output.text(json.path("default")))
                    .append('\n');
            b.append(key("Override Attributes:", color)).append('\n').append(output.text(json.path("override")))
                    .append('\n');
            b.append(key("Automatic Attributes (Ohai Data):", color)).append('\n')
                    .append(output.text(json.path("automatic"))).append('\n');
        }
        return b.toString();
    }

    private static Optional<String> first(Optional<Object> value) {
        return value.filter(v -> v instanceof List<?> l && !l.isEmpty()).map(v -> String.valueOf(((List<?>) v).get(0)));
    }

    private static String text(Optional<Object> value) {
        return value.map(String::valueOf).orElse("");
    }

    private static String joined(Optional<Object> value) {
        return value.map(v -> v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                : String.valueOf(v)).orElse("");
    }

    private static String key(String s, boolean color) {
        return color ? "\u001b[36m" + s + "\u001b[0m" : s;
    }

    private static String bold(String s, boolean color) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}
