package dev.galley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefKey;
import dev.galley.chef.Node;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.RunList;
import dev.galley.chef.SigningVersion;
import dev.galley.lab.GoiardiServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Galley's Chef client against the knife stack (Ruby, mixlib-authentication, persistent Net::HTTP), side by side in
 * one run on one goiardi: signed GET /nodes/NAME at concurrency 1 and 16, a full-row search over every node, and
 * the CPU cost per request against the bare RSA-2048 signing cost of {@code openssl speed}.
 */
public final class ChefClientBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One measured run: requests (or rows), wall and CPU seconds. */
    record Run(String who, String what, long requests, long rows, double wallSeconds, double cpuSeconds) {
        double perSecond() {
            return requests / wallSeconds;
        }

        double cpuMsPerRequest() {
            return cpuSeconds * 1000 / requests;
        }
    }

    private ChefClientBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int nodes = Integer.parseInt(opt.getOrDefault("nodes", "10000"));
        int gets = Integer.parseInt(opt.getOrDefault("gets", "2000"));
        int repeats = Integer.parseInt(opt.getOrDefault("repeats", "3"));
        Path ruby = Path.of(opt.getOrDefault("ruby", "bench/ruby/chef_bench.rb"));
        Path out = Path.of(opt.getOrDefault("out", "bench/results"));
        List<String> report = new ArrayList<>();
        try (GoiardiServer server = GoiardiServer.start()) {
            say("goiardi at " + server.url() + "; creating " + nodes + " nodes");
            ChefKey key = ChefKey.fromFile(server.adminKey());
            populate(server, key, nodes);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < gets; i++) {
                names.add(nodeName(i * (nodes / gets)));
            }
            Path namesFile = Files.createTempFile("galley-bench-names", ".txt");
            Files.write(namesFile, names);

            double opensslMs = opensslSignMs();
            report.add("| bare RSA-2048 sign, `openssl speed rsa2048` | " + fmt(opensslMs) + " ms |");
            for (SigningVersion v : List.of(SigningVersion.V1_3, SigningVersion.V1_1)) {
                report.add("| Galley signer only, protocol " + v + " (" + key.signingEngine() + ") | "
                        + fmt(signCpuMs(key, v)) + " ms CPU |");
            }
            List<String> table = new ArrayList<>();
            table.add("| protocol | measurement | Galley | Ruby (knife stack) | ratio | Galley CPU/request | Ruby CPU/request |");
            table.add("|---|---|---|---|---|---|---|");
            for (SigningVersion v : List.of(SigningVersion.V1_3, SigningVersion.V1_1)) {
                try (ChefClient chef = client(server, key, v)) {
                    for (int w = 0; w < 5; w++) {
                        getAll(chef, names, 1); // JIT warm-up (10,000 requests), not measured
                    }
                    galleySearch(chef);
                    for (int c : List.of(1, 16)) {
                        Run g = best(repeats, () -> galleyGets(chef, names, c));
                        Run r = best(repeats, () -> rubyRun(ruby, server, v, List.of("get", String.valueOf(c),
                                namesFile.toString()), "get c=" + c));
                        table.add(row(v, "signed GET /nodes/NAME, " + gets + " nodes, concurrency " + c + " (req/s)",
                                g.perSecond(), r.perSecond(), g, r));
                    }
                    Run gs = best(repeats, () -> galleySearch(chef));
                    Run rs = best(repeats, () -> rubyRun(ruby, server, v, List.of("search", "1000"), "search"));
                    table.add(row(v, "full-row search, " + nodes + " nodes (rows/s; Galley " + gs.rows() + " rows, Ruby "
                            + rs.rows() + ")", gs.rows() / gs.wallSeconds(), rs.rows() / rs.wallSeconds(), gs, rs));
                }
            }
            report.addAll(0, List.of("", "Signing cost (CPU per signature):", "", "| what | cost |", "|---|---|"));
            report.addAll(0, table);
        }
        String header = "# Chef client benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + "\n\nMachine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", goiardi on loopback. Best of " + repeats
                + " runs each; Galley measured after a warm-up of 5 passes and one search (a long-running client in its steady "
                + "state; start-up is measured by the CLI benchmark), Ruby measured inside "
                + "its process (start-up excluded). CPU is the client process's CPU time.\n\n";
        String text = header + String.join("\n", report) + "\n";
        Files.createDirectories(out);
        Path file = out.resolve("chef-client-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, text);
        System.out.println(text);
        say("written to " + file);
    }

    private static String row(SigningVersion v, String what, double galley, double ruby, Run g, Run r) {
        return "| " + v + " | " + what + " | " + fmt(galley) + " | " + fmt(ruby) + " | " + fmt(galley / ruby) + "x | "
                + fmt(g.cpuMsPerRequest()) + " ms | " + fmt(r.cpuMsPerRequest()) + " ms |";
    }

    private static ChefClient client(GoiardiServer server, ChefKey key, SigningVersion v) {
        return ChefClient.builder().serverUrl(server.url().toString()).user(GoiardiServer.ADMIN).key(key).signing(v)
                .proxy(ProxySettings.none()).build();
    }

    private static void populate(GoiardiServer server, ChefKey key, int count) throws Exception {
        try (ChefClient chef = client(server, key, SigningVersion.V1_3);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore bound = new Semaphore(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    bound.acquireUninterruptibly();
                    try {
                        chef.nodes().create(node(n));
                    } finally {
                        bound.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** A node about the size of a small real one: a run list, some normal and automatic attributes. */
    static Node node(int i) {
        Map<String, Object> automatic = new LinkedHashMap<>();
        automatic.put("fqdn", nodeName(i) + ".bench.example");
        automatic.put("ipaddress", "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256));
        automatic.put("platform", "debian");
        automatic.put("platform_version", "12.8");
        automatic.put("kernel", Map.of("name", "Linux", "release", "6.1.0-30-amd64", "machine", "x86_64"));
        automatic.put("memory", Map.of("total", "8147152kB"));
        automatic.put("cpu", Map.of("total", 4, "real", 1));
        automatic.put("ohai_time", 1.7e9 + i);
        return new Node(nodeName(i), i % 2 == 0 ? "production" : "staging",
                RunList.of("role[base]", i % 3 == 0 ? "role[db]" : "role[web]"),
                Map.of("tags", List.of("bench"), "app", Map.of("port", 8000 + i % 100)), null, null, automatic,
                null, null, null, null, null);
    }

    static String nodeName(int i) {
        return String.format(Locale.ROOT, "bench%05d", i);
    }

    private static Run galleyGets(ChefClient chef, List<String> names, int concurrency) throws Exception {
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        getAll(chef, names, concurrency);
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Run("galley", "get", names.size(), 0, wall, processCpuSeconds() - cpu0);
    }

    private static void getAll(ChefClient chef, List<String> names, int concurrency) throws Exception {
        if (concurrency == 1) {
            for (String n : names) {
                chef.nodes().get(n);
            }
            return;
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> done = new ArrayList<>();
            int slice = (names.size() + concurrency - 1) / concurrency;
            for (int t = 0; t < concurrency; t++) {
                List<String> mine = names.subList(Math.min(names.size(), t * slice), Math.min(names.size(), (t + 1) * slice));
                done.add(threads.submit(() -> {
                    for (String n : mine) {
                        chef.nodes().get(n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private static Run galleySearch(ChefClient chef) {
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        long rows = chef.search().query("node", "*:*").pageSize(1000).stream().count();
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Run("galley", "search", (rows + 999) / 1000 + 1, rows, wall, processCpuSeconds() - cpu0);
    }

    private static Run rubyRun(Path script, GoiardiServer server, SigningVersion v, List<String> modeArgs, String what)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ruby", script.toString(), modeArgs.get(0), server.url().toString(),
                GoiardiServer.ADMIN, server.adminKey().toString(), v.text()));
        cmd.addAll(modeArgs.subList(1, modeArgs.size()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the Ruby benchmark failed: " + output);
        }
        JsonNode j = JSON.readTree(output.substring(output.lastIndexOf('{')));
        return new Run("ruby", what, j.path("requests").asLong(), j.path("rows").asLong(), j.path("wall_s").asDouble(),
                j.path("cpu_s").asDouble());
    }

    /** CPU per signature of Galley's signer alone (no network). */
    private static double signCpuMs(ChefKey key, SigningVersion v) {
        RequestSigner signer = new RequestSigner(GoiardiServer.ADMIN, key, v, Clock.systemUTC());
        for (int i = 0; i < 500; i++) {
            signer.sign("GET", "/nodes/bench" + i, new byte[0], 1);
        }
        int n = 3000;
        double cpu0 = threadCpuSeconds();
        for (int i = 0; i < n; i++) {
            signer.sign("GET", "/nodes/bench" + i, new byte[0], 1);
        }
        return (threadCpuSeconds() - cpu0) * 1000 / n;
    }

    /** Milliseconds per RSA-2048 signature as {@code openssl speed} measures it on this machine. */
    private static double opensslSignMs() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "speed", "-seconds", "3", "rsa2048").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("rsa 2048 bits\\s+([0-9.]+)s").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("cannot read openssl speed's output: " + output);
        }
        return Double.parseDouble(m.group(1)) * 1000;
    }

    interface Measured {
        Run run() throws Exception;
    }

    private static Run best(int repeats, Measured m) throws Exception {
        Run best = null;
        for (int i = 0; i < repeats; i++) {
            Run r = m.run();
            if (best == null || r.wallSeconds() < best.wallSeconds()) {
                best = r;
            }
        }
        return best;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double threadCpuSeconds() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    private static String fmt(double d) {
        return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static void say(String s) {
        System.err.println("bench: " + s);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return m;
    }
}
