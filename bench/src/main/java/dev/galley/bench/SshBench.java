package dev.galley.bench;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefKey;
import dev.galley.chef.Node;
import dev.galley.chef.ProxySettings;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.SshdServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code galley ssh} to many hosts at once against the same hosts one at a time: N nodes in goiardi, each pointing
 * at its own port of a real sshd on loopback (each host its own TCP connection and SSH session), running
 * {@code sleep 1; hostname}. Each measurement is a whole {@code ./galley} process, start-up included.
 */
public final class SshBench {
    private SshBench() {
    }

    record Measured(String what, int hosts, double wallSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int hosts = Integer.parseInt(opt.getOrDefault("hosts", "50"));
        int repeats = Integer.parseInt(opt.getOrDefault("repeats", "3"));
        String command = opt.getOrDefault("command", "sleep 1; hostname");
        Path galley = Path.of(opt.getOrDefault("galley", "./galley")).toAbsolutePath();
        Path out = Path.of(opt.getOrDefault("out", "bench/results"));

        Path home = Files.createTempDirectory("galley-ssh-bench-");
        try (GoiardiServer chef = GoiardiServer.start();
                SshdServer sshd = SshdServer.start(SshdServer.Options.defaults().withPorts(hosts));
                ChefClient admin = ChefClient.builder().serverUrl(chef.url().toString()).user(GoiardiServer.ADMIN)
                        .key(ChefKey.fromFile(chef.adminKey())).proxy(ProxySettings.none()).build()) {
            for (int i = 0; i < hosts; i++) {
                Map<String, Object> automatic = Map.of("fqdn", name(i) + ".bench", "ipaddress", "127.0.0.1",
                        "cloud", Map.of("public_hostname", "127.0.0.1", "public_ssh_port", sshd.ports().get(i)));
                admin.nodes().create(new Node(name(i), null, null, Map.of("bench", "ssh"), null, null, automatic,
                        null, null, null, null, null));
            }
            Files.createDirectories(home.resolve(".ssh"));
            Files.write(home.resolve(".ssh/known_hosts"), sshd.knownHostsLines());
            String config = chef.writeKnifeConfig().toString();
            List<String> base = List.of(galley.toString(), "-c", config, "ssh", "-x", sshd.user(), "-i",
                    sshd.clientKey().toString(), "--ssh-verify-host-key", "always");

            run(home, base, "name:" + name(0), command, 1, 1); // warm-up: builds the CDS archive if needed
            List<Measured> results = new ArrayList<>();
            results.add(best(repeats, "1 host (the slowest host's time)", 1,
                    () -> run(home, base, "name:" + name(0), command, 1, 1)));
            results.add(best(repeats, hosts + " hosts, -C " + hosts, hosts,
                    () -> run(home, base, "bench:ssh", command, hosts, hosts)));
            results.add(best(1, hosts + " hosts, -C 1 (one after another: the sum)", hosts,
                    () -> run(home, base, "bench:ssh", command, 1, hosts)));
            results.add(best(repeats, "reference: " + hosts + " OpenSSH `ssh` processes at once", hosts,
                    () -> openSsh(home, sshd, command)));
            write(out, report(results, hosts, command, repeats));
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "bench-ssh-%02d", i + 1);
    }

    interface Timed {
        double seconds() throws Exception;
    }

    private static Measured best(int repeats, String what, int hosts, Timed t) throws Exception {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            best = Math.min(best, t.seconds());
        }
        System.err.printf(Locale.ROOT, "%s: %.2f s%n", what, best);
        return new Measured(what, hosts, best);
    }

    /** Runs one galley ssh process; checks it succeeded on every host; returns its wall time in seconds. */
    private static double run(Path home, List<String> base, String query, String command, int concurrency,
            int expectedHosts) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of("-C", Integer.toString(concurrency), query, command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null")));
        pb.environment().put("HOME", home.toString());
        // ~/.ssh is the JVM's user.home (as OpenSSH takes it from the password database, not $HOME).
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String err = new String(stderr, StandardCharsets.UTF_8);
        long lines = new String(stdout, StandardCharsets.UTF_8).lines().count();
        if (code != 0 || lines != expectedHosts) {
            throw new IllegalStateException("galley ssh exited " + code + " with " + lines + " lines (expected "
                    + expectedHosts + "): " + err + " " + Arrays.toString(cmd.toArray()));
        }
        return seconds;
    }

    /** What this machine allows at best: one OpenSSH client process per host, all started at once. */
    private static double openSsh(Path home, SshdServer sshd, String command) throws Exception {
        long start = System.nanoTime();
        List<Process> all = new ArrayList<>();
        for (int port : sshd.ports()) {
            all.add(new ProcessBuilder("ssh", "-F", "/dev/null", "-p", Integer.toString(port), "-i",
                    sshd.clientKey().toString(), "-o", "UserKnownHostsFile=" + home.resolve(".ssh/known_hosts"),
                    "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", sshd.user() + "@127.0.0.1", command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());
        }
        for (Process p : all) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ssh exited " + p.exitValue());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String report(List<Measured> results, int hosts, String command, int repeats) {
        double slowest = results.get(0).wallSeconds();
        StringBuilder b = new StringBuilder("# galley ssh fan-out benchmark, ").append(LocalDateTime.now()).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version()).append(". ").append(hosts).append(" nodes in goiardi, each pointing at its ")
                .append("own port of one OpenSSH sshd on 127.0.0.1 (a TCP connection and an SSH session per host), ")
                .append("running `").append(command).append("`. Wall time of the whole `./galley ssh` process ")
                .append("(start-up, search, connections and commands), best of ").append(repeats)
                .append(" (the serial run once). The sshd side shares the machine's cores with the client.\n\n")
                .append("| run | wall time | vs. the slowest host |\n|---|---|---|\n");
        for (Measured m : results) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2fx |%n", m.what(), m.wallSeconds(),
                    m.wallSeconds() / slowest));
        }
        return b.toString();
    }

    private static void write(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("ssh-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        Files.writeString(file, text);
        System.out.println(text);
        System.err.println("written to " + file);
    }
}
