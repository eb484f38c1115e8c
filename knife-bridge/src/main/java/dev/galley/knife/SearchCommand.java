package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.SearchQuery;
import dev.galley.core.GalleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley search [INDEX] QUERY}: a search of the Chef server's index, shown as {@code knife search} shows it.
 * Unlike knife, {@code -R} is the most results to return, and Galley pages through the results by itself.
 */
@Command(name = "search", description = "Search an index (node, role, client, environment or a data bag) with a "
        + "Lucene query; with one argument, search nodes. Unlike knife, -R/--rows is the most results to return in "
        + "all (knife's -R was the page size); Galley fetches the pages itself, without duplicates or a 1000-row cut. "
        + "Exits 3 when nothing matched (knife exits 1, Galley's internal-error code).")
public final class SearchCommand extends KnifeCommand {
    private static final Set<String> OBJECT_INDEXES = Set.of("node", "role", "client", "environment");
    private static final Pattern FILTER_ITEM = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*([^=\\s]+)\\s*");

    @Parameters(paramLabel = "INDEX", arity = "0..2", description = "INDEX QUERY, or QUERY alone for nodes.")
    List<String> args = new ArrayList<>();

    @Option(names = {"-q", "--query"}, paramLabel = "QUERY", description = "The query (for queries starting with -).")
    String queryOption;

    @Option(names = {"-a", "--attribute"}, paramLabel = "ATTR",
            description = "Show only this attribute (a dotted path; repeatable): a partial search.")
    List<String> attributes = new ArrayList<>();

    @Option(names = {"-S", "--field-separator"}, paramLabel = "SEPARATOR",
            description = "Separator of the parts of an --attribute path (default '.').")
    String separator = ".";

    @Option(names = {"-f", "--filter-result"}, paramLabel = "FILTER",
            description = "Return only these attributes, named: \"ServerName=name, Kernel=kernel.version\".")
    String filterResult;

    @Option(names = {"-i", "--id-only"}, description = "Show only the name (or id) of each result.")
    boolean idOnly;

    @Option(names = {"-r", "--run-list"}, description = "Show only the run list of each result.")
    boolean runList;

    @Option(names = {"-R", "--rows"}, paramLabel = "N", description = "Return at most N results (default: all).")
    Long rows;

    @Option(names = {"-b", "--start"}, paramLabel = "ROW", defaultValue = "0",
            description = "Skip the first ROW results (default 0).")
    long start;

    @Option(names = {"-m", "--medium"}, description = "Nodes: include the normal attributes.")
    boolean medium;

    @Option(names = {"-l", "--long"}, description = "Nodes: include all attributes.")
    boolean longOutput;

    @Option(names = "--page-size", paramLabel = "N", hidden = true,
            description = "Rows asked for per request (default 1000, as Chef).")
    Integer pageSize;

    @Override
    protected int run(KnifeSession session) {
        String index;
        String query;
        if (queryOption != null) {
            if (args.size() > 1) {
                throw GalleyException.badInput("give the query as an argument or with -q, not both");
            }
            index = args.isEmpty() ? "node" : args.get(0);
            query = queryOption;
        } else if (args.isEmpty()) {
            throw GalleyException.badInput("no query: galley search [INDEX] QUERY");
        } else {
            index = args.size() == 1 ? "node" : args.get(0);
            query = args.get(args.size() - 1);
        }
        if (start < 0 || (rows != null && rows < 0) || (pageSize != null && pageSize < 1)) {
            throw GalleyException.badInput("--start and --rows must not be negative");
        }
        if (index.equals("node") && !query.contains(":")) {
            query = fuzzy(query);
        }
        boolean partial = filterResult != null || !attributes.isEmpty() || idOnly;
        SearchQuery q = session.chef().search().query(index, query).start(start);
        if (rows != null) {
            q = q.limit(rows);
        }
        int page = pageSize != null ? pageSize : rows != null ? (int) Math.max(1, Math.min(1000, rows)) : 1000;
        q = q.pageSize(page);
        String displayPath = OBJECT_INDEXES.contains(index) ? "name" : "id";
        if (filterResult != null) {
            for (String item : filterResult.split(",")) {
                var m = FILTER_ITEM.matcher(item);
                if (!m.matches()) {
                    throw GalleyException.badInput("--filter-result '" + filterResult + "': write NAME=dotted.path "
                            + "pairs separated by commas");
                }
                q = q.attribute(m.group(1), m.group(2).split("\\."));
            }
        } else if (!attributes.isEmpty()) {
            for (String a : attributes) {
                q = q.attribute(a, a.split(Pattern.quote(separator)));
            }
        }
        if (partial) {
            q = q.attribute("__display_name", displayPath);
        }
        List<JsonNode> results;
        try {
            results = q.list();
        } catch (ChefApiException e) {
            if (e.status() == 400) {
                throw GalleyException.badInput("the server refused the query '" + query + "' on the " + index
                        + " index: " + (e.serverMessages().isEmpty() ? e.getMessage()
                        : String.join("; ", e.serverMessages())).replaceAll("\\s+", " ").strip()
                        + " (check the Lucene syntax)");
            }
            throw e;
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode row : results) {
            items.add(item(row, partial, displayPath));
        }
        print(session, index, items);
        return items.isEmpty() ? 3 : 0;
    }

    /** One result as knife shows it: the id alone, {name: {attributes}}, {name: {run_list}} or the object. */
    private JsonNode item(JsonNode row, boolean partial, String displayPath) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (partial) {
            String name = row.path("__display_name").asText("");
            if (idOnly) {
                return f.textNode(name);
            }
            ObjectNode rest = row.deepCopy();
            rest.remove("__display_name");
            ObjectNode out = f.objectNode();
            out.set(name, rest);
            return out;
        }
        if (runList) {
            ObjectNode out = f.objectNode();
            out.putObject(row.path(displayPath).asText(row.path("name").asText("")))
                    .set("run_list", row.path("run_list").isMissingNode() ? f.arrayNode() : row.path("run_list"));
            return out;
        }
        return row;
    }

    private void print(KnifeSession session, String index, List<JsonNode> items) {
        Output output = session.output();
        if (output.format() == OutputFormat.JSON || output.format() == OutputFormat.YAML) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("results", items.size());
            doc.putArray("rows").addAll(items);
            output.print(doc);
            return;
        }
        session.info(items.size() + " items found");
        session.info("");
        boolean nodes = index.equals("node") && !idOnly && !runList && attributes.isEmpty() && filterResult == null;
        for (JsonNode item : items) {
            if (nodes && item.isObject()) {
                output.writer().print(NodeSummary.of(item, medium, longOutput, output, session.color()));
            } else {
                output.print(item);
            }
            if (!idOnly) {
                output.writer().println();
            }
        }
        output.writer().flush();
    }

    /** knife's fuzzy node search: a query without a field name looks in tags, roles, fqdn, addresses and policy. */
    static String fuzzy(String q) {
        return "tags:*" + q + "* OR roles:*" + q + "* OR fqdn:*" + q + "* OR addresses:*" + q + "* OR policy_name:*"
                + q + "* OR policy_group:*" + q + "*";
    }
}
