package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.Environment;
import dev.galley.chef.internal.Json;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley environment ...}: knife's environment commands.
 */
@Command(name = "environment", description = "List, show, create, edit, delete and compare environments "
        + "(knife environment).",
        subcommands = {EnvironmentCommand.List.class, EnvironmentCommand.Show.class, EnvironmentCommand.Create.class,
            EnvironmentCommand.Edit.class, EnvironmentCommand.Delete.class, EnvironmentCommand.From.class,
            EnvironmentCommand.Compare.class})
public final class EnvironmentCommand {

    /** {@code galley environment list [-w]}. */
    @Command(name = "list", description = "List the environments, one a line.")
    public static final class List extends ObjectVerbs.ListVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ENVIRONMENT;
        }
    }

    /** {@code galley environment show ENVIRONMENT [-a ATTR]...}. */
    @Command(name = "show", description = "Show an environment.")
    public static final class Show extends ObjectVerbs.ShowVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ENVIRONMENT;
        }
    }

    /** {@code galley environment create ENVIRONMENT [-d DESCRIPTION]}. */
    @Command(name = "create", description = "Create an environment: from --input FILE, as it is with "
            + "--disable-editing, or in $EDITOR on a terminal.")
    public static final class Create extends ObjectVerbs.CreateVerb {
        @Option(names = {"-d", "--description"}, paramLabel = "DESCRIPTION",
                description = "The environment's description.")
        String description;

        @Override
        ObjectKind kind() {
            return ObjectKind.ENVIRONMENT;
        }

        @Override
        ObjectNode template(String name) {
            Environment env = Environment.named(name);
            return (ObjectNode) Json.tree(description == null ? env : env.withDescription(description));
        }
    }

    /** {@code galley environment edit ENVIRONMENT}. */
    @Command(name = "edit", description = "Replace an environment with the JSON of --input FILE (or of $EDITOR on a "
            + "terminal); it cannot be renamed.")
    public static final class Edit extends ObjectVerbs.EditVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ENVIRONMENT;
        }
    }

    /** {@code galley environment delete ENVIRONMENT...}. */
    @Command(name = "delete", description = "Delete environments (asks for each unless -y).")
    public static final class Delete extends ObjectVerbs.DeleteVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.ENVIRONMENT;
        }
    }

    /** {@code galley environment from file FILE... | --all}. */
    @Command(name = "from", description = "Create or replace environments from JSON files.",
            subcommands = From.File.class)
    public static final class From {
        /** The command itself. */
        @Command(name = "file", description = "Create or replace environments from JSON files (Galley reads JSON "
                + "only, never Ruby); every file is checked before any is saved.")
        public static final class File extends ObjectVerbs.FromFileVerb {
            @Option(names = {"-a", "--all"}, description = "Load every environments/*.json file.")
            boolean all;

            @Override
            ObjectKind kind() {
                return ObjectKind.ENVIRONMENT;
            }

            @Override
            java.util.List<Path> defaultFiles(KnifeSession session) {
                if (!all) {
                    return super.defaultFiles(session);
                }
                Path dir = session.console().cwd().resolve("environments");
                java.util.List<Path> found;
                try (Stream<Path> s = Files.list(dir)) {
                    found = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".rb")).sorted()
                            .toList();
                } catch (IOException e) {
                    found = java.util.List.of();
                }
                if (found.isEmpty()) {
                    throw GalleyException.badInput("no environment files in " + dir);
                }
                return found;
            }
        }
    }

    /** {@code galley environment compare [ENVIRONMENT...] [-a] [-m]}. */
    @Command(name = "compare", description = "Show the cookbook version constraints of environments side by side "
            + "(all environments when none are named).")
    public static final class Compare extends KnifeCommand {
        @Parameters(arity = "0..*", paramLabel = "ENVIRONMENT")
        java.util.List<String> names = new ArrayList<>();

        @Option(names = {"-a", "--all"}, description = "Show every cookbook on the server, not only constrained ones.")
        boolean all;

        @Option(names = {"-m", "--mismatch"}, description = "Show only cookbooks whose constraints differ.")
        boolean mismatch;

        @Override
        protected int run(KnifeSession session) {
            java.util.List<String> envs = names.isEmpty() ? ObjectKind.ENVIRONMENT.names(session.chef()) : names;
            // knife leaves _default out: it cannot have constraints.
            Map<String, JsonNode> constraints = new LinkedHashMap<>();
            for (String env : envs) {
                if (!env.equals("_default")) {
                    JsonNode doc = ObjectKind.ENVIRONMENT.fetch(session, env);
                    constraints.put(env, doc.path("cookbook_versions"));
                }
            }
            LinkedHashSet<String> constrained = new LinkedHashSet<>();
            constraints.values().forEach(c -> c.fieldNames().forEachRemaining(constrained::add));
            if (constrained.isEmpty() && !all) {
                throw GalleyException.badInput("no cookbook version constraints in " + String.join(", ",
                        constraints.keySet().isEmpty() ? envs : constraints.keySet())
                        + ": nothing to compare (--all lists every cookbook)");
            }
            java.util.Collection<String> cookbooks = all ? session.chef().cookbooks().list(1).keySet() : constrained;
            Output out = session.output();
            if (out.format() == OutputFormat.SUMMARY) {
                out.writer().print(Columns.across(matrix(constraints, cookbooks, mismatch), constraints.size() + 1,
                        session.color()));
                out.writer().flush();
            } else {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                constraints.forEach(doc::set);
                out.print(doc);
            }
            return 0;
        }

        /**
         * knife's matrix: a header row of environment names, then one row per cookbook with each environment's
         * constraint ("latest" where it has none); rows that differ are yellow.
         */
        static java.util.List<Columns.Cell> matrix(Map<String, JsonNode> constraints, Iterable<String> cookbooks,
                boolean mismatchOnly) {
            String bold = "\u001b[1m";
            java.util.List<Columns.Cell> cells = new ArrayList<>();
            cells.add(new Columns.Cell("", null));
            constraints.keySet().forEach(env -> cells.add(new Columns.Cell(env, bold)));
            for (String cookbook : cookbooks) {
                java.util.List<String> values = constraints.values().stream()
                        .map(c -> c.hasNonNull(cookbook) ? c.get(cookbook).asText() : null).toList();
                boolean same = values.stream().distinct().count() <= 1;
                if (same && mismatchOnly) {
                    continue;
                }
                String colour = same ? "\u001b[37m" : "\u001b[33m";
                cells.add(new Columns.Cell(cookbook, bold));
                values.forEach(v -> cells.add(new Columns.Cell(Objects.requireNonNullElse(v, "latest"), colour)));
            }
            return cells;
        }
    }
}
