package dev.galley.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Chef server for tests and the demo: goiardi (Debian package {@code goiardi}), in memory, with signature
 * checking on, on a free loopback port, in its own directory, stopped by PID.
 *
 * <p>goiardi behaves like Chef Server 11: no organizations, server API versions 0 and 1, and an empty 200 for
 * paths it does not implement (shared/reference/chef-api.md §5). It writes fresh {@code admin.pem},
 * {@code chef-validator.pem} and {@code chef-webui.pem} into its directory at every start.</p>
 */
public final class GoiardiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GoiardiServer.class);
    public static final String ADMIN = "admin";
    public static final String VALIDATOR = "chef-validator";

    private final Path dir;
    private final boolean ownsDirectory;
    private final int port;
    private final boolean tls;
    private final LabProcess process;

    private GoiardiServer(Path dir, boolean ownsDirectory, int port, boolean tls, LabProcess process) {
        this.dir = dir;
        this.ownsDirectory = ownsDirectory;
        this.port = port;
        this.tls = tls;
        this.process = process;
    }

    /** How to start one. */
    public record Options(boolean tls, Duration timeSlew, Optional<Path> directory, Duration startTimeout) {
        public Options {
            directory = directory == null ? Optional.empty() : directory;
        }

        public static Options defaults() {
            return new Options(false, Duration.ofMinutes(15), Optional.empty(), Duration.ofSeconds(60));
        }

        /** Serve HTTPS with a certificate from a throwaway lab CA ({@link #caCertificate()}). */
        public Options withTls() {
            return new Options(true, timeSlew, directory, startTimeout);
        }

        /** Keep the server's files in this directory (kept after stop) instead of a temporary one. */
        public Options in(Path dir) {
            return new Options(tls, timeSlew, Optional.of(dir), startTimeout);
        }
    }

    public static GoiardiServer start() {
        return start(Options.defaults());
    }

    /**
     * Installs goiardi if needed, starts it and waits until it listens and has written its keys.
     *
     * @throws LabException saying why it did not come up (exit code and log tail, or the deadline)
     */
    public static GoiardiServer start(Options options) {
        DebianPackages.ensure("goiardi");
        if (options.tls()) {
            DebianPackages.ensure("openssl");
        }
        Path dir;
        try {
            dir = options.directory().isPresent() ? Files.createDirectories(options.directory().get())
                    : Files.createTempDirectory("galley-goiardi-");
        } catch (IOException e) {
            throw new LabException("cannot create the goiardi directory: " + e.getMessage(), e);
        }
        LabException last = null;
        for (int tries = 0; tries < 3; tries++) {
            int port = LoopbackPorts.free();
            try {
                return launch(dir, options.directory().isEmpty(), port, options);
            } catch (LabException e) {
                last = e; // most often another process took the port between our check and goiardi's bind
                log.debug("goiardi did not start on port {}: {}", port, e.getMessage());
            }
        }
        throw last;
    }

    private static GoiardiServer launch(Path dir, boolean ownsDirectory, int port, Options options) {
        try {
            for (String pem : List.of("admin.pem", "chef-validator.pem", "chef-webui.pem")) {
                Files.deleteIfExists(dir.resolve(pem));
            }
        } catch (IOException e) {
            throw new LabException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>(List.of("goiardi", "-A", "-I", "127.0.0.1", "-P", Integer.toString(port),
                "-H", "127.0.0.1", "--conf-root", dir.toString(), "-g", "info",
                "--time-slew", options.timeSlew().toSeconds() + "s"));
        if (options.tls()) {
            makeCertificates(dir);
            cmd.addAll(List.of("--use-ssl", "--ssl-cert", dir.resolve("server.crt").toString(),
                    "--ssl-key", dir.resolve("server.key").toString()));
        }
        LabProcess p = LabProcess.start("goiardi", cmd, dir, dir.resolve("goiardi.log"), Map.of());
        GoiardiServer server = new GoiardiServer(dir, ownsDirectory, port, options.tls(), p);
        try {
            Waits.until(options.startTimeout(), "goiardi to listen on 127.0.0.1:" + port + " and write admin.pem",
                    () -> LoopbackPorts.listening(port) && readable(dir.resolve("admin.pem")), p::deathReason);
        } catch (LabException e) {
            p.close();
            throw e;
        }
        log.info("goiardi (pid {}) serves {}", p.pid(), server.url());
        return server;
    }

    private static boolean readable(Path pem) {
        try {
            return Files.isRegularFile(pem) && Files.readString(pem).contains("-----END");
        } catch (IOException e) {
            return false;
        }
    }

    private static void makeCertificates(Path dir) {
        if (Files.isRegularFile(dir.resolve("server.crt"))) {
            return;
        }
        String ext = "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\n";
        try {
            Files.writeString(dir.resolve("server.ext"), ext);
        } catch (IOException e) {
            throw new LabException("cannot write " + dir + ": " + e.getMessage(), e);
        }
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "30", "-subj", "/CN=Galley lab CA");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "30", "-extfile", "server.ext");
    }

    private static void openssl(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new LabException("openssl " + args[0] + " failed: " + DebianPackages.tail(out, 3));
            }
        } catch (IOException e) {
            throw new LabException("cannot run openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while making lab certificates");
        }
    }

    /** The server URL (no organization: goiardi has none). */
    public URI url() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    /** The admin user's key, written by goiardi at start. */
    public Path adminKey() {
        return dir.resolve("admin.pem");
    }

    /** The validator client's key. */
    public Path validatorKey() {
        return dir.resolve("chef-validator.pem");
    }

    /** The CA that signed the server's certificate, when serving HTTPS. */
    public Optional<Path> caCertificate() {
        return tls ? Optional.of(dir.resolve("ca.crt")) : Optional.empty();
    }

    public LabProcess process() {
        return process;
    }

    /**
     * Writes a knife configuration for the admin user next to the keys ({@code config.rb}, plus a
     * {@code credentials} file with a {@code galley-lab} profile) and returns the config.rb path.
     */
    public Path writeKnifeConfig() {
        Path config = dir.resolve("config.rb");
        StringBuilder rb = new StringBuilder()
                .append("# Written by the Galley lab for the goiardi server it started.\n")
                .append("current_dir = File.dirname(__FILE__)\n")
                .append("node_name        \"").append(ADMIN).append("\"\n")
                .append("client_key       \"#{current_dir}/admin.pem\"\n")
                .append("chef_server_url  \"").append(url()).append("\"\n")
                .append("validation_client_name \"").append(VALIDATOR).append("\"\n")
                .append("validation_key   \"#{current_dir}/chef-validator.pem\"\n");
        caCertificate().ifPresent(ca -> rb.append("ssl_ca_file      \"#{current_dir}/ca.crt\"\n"));
        try {
            Files.writeString(config, rb.toString());
            Files.writeString(dir.resolve("credentials"), credentialsProfile("galley-lab"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** A {@code ~/.chef/credentials} profile for the admin user, as TOML. */
    public String credentialsProfile(String profile) {
        return "[" + profile + "]\n"
                + "client_name = \"" + ADMIN + "\"\n"
                + "client_key = \"" + adminKey() + "\"\n"
                + "chef_server_url = \"" + url() + "\"\n"
                + caCertificate().map(ca -> "ssl_ca_file = \"" + ca + "\"\n").orElse("");
    }

    /** The registry entry that lets a later command find and stop this server. */
    public LabRegistry.Entry registryEntry(String component) {
        return new LabRegistry.Entry(component, process.pid(), process.started(), port, dir, url().toString());
    }

    /** Stops goiardi by PID and removes its temporary directory (a directory given in the options is kept). */
    @Override
    public void close() {
        process.close();
        if (ownsDirectory) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                log.warn("could not remove {}: {}", dir, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "goiardi " + url() + " (pid " + process.pid() + ", " + dir + ")";
    }
}
