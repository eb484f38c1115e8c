package dev.galley.lab;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code galley lab up} left running, so that later commands ({@code lab status}, {@code lab down}, the demo)
 * find it: one properties file per component under the lab's state directory, written before the command ends.
 */
public final class LabRegistry {
    private final Path root;

    public LabRegistry(Path root) {
        this.root = root;
    }

    /** {@code $XDG_STATE_HOME/galley/lab}, or {@code ~/.local/state/galley/lab}. */
    public static LabRegistry forUser(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state");
        return new LabRegistry(base.resolve("galley/lab"));
    }

    /**
     * A component left running.
     *
     * @param component "chef", "mariadb-old", ...
     * @param pid       its process id
     * @param started   the process's start time (guards against a recycled PID)
     * @param port      the loopback port it serves
     * @param directory its files
     * @param url       how to reach it
     */
    public record Entry(String component, long pid, Instant started, int port, Path directory, String url) {
    }

    /** The directory a component keeps its files in. */
    public Path directory(String component) {
        return root.resolve(component);
    }

    public void save(Entry e) {
        Properties p = new Properties();
        p.setProperty("component", e.component());
        p.setProperty("pid", Long.toString(e.pid()));
        p.setProperty("started", e.started().toString());
        p.setProperty("port", Integer.toString(e.port()));
        p.setProperty("directory", e.directory().toString());
        p.setProperty("url", e.url());
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, e.component(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "galley lab component");
            }
            Files.move(tmp, file(e.component()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record lab component " + e.component() + " in " + root, ex);
        }
    }

    public Optional<Entry> find(String component) {
        Path f = file(component);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
            return Optional.of(new Entry(p.getProperty("component"), Long.parseLong(p.getProperty("pid")),
                    Instant.parse(p.getProperty("started")), Integer.parseInt(p.getProperty("port")),
                    Path.of(p.getProperty("directory")), p.getProperty("url")));
        } catch (IOException | RuntimeException ex) {
            throw new LabException("the lab state file " + f + " is damaged (" + ex.getMessage() + "): stop the process "
                    + "it names by hand if it still runs, then delete the file");
        }
    }

    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*.properties")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                find(name.substring(0, name.length() - ".properties".length())).ifPresent(out::add);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.sort(java.util.Comparator.comparing(Entry::component));
        return out;
    }

    /** The running process of an entry, if it is still the same process. */
    public Optional<LabProcess> process(Entry e) {
        return LabProcess.adopt(e.component(), e.pid(), e.started(), e.directory().resolve(e.component() + ".log"));
    }

    public void remove(String component) {
        try {
            Files.deleteIfExists(file(component));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Path file(String component) {
        return root.resolve(component + ".properties");
    }
}
