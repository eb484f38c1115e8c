package dev.galley.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.lab.LoopbackPorts;
import dev.galley.lab.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command on many hosts: a port of one sshd per host, each its own TCP connection and SSH session. */
class SshFanOutIT {
    static SshdServer sshd;

    @BeforeAll
    static void start() {
        sshd = SshdServer.start(SshdServer.Options.defaults().withPorts(6));
    }

    @AfterAll
    static void stop() {
        sshd.close();
    }

    static List<SshFanOut.Host> hosts(int n) {
        List<SshFanOut.Host> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SshFanOut.Host("web" + (i + 1), SshTarget.of(sshd.user(), "127.0.0.1", sshd.ports().get(i))));
        }
        return out;
    }

    static SshClient client(Path tmp) {
        return SshClient.builder().identityFile(sshd.clientKey()).knownHosts(KnownHosts.file(tmp.resolve("kh")))
                .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** Collects lines per host. */
    static final class Lines implements SshFanOut.Listener {
        final Map<String, List<String>> byHost = new ConcurrentHashMap<>();

        @Override
        public void line(SshFanOut.Host host, OutputLine line) {
            byHost.computeIfAbsent(host.label(), h -> Collections.synchronizedList(new ArrayList<>()))
                    .add(line.stream() + " " + line.text());
        }
    }

    @Test
    void runsOnEveryHost_resultsInTheOrderGiven_failuresAsResults(@TempDir Path tmp) throws Exception {
        List<SshFanOut.Host> hosts = new ArrayList<>(hosts(3));
        hosts.add(new SshFanOut.Host("gone", SshTarget.of(sshd.user(), "127.0.0.1", LoopbackPorts.free())));
        Lines lines = new Lines();

        List<SshFanOut.HostResult> results;
        try (SshClient ssh = client(tmp)) {
            results = new SshFanOut(ssh, 10, Duration.ofMinutes(1)).run(hosts,
                    "echo out-$SSH_CONNECTION | cut -d' ' -f1 | sed 's/ .*//'; echo err >&2; "
                            + "[ \"${SSH_CONNECTION##* }\" = " + sshd.ports().get(1) + " ] && exit 3; true", lines);
        }

        assertThat(results).extracting(r -> r.host().label()).containsExactly("web1", "web2", "web3", "gone");
        assertThat(results).extracting(SshFanOut.HostResult::describe)
                .containsExactly("exit 0", "exit 3", "exit 0", "cannot connect");
        assertThat(results.get(3)).isInstanceOf(SshFanOut.HostResult.Failed.class);
        assertThat(((SshFanOut.HostResult.Failed) results.get(3)).error().getMessage())
                .contains("connection refused");
        assertThat(lines.byHost.keySet()).containsExactlyInAnyOrder("web1", "web2", "web3");
        assertThat(lines.byHost.get("web2")).contains("STDERR err");
    }

    @Test
    void runsAllHostsAtOnce_whenTheBoundAllows(@TempDir Path tmp) throws Exception {
        // Each host's command waits until every host has started it: this ends only if all run at the same time.
        Path started = Files.createDirectory(tmp.resolve("started"));
        String command = "touch " + started + "/$$; while [ $(ls " + started + " | wc -l) -lt 6 ]; do sleep 0.05; "
                + "done; echo all-started";
        Lines lines = new Lines();

        List<SshFanOut.HostResult> results;
        try (SshClient ssh = client(tmp)) {
            results = new SshFanOut(ssh, 6, Duration.ofSeconds(60)).run(hosts(6), command, lines);
        }

        assertThat(results).allSatisfy(r -> assertThat(r.describe()).isEqualTo("exit 0"));
        assertThat(lines.byHost.values()).hasSize(6).allSatisfy(l -> assertThat(l).containsExactly("STDOUT all-started"));
    }

    @Test
    void neverRunsMoreHostsAtOnceThanTheBound(@TempDir Path tmp) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SshFanOut.Listener listener = new SshFanOut.Listener() {
            @Override
            public void line(SshFanOut.Host host, OutputLine line) {
                if (line.text().equals("begin")) {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                } else {
                    running.decrementAndGet();
                }
            }
        };

        List<SshFanOut.HostResult> results;
        try (SshClient ssh = client(tmp)) {
            results = new SshFanOut(ssh, 2, Duration.ofSeconds(60)).run(hosts(6), "echo begin; sleep 0.3; echo end",
                    listener);
        }

        assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void aSlowHost_timesOutAlone(@TempDir Path tmp) throws Exception {
        String slowPort = Integer.toString(sshd.ports().get(0));
        List<SshFanOut.HostResult> results;
        try (SshClient ssh = client(tmp)) {
            results = new SshFanOut(ssh, 3, Duration.ofSeconds(2)).run(hosts(3),
                    "[ \"${SSH_CONNECTION##* }\" = " + slowPort + " ] && exec sleep 30; echo quick", new Lines());
        }

        assertThat(results).extracting(SshFanOut.HostResult::describe)
                .containsExactly("timed out after 2 s", "exit 0", "exit 0");
    }
}
