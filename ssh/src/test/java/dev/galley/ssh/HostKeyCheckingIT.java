package dev.galley.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.lab.LoopbackPorts;
import dev.galley.lab.SshdServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts checking against real host keys, and hosts that refuse or never answer. */
class HostKeyCheckingIT {
    static final Duration MINUTE = Duration.ofMinutes(1);

    static SshClient client(SshdServer sshd, Path knownHosts, HostKeyPolicy policy) {
        return SshClient.builder().identityFile(sshd.clientKey()).knownHosts(KnownHosts.file(knownHosts))
                .hostKeyPolicy(policy).connectTimeout(Duration.ofSeconds(20)).build();
    }

    static SshTarget target(SshdServer sshd) {
        return SshTarget.of(sshd.user(), sshd.host(), sshd.port());
    }

    @Test
    void acceptNew_addsTheHostOnce_thenKnowsIt(@TempDir Path tmp) throws Exception {
        Path kh = tmp.resolve("known_hosts");
        try (SshdServer sshd = SshdServer.start(); SshClient ssh = client(sshd, kh, HostKeyPolicy.ACCEPT_NEW)) {
            try (SshSession s = ssh.connect(target(sshd))) {
                assertThat(s.hostKey()).isInstanceOf(HostKeyVerdict.Added.class);
            }
            try (SshSession s = ssh.connect(target(sshd))) {
                assertThat(s.hostKey()).isInstanceOf(HostKeyVerdict.Known.class);
            }
            assertThat(Files.readAllLines(kh)).containsExactlyElementsOf(sshd.knownHostsLines());
        }
    }

    @Test
    void always_refusesAnUnknownHost_andWritesNothing(@TempDir Path tmp) {
        Path kh = tmp.resolve("known_hosts");
        try (SshdServer sshd = SshdServer.start(); SshClient ssh = client(sshd, kh, HostKeyPolicy.ALWAYS)) {
            assertThatThrownBy(() -> ssh.connect(target(sshd))).isInstanceOf(SshException.class)
                    .hasMessageContaining("[127.0.0.1]:" + sshd.port() + " is not known")
                    .hasMessageContaining("ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + kh)
                    .extracting(e -> ((SshException) e).kind()).isEqualTo(SshException.Kind.HOST_KEY);
            assertThat(kh).doesNotExist();
        }
    }

    @Test
    void always_acceptsAHostListedInKnownHosts(@TempDir Path tmp) throws Exception {
        Path kh = tmp.resolve("known_hosts");
        try (SshdServer sshd = SshdServer.start(SshdServer.Options.defaults().withHostKeyType("rsa"))) {
            Files.write(kh, sshd.knownHostsLines());
            try (SshClient ssh = client(sshd, kh, HostKeyPolicy.ALWAYS); SshSession s = ssh.connect(target(sshd))) {
                assertThat(s.hostKey()).isInstanceOf(HostKeyVerdict.Known.class);
                assertThat(s.run("echo ok", MINUTE).stdout()).isEqualTo("ok\n");
            }
        }
    }

    @Test
    void aHostWhoseKeyChangedBetweenTwoConnections_isRefusedWithOneLineSayingWhatToDo(@TempDir Path tmp)
            throws Exception {
        Path kh = tmp.resolve("known_hosts");
        try (SshdServer sshd = SshdServer.start(); SshClient ssh = client(sshd, kh, HostKeyPolicy.ACCEPT_NEW)) {
            String oldKey = sshd.hostPublicKey();
            ssh.connect(target(sshd)).close();
            String before = Files.readString(kh);

            sshd.restart(true);
            SshPublicKey newKey = SshPublicKey.parse("ssh-ed25519", sshd.hostPublicKey().split(" ")[1]);
            SshPublicKey old = SshPublicKey.parse("ssh-ed25519", oldKey.split(" ")[1]);

            assertThatThrownBy(() -> ssh.connect(target(sshd))).isInstanceOf(SshException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                            .startsWith("host key of [127.0.0.1]:" + sshd.port() + " has changed")
                            .contains(newKey.fingerprint()).contains(old.fingerprint())
                            .contains(kh + " line 1")
                            .contains("ssh-keygen -R \"[127.0.0.1]:" + sshd.port() + "\" -f " + kh))
                    .extracting(e -> ((SshException) e).kind()).isEqualTo(SshException.Kind.HOST_KEY);
            assertThat(Files.readString(kh)).isEqualTo(before);
        }
    }

    @Test
    void never_connectsDespiteAChangedKey(@TempDir Path tmp) throws Exception {
        Path kh = tmp.resolve("known_hosts");
        try (SshdServer sshd = SshdServer.start()) {
            try (SshClient ssh = client(sshd, kh, HostKeyPolicy.ACCEPT_NEW)) {
                ssh.connect(target(sshd)).close();
            }
            sshd.restart(true);
            try (SshClient ssh = client(sshd, kh, HostKeyPolicy.NEVER); SshSession s = ssh.connect(target(sshd))) {
                assertThat(s.hostKey()).isInstanceOf(HostKeyVerdict.Unchecked.class);
                assertThat(s.run("echo in", MINUTE).stdout()).isEqualTo("in\n");
            }
            assertThat(Files.readAllLines(kh)).hasSize(1).doesNotContain(sshd.knownHostsLines().get(0));
        }
    }

    @Test
    void aClosedPort_isAConnectFailure(@TempDir Path tmp) {
        int closed = LoopbackPorts.free();
        try (SshdServer sshd = SshdServer.start(); SshClient ssh = client(sshd, tmp.resolve("kh"),
                HostKeyPolicy.ACCEPT_NEW)) {
            assertThatThrownBy(() -> ssh.connect(SshTarget.of(sshd.user(), "127.0.0.1", closed)))
                    .isInstanceOf(SshException.class).hasMessageContaining("connection refused")
                    .extracting(e -> ((SshException) e).kind()).isEqualTo(SshException.Kind.CONNECT);
        }
    }

    @Test
    void aHostThatAcceptsTcpButNeverSpeaksSsh_failsAtTheConnectTimeout(@TempDir Path tmp) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                SshdServer sshd = SshdServer.start();
                SshClient ssh = SshClient.builder().identityFile(sshd.clientKey())
                        .knownHosts(KnownHosts.file(tmp.resolve("kh"))).hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW)
                        .connectTimeout(Duration.ofSeconds(1)).build()) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            long start = System.nanoTime();

            assertThatThrownBy(() -> ssh.connect(SshTarget.of("root", "127.0.0.1", silent.getLocalPort())))
                    .isInstanceOf(SshException.class).hasMessageContaining("within 1 s")
                    .extracting(e -> ((SshException) e).kind()).isEqualTo(SshException.Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
