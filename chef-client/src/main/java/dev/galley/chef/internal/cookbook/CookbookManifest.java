package dev.galley.chef.internal.cookbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.CookbookFile;
import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookbook version document of the Chef API in both of its forms: API v0/v1 lists files in segments
 * ("recipes", "templates", ..., "root_files"), API v2 in one "all_files" list whose names carry the segment.
 */
public final class CookbookManifest {
    /** Keys Chef's metadata always carries; servers and chef-client expect them even when empty. */
    private static final Map<String, Object> METADATA_DEFAULTS = Map.of("providing", Map.of(), "source_url", "",
            "issues_url", "", "privacy", false, "chef_versions", List.of(), "ohai_versions", List.of(), "gems",
            List.of(), "eager_load_libraries", true);

    private CookbookManifest() {
    }

    /** The manifest to PUT to /cookbooks/NAME/VERSION: segments when {@code v2} is false, all_files when true. */
    public static ObjectNode build(LocalCookbook cookbook, boolean frozen, boolean v2) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("name", cookbook.name() + "-" + cookbook.version());
        doc.put("cookbook_name", cookbook.name());
        doc.put("version", cookbook.version());
        doc.put("json_class", "Chef::CookbookVersion");
        doc.put("chef_type", "cookbook_version");
        doc.put("frozen?", frozen);
        doc.set("metadata", metadata(cookbook));
        if (v2) {
            ArrayNode all = doc.putArray("all_files");
            cookbook.files().forEach(f -> all.add(entry(f, true)));
        } else {
            for (String segment : Segments.ALL) {
                ArrayNode list = doc.putArray(segment);
                cookbook.files().stream().filter(f -> f.segment().equals(segment))
                        .forEach(f -> list.add(entry(f, false)));
            }
        }
        return doc;
    }

    private static ObjectNode metadata(LocalCookbook cookbook) {
        ObjectNode m = Json.MAPPER.valueToTree(cookbook.metadata());
        m.put("version", cookbook.version());
        METADATA_DEFAULTS.forEach((key, value) -> {
            if (!m.has(key)) {
                m.set(key, Json.MAPPER.valueToTree(value));
            }
        });
        return m;
    }

    private static ObjectNode entry(LocalCookbook.LocalFile file, boolean v2) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("name", Segments.name(file.path(), v2));
        e.put("path", file.path());
        e.put("checksum", file.checksum());
        e.put("specificity", file.specificity());
        return e;
    }

    /**
     * Reads a cookbook version document in either form.
     *
     * @param requestedName the name asked for, used when the document does not carry one
     * @throws IllegalArgumentException saying what is missing or malformed
     */
    public static CookbookVersion parse(JsonNode doc, String requestedName) {
        if (!doc.isObject()) {
            throw new IllegalArgumentException("the cookbook version is not a JSON object");
        }
        JsonNode meta = doc.path("metadata");
        String name = text(doc, "cookbook_name").orElse(text(meta, "name").orElse(requestedName));
        String version = text(doc, "version").orElse(text(meta, "version").orElse(null));
        if (version == null) {
            throw new IllegalArgumentException("the cookbook version document has no version");
        }
        List<CookbookFile> files = new ArrayList<>();
        if (doc.path("all_files").isArray()) {
            int i = 0;
            for (JsonNode f : doc.path("all_files")) {
                String path = required(f, "path", "all_files", i++);
                files.add(file(f, path, Segments.of(path)));
            }
        } else {
            for (String segment : Segments.ALL) {
                int i = 0;
                for (JsonNode f : doc.path(segment)) {
                    files.add(file(f, required(f, "path", segment, i++), segment));
                }
            }
        }
        return new CookbookVersion(name, version, metadata(meta, name, version), files,
                doc.path("frozen?").asBoolean(false));
    }

    private static CookbookFile file(JsonNode f, String path, String segment) {
        String checksum = text(f, "checksum").orElseThrow(() -> new IllegalArgumentException("the manifest entry for '"
                + path + "' has no checksum"));
        return new CookbookFile(path, text(f, "name").orElse(path), segment, checksum,
                text(f, "specificity").orElse(null), text(f, "url").orElse(null));
    }

    private static CookbookMetadata metadata(JsonNode meta, String name, String version) {
        ObjectNode m = meta.isObject() ? ((ObjectNode) meta).deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!m.hasNonNull("name")) {
            m.put("name", name);
        }
        if (!m.hasNonNull("version")) {
            m.put("version", version);
        }
        try {
            return Json.MAPPER.treeToValue(m, CookbookMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the cookbook metadata does not parse: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode entry, String field, String list, int index) {
        return text(entry, field).orElseThrow(() -> new IllegalArgumentException("entry " + index + " of '" + list
                + "' has no " + field));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
