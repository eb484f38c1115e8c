package dev.galley.knife;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.galley.chef.internal.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints results on stdout in the format asked for: knife's summary layout for people, the server's JSON unchanged
 * for scripts, or YAML.
 */
public final class Output {
    private final PrintWriter out;
    private final OutputFormat format;
    private final boolean color;

    public Output(PrintWriter out, OutputFormat format, boolean color) {
        this.out = out;
        this.format = format;
        this.color = color;
    }

    public OutputFormat format() {
        return format;
    }

    public PrintWriter writer() {
        return out;
    }

    /** Prints any JSON value in the chosen format. */
    public void print(JsonNode data) {
        switch (format) {
            case JSON -> out.println(json(data));
            case YAML -> out.print(yaml(data));
            case SUMMARY, TEXT -> out.print(text(data));
        }
        out.flush();
    }

    /** Prints an object (a model record, a map, a list) converted to JSON first. */
    public void print(Object data) {
        print(data instanceof JsonNode n ? n : Json.MAPPER.valueToTree(data));
    }

    /** Ruby's JSON.pretty_generate layout, which knife prints: two-space indent, "key": value, {} and []. */
    private static final DefaultPrettyPrinter RUBY_PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** Pretty JSON as knife writes it, keys in the server's order. */
    public static String json(JsonNode data) {
        try {
            return Json.MAPPER.writer(RUBY_PRETTY).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Prints "key: value" lines in the given order, keys aligned (summary of a fixed set of facts). */
    public void printFacts(java.util.LinkedHashMap<String, String> facts) {
        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        facts.forEach((k, v) -> out.println(cyan(pad(k + ":", width)) + " " + v));
        out.flush();
    }

    static String yaml(JsonNode data) {
        try {
            ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build());
            return yaml.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /**
     * knife's text/summary layout: keys sorted and aligned ("name: value"), one-element arrays of scalars shown as
     * the scalar, nested maps and arrays indented on their own lines, list items one per line.
     */
    String text(JsonNode data) {
        StringBuilder b = new StringBuilder();
        if (data.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            data.fields().forEachRemaining(entries::add);
            entries.sort(Map.Entry.comparingByKey());
            int width = entries.stream().mapToInt(e -> e.getKey().length()).max().orElse(0) + 1;
            for (Map.Entry<String, JsonNode> e : entries) {
                JsonNode value = e.getValue();
                if (value.isArray() && value.size() == 1 && isScalar(value.get(0))) {
                    value = value.get(0);
                }
                if (isScalar(value)) {
                    String shown = scalar(value);
                    if (value.isContainerNode()) {
                        b.append(cyan(e.getKey() + ":")).append('\n'); // knife: an empty hash or array, no space
                    } else {
                        b.append(cyan(pad(e.getKey() + ":", width))).append(' ').append(shown).append('\n');
                    }
                } else {
                    b.append(cyan(e.getKey() + ":")).append('\n');
                    for (String line : text(value).split("\n")) {
                        if (!line.isEmpty()) {
                            b.append("  ").append(line).append('\n');
                        }
                    }
                }
            }
        } else if (data.isArray()) {
            for (Iterator<JsonNode> it = data.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                b.append(text(item));
                if (it.hasNext() && item.isObject()) {
                    b.append('\n');
                }
            }
        } else if (!data.isMissingNode()) {
            b.append(scalar(data)).append('\n');
        }
        return b.toString();
    }

    private static boolean isScalar(JsonNode n) {
        return n.isValueNode() || n.isNull() || (n.isContainerNode() && n.isEmpty());
    }

    private static String scalar(JsonNode n) {
        if (n.isNull()) {
            return "";
        }
        return n.isContainerNode() ? "" : n.asText();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private String cyan(String s) {
        return color ? "\u001b[36m" + s + "\u001b[0m" : s;
    }
}
