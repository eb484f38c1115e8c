package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.galley.chef.internal.Paths;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley cookbook show COOKBOOK [VERSION [PART [FILE]]]}: a cookbook's versions, one version, one part of
 * it, or one file's content, as {@code knife cookbook show}.
 */
@Command(name = "show", description = "Show a cookbook's versions; with VERSION the version's manifest; with PART "
        + "(metadata, recipes, templates, files, attributes, libraries, root_files, ...) that part; with FILE the "
        + "file's content, picked for --fqdn / --platform / --platform-version as chef-client would.")
public final class CookbookShowCommand extends KnifeCommand {
    @Parameters(index = "0", paramLabel = "COOKBOOK")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1", description = "A version, or 'latest'.")
    String version;

    @Parameters(index = "2", paramLabel = "PART", arity = "0..1")
    String part;

    @Parameters(index = "3", paramLabel = "FILE", arity = "0..1")
    String file;

    @Option(names = {"-f", "--fqdn"}, paramLabel = "FQDN", description = "The host to pick the file for.")
    String fqdn;

    @Option(names = {"-p", "--platform"}, paramLabel = "PLATFORM", description = "The platform to pick the file for.")
    String platform;

    @Option(names = {"-V", "--platform-version"}, paramLabel = "VERSION",
            description = "The platform version to pick the file for.")
    String platformVersion;

    @Option(names = {"-w", "--with-uri"}, description = "Show each version's URI.")
    boolean withUri;

    @Override
    protected int run(KnifeSession session) {
        if (version == null) {
            String env = session.options().environment();
            String path = env == null ? Paths.of("cookbooks", name) : Paths.of("environments", env, "cookbooks", name);
            JsonNode answer = session.chef().raw().request("GET", path, new byte[0]).json();
            session.output().print(CookbookCommand.versionListing(answer, withUri, session.output().format()));
            return 0;
        }
        String v = version.equals("latest") ? "_latest" : version;
        JsonNode cookbook = session.chef().raw().request("GET", Paths.of("cookbooks", name, v), new byte[0]).json();
        if (part == null) {
            session.output().print(cookbook);
            return 0;
        }
        if (part.equals("metadata")) {
            session.output().print(cookbook.path("metadata"));
            return 0;
        }
        ArrayNode records = filesOf(cookbook, part);
        if (file == null) {
            session.output().print(records);
            return 0;
        }
        String path = pick(records, part, file).orElseThrow(() -> GalleyException.badInput("cookbook " + name + " "
                + cookbook.path("version").asText(v) + " has no " + part + " file " + file + ": list them with "
                + "'galley cookbook show " + name + " " + version + " " + part + "'"));
        PrintFile.print(session, content(session, cookbook.path("version").asText(v), path));
        return 0;
    }

    /** A segment's files: the v0 segment array, or the all_files records under the segment (API v2). */
    static ArrayNode filesOf(JsonNode cookbook, String segment) {
        if (cookbook.path(segment).isArray()) {
            return (ArrayNode) cookbook.path(segment);
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode f : cookbook.path("all_files")) {
            String n = f.path("name").asText();
            boolean inSegment = segment.equals("root_files") ? !n.contains("/") : n.startsWith(segment + "/");
            if (inSegment) {
                out.add(f);
            }
        }
        return out;
    }

    /** Chef's preferred_manifest_record: host, platform-version, platform, default, then the plain path. */
    private Optional<String> pick(ArrayNode records, String segment, String fileName) {
        List<String> candidates = new ArrayList<>();
        if (segment.equals("root_files")) {
            candidates.add(fileName);
        } else {
            if (fqdn != null) {
                candidates.add(segment + "/host-" + fqdn + "/" + fileName);
            }
            if (platform != null && platformVersion != null) {
                candidates.add(segment + "/" + platform + "-" + platformVersion + "/" + fileName);
            }
            if (platform != null) {
                candidates.add(segment + "/" + platform + "/" + fileName);
            }
            candidates.add(segment + "/default/" + fileName);
            candidates.add(segment + "/" + fileName);
        }
        for (String c : candidates) {
            for (JsonNode r : records) {
                if (r.path("path").asText().equals(c)) {
                    return Optional.of(c);
                }
            }
        }
        for (JsonNode r : records) {
            if (r.path("name").asText().equals(fileName) || r.path("path").asText().equals(fileName)) {
                return Optional.of(r.path("path").asText());
            }
        }
        return Optional.empty();
    }

    /** The file's bytes: the version is downloaded (checksums checked) into a temporary directory and read. */
    private byte[] content(KnifeSession session, String exactVersion, String path) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("galley-cookbook-show-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path root = session.chef().cookbooks().download(name, exactVersion, tmp, true);
            return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Prints a file's content as knife's pretty_print does: as it is, with a final newline. */
    static final class PrintFile {
        private PrintFile() {
        }

        static void print(KnifeSession session, byte[] content) {
            String text = new String(content, StandardCharsets.UTF_8);
            session.console().out().print(text.endsWith("\n") ? text : text + "\n");
            session.console().out().flush();
        }
    }
}
