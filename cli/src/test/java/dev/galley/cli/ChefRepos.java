package dev.galley.cli;

import dev.galley.lab.GoiardiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Chef repositories for the upload, download and diff tests: the fixture repository, and small ones made here. */
final class ChefRepos {
    private ChefRepos() {
    }

    /** The fixture repository in the test resources (never written to: tests work on a copy). */
    static Path fixture() {
        try {
            return Path.of(ChefRepos.class.getResource("/chef-repo").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture repository in {@code target}. */
    static Path copyOfFixture(Path target) {
        Path source = fixture();
        files(source).forEach((rel, bytes) -> write(target.resolve(rel), bytes));
        return target;
    }

    /** Every file below {@code root} by its relative path ("roles/web.json"), with its bytes. */
    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Writes a file (and its directories). */
    static Path write(Path file, String text) {
        return write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A knife config in {@code home}/.chef/config.rb for the lab server's admin, so that the chef repository
     * defaults to {@code home} (the directory above .chef/) and the tests' working directory is its root.
     */
    static Path homeConfig(Path home, GoiardiServer server) {
        return write(home.resolve(".chef/config.rb"), "node_name \"admin\"\n"
                + "client_key \"" + server.adminKey() + "\"\n"
                + "chef_server_url \"" + server.url() + "\"\n"
                + server.caCertificate().map(ca -> "ssl_ca_file \"" + ca + "\"\n").orElse(""));
    }
}
