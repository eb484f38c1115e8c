package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.Node;
import dev.galley.chef.SearchQuery;
import dev.galley.chef.internal.Json;
import dev.galley.core.GalleyException;
import dev.galley.knife.internal.NodeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley status [QUERY]}: when each node last ran chef-client, oldest first, as {@code knife status}.
 */
@Command(name = "status", description = "Show when each node (matching QUERY, default all) last ran chef-client, "
        + "oldest first; on a terminal the age is green under 1 hour, yellow under 24 hours, red after. "
        + "-F json gives knife's status documents, for scripts.")
public final class StatusCommand extends KnifeCommand {
    /** The attributes the short form needs (knife's list, plus fqdn, which knife forgets to ask for). */
    private static final List<String> FIELDS = List.of("name", "ipaddress", "ohai_time", "cloud", "run_list",
            "platform", "platform_version", "chef_environment", "fqdn");

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "A node search query (default: every node).")
    String query;

    @Option(names = {"-r", "--run-list"}, description = "Show each node's run list.")
    boolean runList;

    @Option(names = "--sort-reverse", description = "Newest first (also knife[:sort_status_reverse]; knife's -s is "
            + "--server-url in Galley).")
    boolean sortReverse;

    @Option(names = "--hide-by-mins", paramLabel = "MINS",
            description = "Hide nodes that ran chef-client in the last MINS minutes.")
    Long hideByMins;

    @Option(names = {"-m", "--medium"}, description = "Accepted for knife compatibility (no effect).")
    boolean medium;

    @Option(names = {"-l", "--long"}, description = "Fetch whole nodes; -F json then includes their attributes.")
    boolean longOutput;

    @Override
    protected int run(KnifeSession session) {
        if (hideByMins != null && hideByMins < 0) {
            throw GalleyException.badInput("--hide-by-mins must not be negative");
        }
        List<String> terms = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            terms.add(query);
        }
        if (session.options().environment() != null) {
            terms.add("chef_environment:" + session.options().environment());
        }
        String q = terms.isEmpty() ? "*:*" : String.join(" AND ", terms);
        SearchQuery search = session.chef().search().query("node", q);
        if (!longOutput) {
            for (String f : FIELDS) {
                search = search.attribute(f, f);
            }
        }
        List<JsonNode> rows;
        try {
            rows = search.list();
        } catch (ChefApiException e) {
            if (e.status() == 400) {
                throw GalleyException.badInput("the server refused the query '" + q + "': " + String.join("; ",
                        e.serverMessages()).replaceAll("\\s+", " ").strip() + " (check the Lucene syntax)");
            }
            throw e;
        }
        Instant now = Instant.now();
        List<Map.Entry<NodeStatus, JsonNode>> nodes = new ArrayList<>();
        for (JsonNode row : rows) {
            NodeStatus s = longOutput ? fromNode(row) : fromPartial(row);
            // knife asks the server with NOT ohai_time:[...]; filtering here needs no range-query support
            if (hideByMins == null || !s.ranWithin(hideByMins, now)) {
                nodes.add(Map.entry(s, row));
            }
        }
        Comparator<Map.Entry<NodeStatus, JsonNode>> byTime = Comparator.comparing(
                e -> e.getKey().ohaiTime().orElse(BigDecimal.ZERO));
        boolean reverse = sortReverse || truthy(session.config().knife().get("sort_status_reverse"));
        nodes.sort(reverse ? byTime.reversed() : byTime);
        OutputFormat format = session.output().format();
        if (format == OutputFormat.JSON || format == OutputFormat.YAML) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            nodes.forEach(e -> out.add(document(e.getKey(), e.getValue())));
            session.output().print(out);
        } else {
            boolean color = session.color();
            nodes.forEach(e -> session.output().writer().println(e.getKey().line(now, runList, color)));
            session.output().writer().flush();
        }
        return 0;
    }

    /** knife's status document (StatusPresenter#summarize_json). */
    private ObjectNode document(NodeStatus s, JsonNode row) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", s.name());
        d.put("chef_environment", s.environment());
        s.ip().ifPresent(ip -> d.put("ip", ip));
        s.fqdn().ifPresent(f -> d.put("fqdn", f));
        if (runList) {
            ArrayNode rl = d.putArray("run_list");
            s.runList().forEach(rl::add);
        }
        if (s.ohaiTime().isPresent()) {
            d.put("ohai_time", s.ohaiTime().get());
        } else {
            d.putNull("ohai_time");
        }
        s.platform().ifPresent(p -> d.put("platform", p));
        s.platformVersion().ifPresent(p -> d.put("platform_version", p));
        if (longOutput) {
            d.set("default", row.path("default"));
            d.set("override", row.path("override"));
            d.set("automatic", row.path("automatic"));
        }
        return d;
    }

    private static NodeStatus fromPartial(JsonNode row) {
        JsonNode cloud = row.path("cloud");
        List<String> runList = new ArrayList<>();
        row.path("run_list").forEach(i -> runList.add(i.asText()));
        return new NodeStatus(row.path("name").asText(), row.path("chef_environment").asText("_default"),
                number(row.path("ohai_time")),
                text(cloud.path("public_hostname")).or(() -> text(row.path("fqdn"))),
                text(cloud.path("public_ipv4_addrs").path(0)).or(() -> text(row.path("ipaddress"))),
                runList, text(row.path("platform")), text(row.path("platform_version")));
    }

    private static NodeStatus fromNode(JsonNode row) {
        Node node = Json.MAPPER.convertValue(row, Node.class);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String f : List.of("ohai_time", "cloud", "fqdn", "ipaddress", "platform", "platform_version")) {
            node.attribute(f).ifPresent(v -> merged.put(f, v));
        }
        JsonNode attrs = Json.MAPPER.valueToTree(merged);
        JsonNode cloud = attrs.path("cloud");
        return new NodeStatus(node.name(), node.chefEnvironment(), number(attrs.path("ohai_time")),
                text(cloud.path("public_hostname")).or(() -> text(attrs.path("fqdn"))),
                text(cloud.path("public_ipv4_addrs").path(0)).or(() -> text(attrs.path("ipaddress"))),
                node.runList().toStrings(), text(attrs.path("platform")), text(attrs.path("platform_version")));
    }

    private static Optional<BigDecimal> number(JsonNode n) {
        if (n.isNumber()) {
            return Optional.of(n.decimalValue());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(new BigDecimal(n.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }

    private static Optional<String> text(JsonNode n) {
        return n.isValueNode() && !n.isNull() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }
}
