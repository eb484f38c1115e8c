package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON objects a chef repository holds as files, with chef-fs's data handlers: {@link #normalize} fills in the
 * server's defaults in Chef's key order, {@link #minimize} drops what equals a default, so that two documents are
 * compared, and files written, as knife does.
 */
public enum ObjectType {
    ROLE("roles", "name"),
    ENVIRONMENT("environments", "name"),
    NODE("nodes", "name"),
    CLIENT("clients", "name"),
    DATA_BAG_ITEM("data_bags", "id");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String directory;
    private final String idKey;

    ObjectType(String directory, String idKey) {
        this.directory = directory;
        this.idKey = idKey;
    }

    /** The repository directory (and chef-fs path) of this type: "roles", "data_bags". */
    public String directory() {
        return directory;
    }

    /** The key that holds the object's name: "name", or "id" for data bag items. */
    public String idKey() {
        return idKey;
    }

    /** The type of objects directly in a top-level directory ("roles"), if it holds objects. */
    public static Optional<ObjectType> ofDirectory(String name) {
        for (ObjectType t : values()) {
            if (t != DATA_BAG_ITEM && t.directory.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The object with every default filled in, defaults first in Chef's order, then the object's other keys in its
     * own order; run lists spelled out ("web" becomes "recipe[web]", duplicates dropped).
     *
     * @param name the object's name from its file ("web" for web.json), the default of the name or id
     */
    public ObjectNode normalize(JsonNode object, String name) {
        JsonNode source = object;
        if (this == DATA_BAG_ITEM && "Chef::DataBagItem".equals(text(object.get("json_class")))
                && object.hasNonNull("raw_data")) {
            source = object.get("raw_data"); // the wrapped form some servers and old knife versions use
        }
        ObjectNode src = source.isObject() ? ((ObjectNode) source).deepCopy() : JSON.objectNode();
        if (this == CLIENT) {
            for (String flag : List.of("admin", "validator")) {
                if (src.get(flag) != null && src.get(flag).isTextual()) {
                    src.put(flag, "true".equals(src.get(flag).asText())); // old servers sent "true"/"false"
                }
            }
        }
        ObjectNode result = JSON.objectNode();
        for (Map.Entry<String, JsonNode> d : defaults(name).properties()) {
            result.set(d.getKey(), src.has(d.getKey()) ? src.get(d.getKey()) : d.getValue());
        }
        for (Map.Entry<String, JsonNode> e : src.properties()) {
            if (!result.has(e.getKey())) {
                result.set(e.getKey(), e.getValue());
            }
        }
        switch (this) {
            case ROLE -> {
                result.set("run_list", runList(result.get("run_list")));
                if (result.get("env_run_lists").isObject()) {
                    ObjectNode envs = (ObjectNode) result.get("env_run_lists");
                    for (String env : fieldNames(envs)) {
                        envs.set(env, runList(envs.get(env)));
                    }
                }
            }
            case NODE -> result.set("run_list", runList(result.get("run_list")));
            case CLIENT -> result.remove("json_class");
            default -> {
            }
        }
        return result;
    }

    /** The normalized object without the keys whose value is the default (the name or id always stays). */
    public ObjectNode minimize(ObjectNode normalized, String name) {
        ObjectNode defaults = normalize(JSON.objectNode(), name);
        ObjectNode result = normalized.deepCopy();
        for (String key : fieldNames(normalized)) {
            JsonNode d = defaults.get(key);
            if (d != null && !key.equals(idKey) && ChefJson.sameData(d, normalized.get(key))) {
                result.remove(key);
            }
        }
        return result;
    }

    /** {@link #minimize} of {@link #normalize}: what knife compares, and writes to files. */
    public ObjectNode minimal(JsonNode object, String name) {
        return minimize(normalize(object, name), name);
    }

    /** What is wrong with a normalized object that is to be stored under {@code name}, if anything. */
    public Optional<String> integrityProblem(ObjectNode normalized, String name) {
        JsonNode id = normalized.get(idKey);
        if (id == null || !id.isTextual() || !id.asText().equals(name)) {
            String what = this == DATA_BAG_ITEM ? "ID" : "Name";
            return Optional.of(what + " must be '" + name + "' (is " + (id == null || id.isNull() ? "missing"
                    : "'" + id.asText() + "'") + ")");
        }
        return Optional.empty();
    }

    private ObjectNode defaults(String name) {
        ObjectNode d = JSON.objectNode();
        switch (this) {
            case ROLE -> {
                d.put("name", name);
                d.put("description", "");
                d.put("json_class", "Chef::Role");
                d.put("chef_type", "role");
                d.putObject("default_attributes");
                d.putObject("override_attributes");
                d.putArray("run_list");
                d.putObject("env_run_lists");
            }
            case ENVIRONMENT -> {
                d.put("name", name);
                d.put("description", "");
                d.putObject("cookbook_versions");
                d.putObject("default_attributes");
                d.putObject("override_attributes");
                d.put("json_class", "Chef::Environment");
                d.put("chef_type", "environment");
            }
            case NODE -> {
                d.put("name", name);
                d.put("json_class", "Chef::Node");
                d.put("chef_type", "node");
                d.put("chef_environment", "_default");
                d.putObject("override");
                d.putObject("normal");
                d.putObject("default");
                d.putObject("automatic");
                d.putArray("run_list");
            }
            case CLIENT -> {
                d.put("name", name);
                d.put("clientname", name);
                d.put("admin", false);
                d.put("validator", false);
                d.put("chef_type", "client");
            }
            case DATA_BAG_ITEM -> d.put("id", name);
        }
        return d;
    }

    /** chef-fs's normalize_run_list: bare names are recipes, duplicates go; a non-list is left as it is. */
    private static JsonNode runList(JsonNode list) {
        if (list == null || !list.isArray()) {
            return list;
        }
        Set<String> items = new LinkedHashSet<>();
        List<JsonNode> other = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                other.add(item);
                continue;
            }
            String s = item.asText();
            items.add(s.matches("^(recipe|role)\\[.*\\]$") ? s : "recipe[" + s + "]");
        }
        ArrayNode out = JSON.arrayNode();
        items.forEach(out::add);
        other.forEach(out::add);
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
