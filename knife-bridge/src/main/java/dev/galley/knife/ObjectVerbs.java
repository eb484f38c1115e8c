package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.core.GalleyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The verbs nodes, roles and environments share, each bound to its kind by a one-line subclass in the family's
 * command class.
 */
final class ObjectVerbs {
    private ObjectVerbs() {
    }

    /** {@code list [-w]}: the names, one a line; with {@code -w} each with its URL. */
    abstract static class ListVerb extends KnifeCommand {
        @Option(names = {"-w", "--with-uri"}, description = "Show each name with its URL.")
        boolean withUri;

        abstract ObjectKind kind();

        /** The server's listing to show ({@code node list -E} lists one environment's nodes). */
        JsonNode serverListing(KnifeSession session) {
            return kind().listing(session);
        }

        @Override
        protected int run(KnifeSession session) {
            session.output().print(ObjectViews.listing(serverListing(session), withUri));
            return 0;
        }
    }

    /** {@code show NAME [-a ATTR]...}: the object as the server holds it, or the attributes asked for. */
    abstract static class ShowVerb extends KnifeCommand {
        @Parameters(paramLabel = "NAME", description = "The object to show.")
        String name;

        @Option(names = {"-a", "--attribute"}, paramLabel = "ATTR",
                description = "Show only this attribute (a dotted path such as default_attributes.app.port); "
                        + "repeatable.")
        List<String> attributes;

        @Option(names = {"-S", "--field-separator"}, paramLabel = "SEPARATOR", defaultValue = ".",
                description = "Separator of the parts of an --attribute path (default '.').")
        String separator;

        abstract ObjectKind kind();

        @Override
        protected int run(KnifeSession session) {
            JsonNode doc = kind().fetch(session, name);
            if (attributes != null && !attributes.isEmpty()) {
                session.output().print(ObjectViews.attributes(name, null, doc, attributes, separator));
            } else {
                session.output().print(doc);
            }
            return 0;
        }
    }

    /** {@code create NAME}: a new object from the template, an --input file or the editor. */
    abstract static class CreateVerb extends KnifeCommand {
        @Parameters(paramLabel = "NAME", description = "The name of the new object.")
        String name;

        @Option(names = {"-i", "--input"}, paramLabel = "FILE",
                description = "Create the object from this JSON file instead of opening an editor.")
        Path input;

        abstract ObjectKind kind();

        /** What the editor starts from, and what --disable-editing creates. */
        abstract ObjectNode template(String name);

        @Override
        protected int run(KnifeSession session) {
            ObjectKind kind = kind();
            kind.checkName(name);
            if (kind.exists(session.chef(), name)) {
                throw GalleyException.badInput(kind.noun + " '" + name + "' already exists: change it with 'galley "
                        + kind.noun + " edit " + name + "'");
            }
            ObjectNode doc = ObjectEditor.obtain(session, input, template(name), kind.noun + " create");
            String source = source(session, input, kind);
            ObjectFiles.checkNamed(source, doc, kind, name);
            kind.create(session, doc, source);
            session.info("Created " + kind.label(name));
            return 0;
        }
    }

    /** {@code edit NAME}: replaces the object with the edited JSON, as knife's edit_object (roles, environments). */
    abstract static class EditVerb extends KnifeCommand {
        @Parameters(paramLabel = "NAME", description = "The object to edit.")
        String name;

        @Option(names = {"-i", "--input"}, paramLabel = "FILE",
                description = "Replace the object with this JSON file instead of opening an editor.")
        Path input;

        abstract ObjectKind kind();

        @Override
        protected int run(KnifeSession session) {
            ObjectKind kind = kind();
            ObjectNode current = (ObjectNode) kind.fetch(session, name);
            ObjectNode doc = ObjectEditor.obtain(session, input, current.deepCopy(), kind.noun + " edit");
            String source = source(session, input, kind);
            ObjectFiles.checkNamed(source, doc, kind, name);
            if (kind.record(doc, source).equals(kind.record(current, "the server's " + kind.noun))) {
                session.info("Object unchanged, not saving");
                return 0;
            }
            kind.save(session, doc, source);
            session.info("Saved " + kind.label(name));
            return 0;
        }
    }

    /** {@code delete NAME...}: asks for each (unless -y) after checking that every one exists. */
    abstract static class DeleteVerb extends KnifeCommand {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "The objects to delete.")
        List<String> names;

        abstract ObjectKind kind();

        @Override
        protected int run(KnifeSession session) {
            ObjectKind kind = kind();
            for (String name : names) {
                kind.checkName(name);
                if (kind == ObjectKind.ENVIRONMENT && name.equals("_default")) {
                    throw GalleyException.badInput("the _default environment cannot be deleted");
                }
                if (!kind.exists(session.chef(), name)) {
                    throw kind.notFound(session, name);
                }
            }
            for (String name : names) {
                session.confirm("Do you really want to delete " + kind.noun + " " + name);
                kind.delete(session.chef(), name);
                session.info("Deleted " + kind.label(name));
            }
            return 0;
        }
    }

    /** {@code bulk delete REGEX}: lists the names the expression finds, asks once, deletes each. */
    abstract static class BulkDeleteVerb extends KnifeCommand {
        @Parameters(paramLabel = "REGEX", description = "A regular expression; every name it matches is deleted.")
        String regex;

        abstract ObjectKind kind();

        @Override
        protected int run(KnifeSession session) {
            ObjectKind kind = kind();
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw GalleyException.badInput("'" + regex + "' is not a valid regular expression: "
                        + e.getDescription());
            }
            List<String> matching = kind.names(session.chef()).stream().filter(n -> pattern.matcher(n).find())
                    .toList();
            if (matching.isEmpty()) {
                session.info("No " + kind.plural + " match the expression /" + regex + "/");
                return 0;
            }
            session.info("The following " + kind.plural + " will be deleted:\n\n"
                    + Columns.down(matching, Columns.LINE_WIDTH));
            session.confirm("Are you sure you want to delete these " + kind.plural);
            for (String name : matching) {
                kind.delete(session.chef(), name);
                session.info("Deleted " + kind.noun + " " + name);
            }
            return 0;
        }
    }

    /** {@code from file FILE...}: creates or replaces each object from its JSON file; all are checked first. */
    abstract static class FromFileVerb extends KnifeCommand {
        @Parameters(arity = "0..*", paramLabel = "FILE",
                description = "JSON files, found as given or in the chef repo directory (nodes/, roles/, ...).")
        List<String> files = new ArrayList<>();

        abstract ObjectKind kind();

        /** The files to load when none are named (environment from file --all). */
        List<Path> defaultFiles(KnifeSession session) {
            throw GalleyException.badInput("give the " + kind().noun + " file(s) to load");
        }

        @Override
        protected int run(KnifeSession session) {
            ObjectKind kind = kind();
            List<Path> paths = new ArrayList<>();
            if (files.isEmpty()) {
                paths.addAll(defaultFiles(session));
            }
            files.forEach(f -> paths.add(ObjectFiles.locate(session.console().cwd(), kind, f)));
            Map<Path, ObjectNode> docs = new LinkedHashMap<>();
            for (Path p : paths) {
                docs.put(p, ObjectFiles.readNamed(p, kind));
            }
            for (Map.Entry<Path, ObjectNode> e : docs.entrySet()) {
                kind.record(e.getValue(), e.getKey().toString());
            }
            docs.forEach((path, doc) -> {
                kind.save(session, doc, path.toString());
                session.info("Updated " + kind.title + " " + doc.get("name").asText());
            });
            return 0;
        }
    }

    /** How errors name the JSON a create or edit got. */
    static String source(KnifeSession session, Path input, ObjectKind kind) {
        if (input != null) {
            return session.console().cwd().resolve(input).toString();
        }
        return session.options().disableEditing() ? "the new " + kind.noun : "the edited JSON";
    }
}
