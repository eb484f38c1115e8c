package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.internal.Paths;
import dev.galley.chef.internal.cookbook.VersionOrder;
import dev.galley.core.GalleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley cookbook ...}: cookbooks on the server, as {@code knife cookbook}.
 */
@Command(name = "cookbook", description = "Cookbooks (knife cookbook).",
        subcommands = {CookbookCommand.CookbookList.class, CookbookShowCommand.class, CookbookUploadCommand.class,
            CookbookDownloadCommand.class, CookbookCommand.Delete.class, CookbookCommand.Bulk.class})
public final class CookbookCommand {
    private CookbookCommand() {
    }

    /** {@code galley cookbook list [-a] [-w]}: each cookbook with its latest (or every) version. */
    @Command(name = "list", description = "List the cookbooks with their latest version (-a: every version; with "
            + "-E ENV, those the environment allows).")
    public static final class CookbookList extends KnifeCommand {
        @Option(names = {"-a", "--all"}, description = "Show every version.")
        boolean allVersions;

        @Option(names = {"-w", "--with-uri"}, description = "Show each version's URI.")
        boolean withUri;

        @Override
        protected int run(KnifeSession session) {
            String env = session.options().environment();
            String path = (env == null ? "/cookbooks" : Paths.of("environments", env, "cookbooks"))
                    + "?num_versions=" + (allVersions ? "all" : "1");
            JsonNode answer = session.chef().raw().request("GET", path, new byte[0]).json();
            session.output().print(versionListing(answer, withUri, session.output().format()));
            return 0;
        }
    }

    /**
     * knife's {@code format_cookbook_list_for_display}: name to versions (newest first); in the summary format the
     * versions joined by spaces; with URIs, name to version to URI.
     */
    static JsonNode versionListing(JsonNode answer, boolean withUri, OutputFormat format) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>();
        answer.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        for (String name : names) {
            List<JsonNode> versions = new ArrayList<>();
            answer.path(name).path("versions").forEach(versions::add);
            versions.sort((a, b) -> VersionOrder.NEWEST_FIRST.compare(a.path("version").asText(),
                    b.path("version").asText()));
            if (withUri) {
                ObjectNode byVersion = out.putObject(name);
                versions.forEach(v -> byVersion.put(v.path("version").asText(), v.path("url").asText()));
            } else if (format == OutputFormat.SUMMARY) {
                out.put(name, String.join(" ", versions.stream().map(v -> v.path("version").asText()).toList()));
            } else {
                ArrayNode list = out.putArray(name);
                versions.forEach(v -> list.add(v.path("version").asText()));
            }
        }
        return out;
    }

    /** {@code galley cookbook delete NAME [VERSION] [-a] [-p]}. */
    @Command(name = "delete", description = "Delete one version of a cookbook, or every version with -a. Without "
            + "VERSION, a cookbook with one version loses it; with several, Galley asks which.")
    public static final class Delete extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "COOKBOOK")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1")
        String version;

        @Option(names = {"-a", "--all"}, description = "Delete every version.")
        boolean all;

        @Option(names = {"-p", "--purge"}, description = "Also remove the files from the server's store (files "
                + "shared with other cookbooks are removed too).")
        boolean purge;

        @Override
        protected int run(KnifeSession session) {
            if (purge) {
                session.confirm("Files that are common to multiple cookbooks are shared, so purging the files may "
                        + "disable other cookbooks. Are you sure you want to purge files instead of just deleting "
                        + "the cookbook");
            }
            if (version != null) {
                session.confirm("Do you really want to delete " + name + " version " + version);
                session.chef().cookbooks().delete(name, version, purge);
                session.info("Deleted cookbook[" + name + " version " + version + "]");
                return 0;
            }
            List<String> versions = versions(session, name);
            if (all) {
                session.confirm("Do you really want to delete all versions of " + name);
                deleteEach(session, versions);
            } else if (versions.size() == 1) {
                session.confirm("Do you really want to delete " + name + " version " + versions.get(0));
                session.chef().cookbooks().delete(name, versions.get(0), purge);
                session.info("Deleted cookbook[" + name + " version " + versions.get(0) + "]");
            } else {
                deleteEach(session, choose(session, versions));
            }
            return 0;
        }

        private void deleteEach(KnifeSession session, List<String> versions) {
            for (String v : versions) {
                session.chef().cookbooks().delete(name, v, purge);
                session.info("Deleted cookbook[" + name + "][" + v + "]");
            }
        }

        /** knife's question: numbered versions and "All versions", answered with numbers separated by commas. */
        private List<String> choose(KnifeSession session, List<String> versions) {
            StringBuilder q = new StringBuilder("Which version(s) do you want to delete?\n");
            for (int i = 0; i < versions.size(); i++) {
                q.append(i + 1).append(". ").append(name).append(' ').append(versions.get(i)).append('\n');
            }
            q.append(versions.size() + 1).append(". All versions\n");
            String answer = Prompts.ask(session, q.toString(), "cookbook " + name + " has " + versions.size()
                    + " versions: give VERSION, or -a for all of them");
            List<String> chosen = new ArrayList<>();
            for (String part : answer.split(",")) {
                String p = part.strip();
                int n;
                try {
                    n = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw GalleyException.badInput("'" + p + "' is not one of the numbers offered: nothing was "
                            + "deleted");
                }
                if (n == versions.size() + 1) {
                    return versions;
                }
                if (n < 1 || n > versions.size()) {
                    throw GalleyException.badInput(n + " is not one of the numbers offered: nothing was deleted");
                }
                chosen.add(versions.get(n - 1));
            }
            return chosen;
        }
    }

    /** {@code galley cookbook bulk}: only {@code delete}. */
    @Command(name = "bulk", description = "Act on many cookbooks at once.", subcommands = BulkDelete.class)
    public static final class Bulk {
    }

    /** {@code galley cookbook bulk delete REGEX [-p]}: every version of every matching cookbook. */
    @Command(name = "delete", description = "Delete every version of every cookbook whose name matches REGEX.")
    public static final class BulkDelete extends KnifeCommand {
        @Parameters(paramLabel = "REGEX")
        String regex;

        @Option(names = {"-p", "--purge"}, description = "Also remove the files from the server's store.")
        boolean purge;

        @Override
        protected int run(KnifeSession session) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw GalleyException.badInput("'" + regex + "' is not a regular expression: " + e.getDescription());
            }
            Map<String, dev.galley.chef.CookbookSummary> all = session.chef().cookbooks().list(0);
            List<String> names = all.keySet().stream().filter(n -> pattern.matcher(n).find()).sorted().toList();
            if (names.isEmpty()) {
                session.info("No cookbooks match the expression /" + regex + "/");
                return 0;
            }
            session.info("All versions of the following cookbooks will be deleted:");
            session.info("");
            names.forEach(n -> session.info("  " + n));
            session.info("");
            session.confirm("Do you really want to delete these cookbooks");
            if (purge) {
                session.info("Files that are common to multiple cookbooks are shared, so purging the files may "
                        + "break other cookbooks.");
                session.confirm("Are you sure you want to purge files instead of just deleting the cookbooks");
            }
            for (String name : names) {
                for (String v : all.get(name).versionNumbers()) {
                    session.chef().cookbooks().delete(name, v, purge);
                    session.info("Deleted cookbook  " + pad(name, 25) + " [" + v + "]");
                }
            }
            return 0;
        }
    }

    /** The versions of a cookbook on the server, newest first. */
    static List<String> versions(KnifeSession session, String name) {
        try {
            return session.chef().cookbooks().versions(name);
        } catch (ChefNotFoundException e) {
            throw GalleyException.badInput("cannot find a cookbook named " + name + " on the server: check the "
                    + "name with 'galley cookbook list'");
        }
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
