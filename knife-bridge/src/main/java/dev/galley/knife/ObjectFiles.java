package dev.galley.knife;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.RunListItem;
import dev.galley.chef.internal.Json;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads nodes, roles and environments from JSON files (knife's "from file" and Galley's {@code --input}) and checks
 * them before anything is sent: JSON with the parse position when it is not, the right kind of object, the name,
 * run-list entries and cookbook constraints. Ruby files are never run.
 */
final class ObjectFiles {
    /** Chef::VersionConstraint: an optional operator and a version of two or three parts. */
    private static final Pattern CONSTRAINT =
            Pattern.compile("^\\s*(?:(?:<|>|=|<=|>=|~>)\\s*)?\\d+\\.\\d+(?:\\.\\d+)?\\s*$");

    private ObjectFiles() {
    }

    /**
     * Finds a "from file" argument as knife does: the path as given (from the working directory), else the same
     * name under the chef repo directory of its kind ({@code nodes/web1.json}).
     */
    static Path locate(Path cwd, ObjectKind kind, String arg) {
        Path given = cwd.resolve(arg);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path inRepo = cwd.resolve(kind.plural).resolve(arg);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        throw GalleyException.badInput("cannot find file '" + arg + "' in the current directory or in '"
                + kind.plural + "/" + arg + "'");
    }

    /** Reads a "from file" file: a .json (or .js) file holding one object of this kind, named. */
    static ObjectNode readNamed(Path file, ObjectKind kind) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") && !name.endsWith(".js") && !name.endsWith(".rb")) {
            throw GalleyException.badInput(file + ": a " + kind.noun + " file must end in .json");
        }
        ObjectNode doc = parse(file);
        if (!doc.path("name").isTextual()) {
            throw GalleyException.badInput(file + " has no \"name\": a " + kind.noun + " file must name the "
                    + kind.noun);
        }
        return check(file.toString(), doc, kind);
    }

    /**
     * Parses a file holding one JSON object.
     *
     * @throws GalleyException (bad input) naming the file, and the line and column where the JSON breaks
     */
    static ObjectNode parse(Path file) {
        if (file.getFileName().toString().endsWith(".rb")) {
            throw GalleyException.badInput(file + " is a Ruby file: Galley reads JSON only and never runs Ruby "
                    + "(convert it to JSON first, e.g. with knife's 'show NAME -F json')");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw GalleyException.badInput("file " + file + " does not exist");
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** Parses one JSON object; {@code source} names it in errors. */
    static ObjectNode parse(byte[] bytes, String source) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw GalleyException.badInput(source + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read " + source + ": " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw GalleyException.badInput(source + " is empty: it must hold a JSON object");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw GalleyException.badInput(source + " holds a JSON " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object");
        }
        return object;
    }

    /** Checks the document is of this kind and its name (when present) is valid; fills in chef_type and json_class. */
    static ObjectNode check(String source, ObjectNode doc, ObjectKind kind) {
        String type = doc.path("chef_type").asText(kind.noun);
        String cls = doc.path("json_class").asText(kind.jsonClass);
        if (!type.equals(kind.noun) || !cls.equals(kind.jsonClass)) {
            throw GalleyException.badInput(source + " holds a " + (type.equals(kind.noun) ? cls : type) + ", not a "
                    + kind.noun);
        }
        if (doc.has("name")) {
            if (!doc.get("name").isTextual()) {
                throw GalleyException.badInput(source + ": \"name\" must be a string");
            }
            try {
                kind.checkName(doc.get("name").asText());
            } catch (GalleyException e) {
                throw GalleyException.badInput(source + ": " + e.getMessage());
            }
        }
        checkRunList(source, "run_list", doc.get("run_list"));
        if (doc.get("env_run_lists") instanceof ObjectNode envs) {
            for (Iterator<Map.Entry<String, JsonNode>> it = envs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkRunList(source, "env_run_lists." + e.getKey(), e.getValue());
            }
        }
        if (doc.get("cookbook_versions") instanceof ObjectNode constraints) {
            constraints.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || !CONSTRAINT.matcher(e.getValue().asText()).matches()) {
                    throw GalleyException.badInput(source + ": '" + e.getValue().asText() + "' for cookbook "
                            + e.getKey() + " is not a version constraint (write e.g. \"= 1.2.0\" or \"~> 2.0\")");
                }
            });
        }
        return doc;
    }

    /**
     * Checks the document names the object the command line names; a document without a name gets it.
     *
     * @throws GalleyException (bad input) for another name: Galley never renames by editing (knife would create a
     *                         second object)
     */
    static ObjectNode checkNamed(String source, ObjectNode doc, ObjectKind kind, String name) {
        if (!doc.has("name")) {
            doc.put("name", name);
        }
        check(source, doc, kind);
        String inDoc = doc.path("name").asText();
        if (!inDoc.equals(name)) {
            throw GalleyException.badInput(source + " is " + kind.label(inDoc) + ", not " + kind.label(name)
                    + ": Galley does not rename (create " + kind.label(inDoc) + " with 'galley " + kind.noun
                    + " from file')");
        }
        return doc;
    }

    private static void checkRunList(String source, String field, JsonNode list) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw GalleyException.badInput(source + ": \"" + field + "\" must be an array of run list entries");
        }
        for (JsonNode entry : list) {
            if (!entry.isTextual()) {
                throw GalleyException.badInput(source + ": \"" + field + "\" holds " + entry + ", not a run list "
                        + "entry like \"recipe[NAME]\"");
            }
            try {
                RunListItem.parse(entry.asText());
            } catch (GalleyException e) {
                throw GalleyException.badInput(source + ": " + e.getMessage());
            }
        }
    }
}
