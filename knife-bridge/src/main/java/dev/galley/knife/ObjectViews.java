package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What knife's generic presenter shows of nodes, roles and environments: listings (names, or names and URLs with
 * {@code -w}) and the {@code -a ATTR}/{@code -r} subsets ({@code {"web1": {"fqdn": "..."}}}).
 */
final class ObjectViews {
    private ObjectViews() {
    }

    /** Names sorted, one a line (a JSON array with -F json); with {@code withUri} the server's listing itself. */
    static JsonNode listing(JsonNode serverListing, boolean withUri) {
        if (withUri) {
            return serverListing;
        }
        List<String> names = new ArrayList<>();
        serverListing.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        names.forEach(out::add);
        return out;
    }

    /**
     * knife's {@code format_data_subset_for_display} for {@code -a}: each dotted path's value under the object's
     * name; a path that leads nowhere shows null.
     *
     * @param first     where the first step is looked up first (a node's merged attributes), or null
     * @param document  the object as the server holds it (where the first step is looked up otherwise: knife calls
     *                  the object's method of that name, such as chef_environment or run_list)
     * @param separator knife's {@code -S}, "." by default
     */
    static ObjectNode attributes(String name, JsonNode first, JsonNode document, List<String> paths,
            String separator) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (String path : paths) {
            values.set(path, extract(first, document, path, separator));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set(name, values);
        return out;
    }

    static JsonNode extract(JsonNode first, JsonNode document, String path, String separator) {
        String[] steps = path.split(Pattern.quote(separator.isEmpty() ? "." : separator));
        JsonNode data = null;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            if (i == 0) {
                data = first != null && first.has(step) ? first.get(step) : document.get(step);
            } else if (data != null && data.isArray()) {
                data = step.matches("-?\\d+") ? index(data, Integer.parseInt(step)) : null;
            } else if (data != null && data.isObject()) {
                data = data.get(step);
            } else {
                data = null;
            }
            if (data == null) {
                return NullNode.getInstance();
            }
        }
        return data == null ? NullNode.getInstance() : data;
    }

    /** Ruby's array index: negative counts from the end. */
    private static JsonNode index(JsonNode array, int i) {
        int at = i < 0 ? array.size() + i : i;
        return at >= 0 && at < array.size() ? array.get(at) : null;
    }

    /** {@code {"web1": {"run_list": [...]}}}: what knife's {@code -r} and the run_list commands show. */
    static ObjectNode runList(String name, JsonNode runList) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject(name).set("run_list", runList == null ? JsonNodeFactory.instance.arrayNode() : runList);
        return out;
    }
}
