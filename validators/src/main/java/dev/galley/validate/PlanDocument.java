package dev.galley.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A migration plan file (YAML), read strictly: each module binds the section it owns to its own records, and
 * an unknown key or a wrong type is an error naming the file, line and column, the path of the key, and what is
 * accepted there (docs/plan.md documents every section).
 */
public final class PlanDocument {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .build();

    private final Path file;
    private final String text;
    private final JsonNode root;

    private PlanDocument(Path file, String text, JsonNode root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    /**
     * Reads a plan file.
     *
     * @throws GalleyException (bad input) when it is missing or not YAML, naming the line and column
     */
    public static PlanDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw GalleyException.badInput("plan file " + file + " does not exist");
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read plan file " + file + ": " + e.getMessage());
        }
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || !root.isObject()) {
                throw GalleyException.badInput(file + ": a plan is a YAML mapping of sections (chef:, converge:, "
                        + "mysql:, mongo:, dns:, ...); see docs/plan.md");
            }
            return new PlanDocument(file.toAbsolutePath(), text, root);
        } catch (JsonProcessingException e) {
            throw GalleyException.badInput(where(file, e.getLocation()) + "not valid YAML: " + e.getOriginalMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** The directory relative paths in the plan are resolved against. */
    public Path directory() {
        return file.getParent();
    }

    /** The top-level sections present, in file order. */
    public List<String> sections() {
        List<String> out = new ArrayList<>();
        root.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Checks that the plan has only known top-level sections (each module knows its own).
     *
     * @throws GalleyException naming the unknown section and the known ones
     */
    public void requireOnlySections(List<String> known) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String s = it.next();
            if (!known.contains(s)) {
                throw GalleyException.badInput(where(file, lineOf(s)) + "unknown plan section '" + s + "': the "
                        + "sections are " + String.join(", ", known) + " (see docs/plan.md)");
            }
        }
    }

    /**
     * Binds one section to a record, strictly.
     *
     * @return empty when the plan has no such section
     * @throws GalleyException (bad input) naming line, column, key path and the accepted keys
     */
    public <T> Optional<T> section(String name, Class<T> type) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            // Re-read the section from the text so that error locations point into the file.
            JsonParser p = YAML.createParser(text);
            JsonNode whole = YAML.readTree(p);
            return Optional.of(YAML.readerFor(type).readValue(YAML.treeAsTokens(whole.get(name))));
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw GalleyException.badInput(at(name, e) + "unknown key '" + e.getPropertyName() + "' in "
                    + path(name, e) + (known.isEmpty() ? "" : ": the keys there are " + known));
        } catch (InvalidFormatException e) {
            throw GalleyException.badInput(at(name, e) + path(name, e) + " must be "
                    + describe(e.getTargetType()) + (e.getTargetType() == SecretRef.class ? ""
                    : ", not '" + e.getValue() + "'"));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw GalleyException.badInput(at(name, e) + path(name, e) + ": " + cause.getMessage());
        } catch (MismatchedInputException e) {
            if (e.getTargetType() == SecretRef.class) {
                throw GalleyException.badInput(at(name, e) + path(name, e) + " must be {env: NAME} or {file: PATH}: "
                        + "secrets are never written in the plan");
            }
            String value = valueAt(node, e);
            throw GalleyException.badInput(at(name, e) + path(name, e) + " must be " + describe(e.getTargetType())
                    + (value == null ? "" : ", not '" + value + "'"));
        } catch (IOException e) {
            throw GalleyException.badInput(file + ": section " + name + ": " + e.getMessage().split("\n")[0]);
        }
    }

    /** The scalar at the path of a binding error, to show the user what they wrote; null for containers. */
    private static String valueAt(JsonNode section, JsonProcessingException e) {
        JsonNode n = section;
        for (JsonMappingPath step : JsonMappingPath.of(e)) {
            n = step.index() >= 0 ? n.path(step.index()) : n.path(step.name());
        }
        return n.isValueNode() ? n.asText() : null;
    }

    private String at(String section, JsonProcessingException e) {
        // treeAsTokens loses locations: find the key's line in the text instead.
        List<JsonMappingPath> refs = JsonMappingPath.of(e);
        String last = refs.isEmpty() ? section : refs.get(refs.size() - 1).name();
        JsonLocation loc = lineOf(last == null ? section : last);
        return where(file, loc);
    }

    private static String path(String section, JsonProcessingException e) {
        StringBuilder b = new StringBuilder(section);
        for (JsonMappingPath r : JsonMappingPath.of(e)) {
            b.append(r.index() >= 0 ? "[" + r.index() + "]" : "." + r.name());
        }
        return b.toString();
    }

    /** One step of a path to a bad value: a key name, or an index in a list. */
    private record JsonMappingPath(String name, int index) {
        static List<JsonMappingPath> of(JsonProcessingException e) {
            List<JsonMappingPath> out = new ArrayList<>();
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
                for (var ref : m.getPath()) {
                    out.add(new JsonMappingPath(ref.getFieldName(), ref.getIndex()));
                }
            }
            return out;
        }
    }

    private JsonLocation lineOf(String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].stripLeading();
            if (t.startsWith(key + ":") || t.startsWith("- " + key + ":") || t.startsWith("\"" + key + "\":")) {
                return new JsonLocation(null, -1, i + 1, lines[i].indexOf(key) + 1);
            }
        }
        return null;
    }

    private static String where(Path file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return file + ": ";
        }
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            for (Object c : type.getEnumConstants()) {
                b.append(c.toString().toLowerCase(java.util.Locale.ROOT)).append(", ");
            }
            return b.substring(0, b.length() - 2);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == java.time.Duration.class) {
            return "a duration like PT30S or 30s";
        }
        return "a " + type.getSimpleName();
    }
}
