package dev.galley.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's sshd, checked with OpenSSH's own client. */
class SshdServerIT {

    @Test
    void logsInWithTheClientKey_andPassesTheExitCodeBack(@TempDir Path tmp) throws Exception {
        try (SshdServer sshd = SshdServer.start()) {
            Result r = ssh(sshd, sshd.port(), tmp.resolve("known_hosts"), "echo hello; exit 37");

            assertThat(r.exit).as(r.output).isEqualTo(37);
            assertThat(r.output).contains("hello");
        }
    }

    @Test
    void listensOnEveryPortItWasAskedFor(@TempDir Path tmp) throws Exception {
        try (SshdServer sshd = SshdServer.start(SshdServer.Options.defaults().withPorts(3))) {
            assertThat(sshd.ports()).hasSize(3).doesNotHaveDuplicates();
            for (int port : sshd.ports()) {
                assertThat(ssh(sshd, port, tmp.resolve("known_hosts"), "true").exit).isZero();
            }
            assertThat(sshd.knownHostsLines()).hasSize(3)
                    .allSatisfy(l -> assertThat(l).startsWith("[127.0.0.1]:").endsWith(sshd.hostPublicKey()));
        }
    }

    @Test
    void moreThanSixteenPorts_takeMoreProcesses(@TempDir Path tmp) throws Exception {
        try (SshdServer sshd = SshdServer.start(SshdServer.Options.defaults().withPorts(20))) {
            assertThat(sshd.processes()).hasSize(2);
            assertThat(ssh(sshd, sshd.ports().get(19), tmp.resolve("known_hosts"), "true").exit).isZero();
        }
    }

    @Test
    void restartWithANewHostKey_makesOpenSshRefuseTheHost(@TempDir Path tmp) throws Exception {
        try (SshdServer sshd = SshdServer.start()) {
            Path knownHosts = tmp.resolve("known_hosts");
            String before = sshd.hostPublicKey();
            assertThat(ssh(sshd, sshd.port(), knownHosts, "true").exit).isZero();

            sshd.restart(true);
            Result r = ssh(sshd, sshd.port(), knownHosts, "true");

            assertThat(sshd.hostPublicKey()).isNotEqualTo(before);
            assertThat(r.exit).isEqualTo(255);
            assertThat(r.output).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
        }
    }

    @Test
    void refusesAKeyItWasNotGiven(@TempDir Path tmp) throws Exception {
        try (SshdServer sshd = SshdServer.start()) {
            Path other = SshKeygen.generate(tmp.resolve("other"), "ed25519", SshKeygen.Format.OPENSSH);
            List<String> cmd = new ArrayList<>(base(sshd.port(), tmp.resolve("known_hosts")));
            cmd.addAll(List.of("-i", other.toString(), sshd.user() + "@127.0.0.1", "true"));

            assertThat(run(cmd).exit).isEqualTo(255);
        }
    }

    @Test
    void closeStopsTheProcessAndRemovesItsDirectory() {
        SshdServer sshd = SshdServer.start();
        List<LabProcess> processes = sshd.processes();

        sshd.close();
        sshd.close();

        assertThat(processes).hasSize(1).noneMatch(LabProcess::alive);
        assertThat(sshd.directory()).doesNotExist();
        assertThat(LoopbackPorts.listening(sshd.port())).isFalse();
    }

    record Result(int exit, String output) {
    }

    static Result ssh(SshdServer sshd, int port, Path knownHosts, String command) throws Exception {
        List<String> cmd = new ArrayList<>(base(port, knownHosts));
        cmd.addAll(List.of("-i", sshd.clientKey().toString(), sshd.user() + "@127.0.0.1", command));
        return run(cmd);
    }

    static List<String> base(int port, Path knownHosts) {
        return List.of("ssh", "-p", Integer.toString(port), "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=accept-new", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=10", "-F", "/dev/null");
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
