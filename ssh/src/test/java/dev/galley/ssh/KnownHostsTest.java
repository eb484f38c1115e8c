package dev.galley.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host key verdicts under each policy, and how new hosts are written. */
class KnownHostsTest {
    static final SshPublicKey K1 = SshPublicKey.parse("ssh-ed25519",
            "AAAAC3NzaC1lZDI1NTE5AAAAIDOgdJI33v617vKEwUgxOpEkzzgsy3NMO4KT7lAL8E8r");
    static final SshPublicKey K2 = SshPublicKey.parse("ssh-ed25519",
            "AAAAC3NzaC1lZDI1NTE5AAAAIEtqixBGPWk1oV+z4gyk7xNytMeTivmb1mb0Gd+RqtY3");

    @Test
    void fingerprint_isOpenSshsSha256() {
        assertThat(K1.fingerprint()).isEqualTo("SHA256:mL6DOXvHakettFxXVHaiTeuw1TVvaoA6k5taAc2Nmhw");
        assertThat(K2.describe()).isEqualTo("ssh-ed25519 SHA256:DiuxNEISY1PrnnJS5Pno5Ko03pL+/fgewR+uuW1Znc8");
    }

    @Test
    void lookupName_bracketsAnyPortButTwentyTwo() {
        assertThat(KnownHosts.lookupName("Web1", 22)).isEqualTo("web1");
        assertThat(KnownHosts.lookupName("127.0.0.1", 2222)).isEqualTo("[127.0.0.1]:2222");
    }

    @Test
    void known_whenAnEntryOfTheHostHoldsTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "other " + line(K2) + "\n[h]:2222 " + line(K1)
                + "\n");

        HostKeyVerdict v = KnownHosts.file(file).verify("h", 2222, K1, HostKeyPolicy.ALWAYS);

        assertThat(v).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(v.accepted()).isTrue();
        assertThat(((HostKeyVerdict.Known) v).entry().line()).isEqualTo(2);
    }

    @Test
    void known_throughAHashedEntry(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"),
                "|1|rdQNjNC0+0T7hclJiMM5d+uOAC8=|XUUfm2cbKY0iwpQ2Yn13R4aqExA= " + line(K2) + "\n");

        assertThat(KnownHosts.file(file).verify("10.0.0.5", 2222, K2, HostKeyPolicy.ALWAYS).accepted()).isTrue();
        assertThat(KnownHosts.file(file).verify("10.0.0.5", 2222, K1, HostKeyPolicy.ALWAYS))
                .isInstanceOf(HostKeyVerdict.Changed.class);
    }

    @Test
    void changed_isRefusedUnderEveryCheckingPolicy_withOneLineNamingBothKeysTheFileAndTheFix(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# mine\n[h]:2222 " + line(K1) + "\n");
        KnownHosts kh = KnownHosts.file(file);

        HostKeyVerdict always = kh.verify("h", 2222, K2, HostKeyPolicy.ALWAYS);
        HostKeyVerdict acceptNew = kh.verify("h", 2222, K2, HostKeyPolicy.ACCEPT_NEW);

        assertThat(always).isInstanceOf(HostKeyVerdict.Changed.class);
        assertThat(acceptNew).isInstanceOf(HostKeyVerdict.Changed.class);
        assertThat(acceptNew.accepted()).isFalse();
        assertThat(acceptNew.message()).doesNotContain("\n")
                .contains("[h]:2222 has changed")
                .contains(K2.fingerprint()).contains(K1.fingerprint())
                .contains(file + " line 2")
                .contains("ssh-keygen -R \"[h]:2222\" -f " + file);
        assertThat(Files.readString(file)).isEqualTo("# mine\n[h]:2222 " + line(K1) + "\n");
    }

    @Test
    void unknown_isRefusedUnderAlways_withTheScanCommand(@TempDir Path dir) {
        Path file = dir.resolve("known_hosts");

        HostKeyVerdict v = KnownHosts.file(file).verify("10.1.2.3", 2200, K1, HostKeyPolicy.ALWAYS);

        assertThat(v).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(v.accepted()).isFalse();
        assertThat(v.message()).contains("[10.1.2.3]:2200 is not known").contains(K1.fingerprint())
                .contains("ssh-keyscan -p 2200 10.1.2.3 >> " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void unknown_isAddedUnderAcceptNew_keepingWhatTheFileHad(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "web1 " + line(K2)); // no final newline
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        HostKeyVerdict v = KnownHosts.file(file).verify("127.0.0.1", 4022, K1, HostKeyPolicy.ACCEPT_NEW);

        assertThat(v).isInstanceOf(HostKeyVerdict.Added.class);
        assertThat(Files.readString(file)).isEqualTo("web1 " + line(K2) + "\n[127.0.0.1]:4022 " + line(K1) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KnownHosts.file(file).verify("127.0.0.1", 4022, K1, HostKeyPolicy.ALWAYS))
                .isInstanceOf(HostKeyVerdict.Known.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void acceptNew_createsTheSshDirectoryPrivate(@TempDir Path home) throws Exception {
        KnownHosts kh = KnownHosts.forHome(home);

        kh.verify("web9", 22, K1, HostKeyPolicy.ACCEPT_NEW);

        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo("web9 " + line(K1) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh"))))
                .isEqualTo("rwx------");
    }

    @Test
    void acceptNew_hashedEntriesMatchLater(@TempDir Path dir) throws Exception {
        KnownHosts kh = KnownHosts.file(dir.resolve("known_hosts")).hashingNewEntries();

        kh.verify("db1", 2200, K1, HostKeyPolicy.ACCEPT_NEW);

        assertThat(Files.readString(dir.resolve("known_hosts"))).startsWith("|1|").doesNotContain("db1");
        assertThat(kh.verify("db1", 2200, K1, HostKeyPolicy.ALWAYS)).isInstanceOf(HostKeyVerdict.Known.class);
    }

    @Test
    void acceptNew_manyConnectionsToOneNewHostAddItOnce(@TempDir Path dir) throws Exception {
        KnownHosts kh = KnownHosts.file(dir.resolve("known_hosts"));
        List<Future<HostKeyVerdict>> all;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            all = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> kh.verify("h", 22, K1, HostKeyPolicy.ACCEPT_NEW))).toList();
        }

        assertThat(Files.readAllLines(dir.resolve("known_hosts"))).containsExactly("h " + line(K1));
        assertThat(all).allSatisfy(f -> assertThat(f.get().accepted()).isTrue());
    }

    @Test
    void revoked_isRefusedEvenWhenAlsoListedAsKnown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "h " + line(K1) + "\n@revoked * " + line(K1) + "\n");

        HostKeyVerdict v = KnownHosts.file(file).verify("h", 22, K1, HostKeyPolicy.ACCEPT_NEW);

        assertThat(v).isInstanceOf(HostKeyVerdict.Revoked.class);
        assertThat(v.message()).contains("@revoked").contains(file + " line 2");
    }

    @Test
    void never_acceptsAnyKeyAndWritesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "h " + line(K1) + "\n");

        HostKeyVerdict v = KnownHosts.file(file).verify("h", 22, K2, HostKeyPolicy.NEVER);

        assertThat(v).isInstanceOf(HostKeyVerdict.Unchecked.class);
        assertThat(v.accepted()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("h " + line(K1) + "\n");
    }

    @Test
    void policy_parsesKnifesNames() {
        assertThat(HostKeyPolicy.parse("always")).isEqualTo(HostKeyPolicy.ALWAYS);
        assertThat(HostKeyPolicy.parse("accept_new")).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(HostKeyPolicy.parse("accept_new_or_local_tunnel")).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(HostKeyPolicy.parse("never")).isEqualTo(HostKeyPolicy.NEVER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostKeyPolicy.parse("sometimes"))
                .hasMessageContaining("always, accept_new or never");
    }

    private static String line(SshPublicKey k) {
        return k.type() + " " + k.base64();
    }
}
