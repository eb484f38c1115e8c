package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as knife's chef-fs reads and writes repository files: parsed keeping key order and the exact digits of
 * numbers, written in the layout of {@code Chef::JSONCompat.to_json_pretty} (yajl: two-space indent,
 * {@code "key": value}, an empty object or array as an opening bracket, a blank line and the closing bracket, and
 * no newline at the end).
 */
public final class ChefJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Numbers compare by value (Ruby's 1 == 1.0), everything else as JSON. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ChefJson() {
    }

    /** Parses a JSON document. @throws IOException with the parser's message when it is not JSON */
    public static JsonNode parse(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseException(null, "the file is empty");
        }
        return node;
    }

    /** Whether two documents hold the same data: object key order does not matter, 1 equals 1.0. */
    public static boolean sameData(JsonNode a, JsonNode b) {
        return a.equals(SAME_VALUE, b);
    }

    /** The document in chef-fs's layout, with no newline at the end (as knife download writes files). */
    public static String pretty(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(b, node, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, JsonNode node, int depth) {
        if (node.isObject()) {
            b.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            if (!it.hasNext()) {
                b.append('\n');
            }
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                indent(b, depth + 1);
                b.append(scalar(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(b, e.getValue(), depth + 1);
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(b, depth);
            b.append('}');
        } else if (node.isArray()) {
            b.append("[\n");
            if (node.isEmpty()) {
                b.append('\n');
            }
            for (int i = 0; i < node.size(); i++) {
                indent(b, depth + 1);
                write(b, node.get(i), depth + 1);
                b.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            indent(b, depth);
            b.append(']');
        } else {
            b.append(scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isBigDecimal()) {
            // A float as Ruby writes one: shortest digits, always a fraction part (100.50 -> 100.5, 1e3 -> 1000.0).
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return (d.scale() <= 0 ? d.setScale(1) : d).toPlainString();
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void indent(StringBuilder b, int depth) {
        b.append("  ".repeat(depth));
    }
}
