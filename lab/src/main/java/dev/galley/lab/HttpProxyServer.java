package dev.galley.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real forwarding HTTP proxy (Debian's {@code tinyproxy}) on a free loopback port, with optional Basic
 * authentication, for testing how clients honour {@code http_proxy}, {@code https_proxy} and {@code no_proxy}.
 */
public final class HttpProxyServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final LabProcess process;

    private HttpProxyServer(Path dir, int port, LabProcess process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts tinyproxy; with {@code credentials} ("user:password") it demands Basic authentication. */
    public static HttpProxyServer start(Optional<String> credentials) {
        DebianPackages.ensure("tinyproxy");
        try {
            Path dir = Files.createTempDirectory("galley-proxy-");
            // tinyproxy drops to 'nobody' when started as root and must still write its log here.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = LoopbackPorts.free();
            StringBuilder conf = new StringBuilder()
                    .append("Port ").append(port).append('\n')
                    .append("Listen 127.0.0.1\n")
                    .append("Timeout 60\n")
                    .append("MaxClients 64\n")
                    .append("Allow 127.0.0.1\n")
                    .append("DisableViaHeader Yes\n")
                    .append("LogLevel Connect\n")
                    .append("LogFile \"").append(dir.resolve("tinyproxy.log")).append("\"\n");
            if ("root".equals(System.getProperty("user.name"))) {
                conf.append("User nobody\nGroup nogroup\n");
            }
            credentials.ifPresent(c -> conf.append("BasicAuth ").append(c.replace(':', ' ')).append('\n'));
            Files.writeString(dir.resolve("tinyproxy.conf"), conf.toString());
            LabProcess p = LabProcess.start("tinyproxy", List.of("tinyproxy", "-d", "-c",
                    dir.resolve("tinyproxy.conf").toString()), dir, dir.resolve("stdout.log"), Map.of());
            HttpProxyServer proxy = new HttpProxyServer(dir, port, p);
            try {
                Waits.until(Duration.ofSeconds(30), "tinyproxy to listen on 127.0.0.1:" + port,
                        () -> LoopbackPorts.listening(port), p::deathReason);
            } catch (LabException e) {
                proxy.close();
                throw e;
            }
            return proxy;
        } catch (IOException e) {
            throw new LabException("cannot prepare tinyproxy: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The proxy URL, with the credentials when given ("http://user:pw@127.0.0.1:PORT"). */
    public String url(Optional<String> credentials) {
        return "http://" + credentials.map(c -> c + "@").orElse("") + "127.0.0.1:" + port;
    }

    /** tinyproxy's log so far: every request and CONNECT it relayed is there. */
    public String log() {
        try {
            Path log = dir.resolve("tinyproxy.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test for
        }
    }
}
