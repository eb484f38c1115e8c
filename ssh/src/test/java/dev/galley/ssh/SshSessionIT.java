package dev.galley.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.lab.SshKeygen;
import dev.galley.lab.SshdExtension;
import dev.galley.lab.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Commands and copies over real OpenSSH sessions. */
@ExtendWith(SshdExtension.class)
class SshSessionIT {
    static final Duration MINUTE = Duration.ofMinutes(1);

    static SshClient client(SshdServer sshd, Path knownHosts) {
        return SshClient.builder().identityFile(sshd.clientKey()).knownHosts(KnownHosts.file(knownHosts))
                .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).connectTimeout(Duration.ofSeconds(20)).build();
    }

    static SshTarget target(SshdServer sshd) {
        return SshTarget.of(sshd.user(), sshd.host(), sshd.port());
    }

    @Test
    void exec_returnsTheExitStatus(SshdServer sshd, @TempDir Path tmp) {
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            assertThat(s.run("exit 37", MINUTE).result()).isInstanceOf(ExecResult.Exited.class)
                    .extracting(r -> ((ExecResult.Exited) r).exitStatus()).isEqualTo(37);
            assertThat(s.run("true", MINUTE).result().succeeded()).isTrue();
        }
    }

    @Test
    void exec_deliversStdoutAndStderrLinesInTheOrderTheyWereWritten(SshdServer sshd, @TempDir Path tmp) {
        List<OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            ExecResult r = s.exec("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; printf 'no newline'",
                    lines::add, MINUTE);

            assertThat(r.succeeded()).isTrue();
        }
        assertThat(lines).containsExactly(new OutputLine(OutputLine.Stream.STDOUT, "one"),
                new OutputLine(OutputLine.Stream.STDERR, "two"), new OutputLine(OutputLine.Stream.STDOUT, "three"),
                new OutputLine(OutputLine.Stream.STDOUT, "no newline"));
    }

    @Test
    void exec_streamsEachLineWhileTheCommandStillRuns(SshdServer sshd, @TempDir Path tmp) throws Exception {
        // The command waits for a file that the test creates only on seeing the first line: without streaming
        // it would wait until its deadline.
        Path go = tmp.resolve("go");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            ExecResult r = s.exec("echo ready; while [ ! -e " + go + " ]; do sleep 0.05; done; echo done", l -> {
                lines.add(l.text());
                if (l.text().equals("ready")) {
                    touch(go);
                }
            }, MINUTE);

            assertThat(r).as("%s", lines).isInstanceOf(ExecResult.Exited.class);
            assertThat(r.succeeded()).isTrue();
        }
        assertThat(lines).containsExactly("ready", "done");
    }

    @Test
    void exec_reportsTheSignalThatKilledTheCommand(SshdServer sshd, @TempDir Path tmp) {
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            ExecResult r = s.run("kill -KILL $$", MINUTE).result();

            assertThat(r).isEqualTo(new ExecResult.Signalled("KILL", r.elapsed()));
            assertThat(r.describe()).isEqualTo("killed by KILL");
        }
    }

    @Test
    void exec_stopsACommandAtItsDeadline_andTheSessionGoesOn(SshdServer sshd, @TempDir Path tmp) {
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            SshSession.Captured c = s.run("echo started; sleep 30", Duration.ofSeconds(1));

            assertThat(c.result()).isInstanceOf(ExecResult.TimedOut.class);
            assertThat(c.result().describe()).isEqualTo("timed out after 1 s");
            assertThat(c.result().elapsed()).isLessThan(Duration.ofSeconds(29));
            assertThat(c.stdout()).isEqualTo("started\n");
            assertThat(s.run("echo still here", MINUTE).stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void exec_givesTheCommandAnEmptyStdin(SshdServer sshd, @TempDir Path tmp) {
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            SshSession.Captured c = s.run("cat; echo after", MINUTE);

            assertThat(c.result().succeeded()).isTrue();
            assertThat(c.stdout()).isEqualTo("after\n");
        }
    }

    @Test
    void upload_writesTheFileWithItsMode_andReplacesAnOldOne(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path remote = tmp.resolve("copied.txt");
        Path local = Files.writeString(tmp.resolve("local.txt"), "first\n");
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            s.upload(local, remote.toString(), 0640, MINUTE);
            assertThat(Files.readString(remote)).isEqualTo("first\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remote))).isEqualTo("rw-r-----");

            s.upload("secret\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), remote.toString(), 0600, MINUTE);
        }
        assertThat(Files.readString(remote)).isEqualTo("secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remote))).isEqualTo("rw-------");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".galley-"));
        }
    }

    @Test
    void upload_intoAMissingDirectory_failsNamingThePath(SshdServer sshd, @TempDir Path tmp) {
        try (SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
            assertThatThrownBy(() -> s.upload(new byte[] {1}, tmp + "/no/such/dir/f", 0644, MINUTE))
                    .isInstanceOf(SshException.class).hasMessageContaining(tmp + "/no/such/dir/f");
        }
    }

    @Test
    void identities_rsaInPemAndOpenSshFormats_andEcdsa_logIn(@TempDir Path tmp) {
        for (var key : List.of(SshKeygen.generate(tmp.resolve("rsa_pem"), "rsa", SshKeygen.Format.PEM),
                SshKeygen.generate(tmp.resolve("rsa_openssh"), "rsa", SshKeygen.Format.OPENSSH),
                SshKeygen.generate(tmp.resolve("ecdsa"), "ecdsa", SshKeygen.Format.OPENSSH))) {
            try (SshdServer sshd = SshdServer.start(SshdServer.Options.defaults().withClientKey(key));
                    SshClient ssh = client(sshd, tmp.resolve("kh")); SshSession s = ssh.connect(target(sshd))) {
                assertThat(s.run("echo $((6*7))", MINUTE).stdout()).as(key.toString()).isEqualTo("42\n");
            }
        }
    }

    @Test
    void aKeyTheHostDoesNotKnow_isAnAuthenticationFailureNamingTheKey(SshdServer sshd, @TempDir Path tmp) {
        Path other = SshKeygen.generate(tmp.resolve("other"), "ed25519", SshKeygen.Format.OPENSSH);
        try (SshClient ssh = SshClient.builder().identityFile(other).knownHosts(KnownHosts.file(tmp.resolve("kh")))
                .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).build()) {
            assertThatThrownBy(() -> ssh.connect(target(sshd))).isInstanceOf(SshException.class)
                    .hasMessageContaining("did not accept our keys").hasMessageContaining(other.toString())
                    .extracting(e -> ((SshException) e).kind()).isEqualTo(SshException.Kind.AUTHENTICATION);
        }
    }

    @Test
    void identityFiles_missingOrNotAKey_areRefusedBeforeConnecting(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk"), "not a key\n");

        assertThatThrownBy(() -> SshClient.builder().identityFile(tmp.resolve("missing")).build())
                .isInstanceOf(SshException.class).hasMessage("SSH identity file " + tmp.resolve("missing")
                        + " does not exist");
        assertThatThrownBy(() -> SshClient.builder().identityFile(junk).build())
                .isInstanceOf(SshException.class).hasMessageContaining(junk + " is not a private key");
    }

    @Test
    void closing_isIdempotent(SshdServer sshd, @TempDir Path tmp) {
        SshClient ssh = client(sshd, tmp.resolve("kh"));
        SshSession s = ssh.connect(target(sshd));

        s.close();
        s.close();
        ssh.close();
        ssh.close();

        assertThatThrownBy(() -> s.run("true", MINUTE)).isInstanceOf(SshException.class)
                .hasMessageContaining("session is closed");
    }

    private static void touch(Path p) {
        try {
            Files.createFile(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
