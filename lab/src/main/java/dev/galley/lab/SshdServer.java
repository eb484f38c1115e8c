package dev.galley.lab;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenSSH server for tests and benchmarks: Debian's {@code sshd} on free loopback ports, key-only
 * authentication, its own host key and authorized_keys in its own temporary directory, started in its own session
 * and stopped by PID. It logs in the user the tests run as (root here).
 *
 * <p>One server can listen on several ports ({@link Options#withPorts(int)}), each port a separate host to a client
 * (its own TCP connection and SSH session); sshd takes at most 16 listen addresses, so every 16 ports are one more
 * sshd process with the same keys. {@link #restart(boolean)} with a new host key makes a host whose key changed.</p>
 */
public final class SshdServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SshdServer.class);
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private final Path dir;
    private final List<Integer> ports;
    private final Path clientKey;
    private final Options options;
    /** sshd listens on at most 16 addresses (MAX_LISTEN_SOCKS), so more ports take more processes. */
    private static final int PORTS_PER_PROCESS = 16;

    private final List<LabProcess> processes = new ArrayList<>();

    private SshdServer(Path dir, List<Integer> ports, Path clientKey, Options options) {
        this.dir = dir;
        this.ports = List.copyOf(ports);
        this.clientKey = clientKey;
        this.options = options;
    }

    /**
     * How to start one.
     *
     * @param ports        how many loopback ports to listen on
     * @param clientKey    a private key whose public half ({@code .pub}) to authorize; empty: make one
     * @param hostKeyType  the host key's type ("ed25519", "rsa", "ecdsa")
     * @param startTimeout how long to wait for every port to listen
     */
    public record Options(int ports, Optional<Path> clientKey, String hostKeyType, Duration startTimeout) {
        public Options {
            if (ports < 1) {
                throw new IllegalArgumentException("an sshd needs at least one port: " + ports);
            }
            clientKey = clientKey == null ? Optional.empty() : clientKey;
        }

        public static Options defaults() {
            return new Options(1, Optional.empty(), "ed25519", Duration.ofSeconds(30));
        }

        public Options withPorts(int count) {
            return new Options(count, clientKey, hostKeyType, startTimeout);
        }

        /** Authorize this key (for several servers that one client key logs in to). */
        public Options withClientKey(Path privateKey) {
            return new Options(ports, Optional.of(privateKey), hostKeyType, startTimeout);
        }

        public Options withHostKeyType(String type) {
            return new Options(ports, clientKey, type, startTimeout);
        }
    }

    public static SshdServer start() {
        return start(Options.defaults());
    }

    /**
     * Installs openssh-server if needed, writes keys and configuration, checks it with {@code sshd -t}, starts sshd
     * and waits until every port listens.
     *
     * @throws LabException saying why it did not come up (the check's complaint, exit code and log tail, the deadline)
     */
    public static SshdServer start(Options options) {
        DebianPackages.ensure("openssh-server", "openssh-client");
        ensurePrivilegeSeparationDirectory();
        Path dir;
        try {
            dir = Files.createTempDirectory("galley-sshd-");
        } catch (IOException e) {
            throw new LabException("cannot create the sshd directory: " + e.getMessage(), e);
        }
        try {
            Path clientKey = options.clientKey().orElseGet(() -> SshKeygen.generate(dir.resolve("client_ed25519"),
                    "ed25519", SshKeygen.Format.OPENSSH));
            Files.writeString(dir.resolve("authorized_keys"), SshKeygen.publicKeyText(clientKey) + "\n");
            SshKeygen.generate(dir.resolve("host_key"), options.hostKeyType(), SshKeygen.Format.OPENSSH);
            LabException last = null;
            for (int tries = 0; tries < 3; tries++) {
                List<Integer> ports = new ArrayList<>();
                while (ports.size() < options.ports()) {
                    int p = LoopbackPorts.free();
                    if (!ports.contains(p)) {
                        ports.add(p);
                    }
                }
                SshdServer server = new SshdServer(dir, ports, clientKey, options);
                try {
                    server.launch();
                    return server;
                } catch (LabException e) {
                    last = e; // most often another process took a port between our check and sshd's bind
                    log.debug("sshd did not start on ports {}: {}", ports, e.getMessage());
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof LabException le ? le : new LabException("cannot prepare sshd in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void ensurePrivilegeSeparationDirectory() {
        if (Files.isDirectory(PRIVSEP_DIR)) {
            return;
        }
        try {
            Files.createDirectories(PRIVSEP_DIR);
        } catch (IOException e) {
            throw new LabException("sshd needs its privilege separation directory " + PRIVSEP_DIR
                    + ": run 'sudo mkdir -p " + PRIVSEP_DIR + "'");
        }
    }

    private void launch() {
        try {
            for (int from = 0; from < ports.size(); from += PORTS_PER_PROCESS) {
                List<Integer> some = ports.subList(from, Math.min(ports.size(), from + PORTS_PER_PROCESS));
                processes.add(launch(from / PORTS_PER_PROCESS, some));
            }
        } catch (LabException e) {
            stopProcesses();
            throw e;
        }
    }

    private LabProcess launch(int index, List<Integer> some) {
        String suffix = index == 0 ? "" : "-" + index;
        Path config = dir.resolve("sshd_config" + suffix);
        try {
            Files.writeString(config, config(some, dir.resolve("sshd" + suffix + ".pid")));
        } catch (IOException e) {
            throw new LabException("cannot write " + config + ": " + e.getMessage(), e);
        }
        SshKeygen.run(List.of(SSHD.toString(), "-t", "-f", config.toString()), "sshd -t -f " + config);
        LabProcess p = LabProcess.start("sshd", List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()), dir,
                dir.resolve("sshd" + suffix + ".log"), Map.of());
        try {
            Waits.until(options.startTimeout(), "sshd to listen on 127.0.0.1:" + some,
                    () -> some.stream().allMatch(LoopbackPorts::listening), p::deathReason);
        } catch (LabException e) {
            p.close();
            throw e;
        }
        log.info("sshd (pid {}) listens on 127.0.0.1:{}", p.pid(), some);
        return p;
    }

    private String config(List<Integer> some, Path pidFile) {
        StringBuilder c = new StringBuilder("# Written by the Galley lab.\n");
        for (int p : some) {
            c.append("ListenAddress 127.0.0.1:").append(p).append('\n');
        }
        c.append("HostKey ").append(dir.resolve("host_key")).append('\n')
                .append("PidFile ").append(pidFile).append('\n')
                .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
                .append("""
                        PasswordAuthentication no
                        KbdInteractiveAuthentication no
                        UsePAM no
                        StrictModes no
                        PermitRootLogin prohibit-password
                        UseDNS no
                        PrintMotd no
                        PrintLastLog no
                        X11Forwarding no
                        MaxStartups 1000
                        MaxSessions 100
                        Subsystem sftp internal-sftp
                        """);
        if (supportsPenalties()) {
            // OpenSSH 9.8 refuses, for a while, addresses whose connections end before authenticating; tests do
            // exactly that on purpose (a refused host key), from 127.0.0.1 every time.
            c.append("PerSourcePenalties no\n");
        }
        return c.toString();
    }

    private static boolean supportsPenalties() {
        try {
            Process p = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)").matcher(out);
            return m.find() && (Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2))) >= 908;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops sshd and starts it again on the same ports; with {@code newHostKey}, with a freshly made host key (a
     * host that was rebuilt, or an impostor, to a client that knew the old key).
     */
    public void restart(boolean newHostKey) {
        stopProcesses();
        if (newHostKey) {
            SshKeygen.generate(dir.resolve("host_key"), options.hostKeyType(), SshKeygen.Format.OPENSSH);
        }
        Waits.until(Duration.ofSeconds(10), "the ports " + ports + " of the stopped sshd to close",
                () -> ports.stream().noneMatch(LoopbackPorts::listening), () -> null);
        launch();
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The first (or only) port. */
    public int port() {
        return ports.get(0);
    }

    public List<Integer> ports() {
        return ports;
    }

    /** The user that logs in: the one the JVM runs as. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The private key sshd accepts. */
    public Path clientKey() {
        return clientKey;
    }

    /** The host's public key as "type base64". */
    public String hostPublicKey() {
        return SshKeygen.publicKeyText(dir.resolve("host_key"));
    }

    /** known_hosts lines for every port ("[127.0.0.1]:PORT type base64"), as ssh-keyscan would print them. */
    public List<String> knownHostsLines() {
        String key = hostPublicKey();
        return ports.stream().map(p -> "[127.0.0.1]:" + p + " " + key).toList();
    }

    public Path directory() {
        return dir;
    }

    /** The sshd processes (one per 16 ports). */
    public List<LabProcess> processes() {
        return List.copyOf(processes);
    }

    private void stopProcesses() {
        processes.forEach(LabProcess::close);
        processes.clear();
    }

    /** Stops sshd by PID and removes its directory (and the client key, when it made one). Idempotent. */
    @Override
    public void close() {
        stopProcesses();
        delete(dir);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "sshd 127.0.0.1:" + ports + (processes.isEmpty() ? " (stopped)"
                : " (pid " + processes.stream().map(p -> Long.toString(p.pid())).toList() + ")");
    }
}
