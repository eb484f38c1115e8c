package dev.galley.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.ssh.KnownHostsEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** known_hosts lines and host patterns as OpenSSH reads them; hashed vectors made with {@code ssh-keygen -H}. */
class KnownHostsFormatTest {
    static final String K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIDOgdJI33v617vKEwUgxOpEkzzgsy3NMO4KT7lAL8E8r";
    static final String K2 = "AAAAC3NzaC1lZDI1NTE5AAAAIEtqixBGPWk1oV+z4gyk7xNytMeTivmb1mb0Gd+RqtY3";
    static final Path FILE = Path.of("/home/u/.ssh/known_hosts");

    @Test
    void parse_readsEntriesWithLineNumbers_andSkipsCommentsBlankAndMalformedLines() {
        String text = "# comment\n\nweb1 ssh-ed25519 " + K1 + " a comment\nnot a key line\n"
                + "web2 ssh-ed25519 !!notbase64\n[10.0.0.5]:2222 ssh-ed25519 " + K2 + "\n";

        List<KnownHostsEntry> entries = KnownHostsFormat.parse(FILE, text);

        assertThat(entries).extracting(KnownHostsEntry::line, KnownHostsEntry::hosts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "web1"),
                        org.assertj.core.groups.Tuple.tuple(6, "[10.0.0.5]:2222"));
        assertThat(entries.get(0).key().fingerprint()).isEqualTo("SHA256:mL6DOXvHakettFxXVHaiTeuw1TVvaoA6k5taAc2Nmhw");
        assertThat(entries.get(1).where()).isEqualTo("/home/u/.ssh/known_hosts line 6");
    }

    @Test
    void parse_readsMarkers() {
        List<KnownHostsEntry> entries = KnownHostsFormat.parse(FILE, "@revoked * ssh-ed25519 " + K1 + "\n"
                + "@cert-authority *.example.com ssh-ed25519 " + K2 + "\n@unknown x ssh-ed25519 " + K2 + "\n");

        assertThat(entries).extracting(KnownHostsEntry::marker)
                .containsExactly(KnownHostsEntry.Marker.REVOKED, KnownHostsEntry.Marker.CERT_AUTHORITY);
    }

    @Test
    void parse_refusesAKeyWhoseBlobNamesAnotherType() {
        assertThat(KnownHostsFormat.parse(FILE, "web1 ssh-rsa " + K1 + "\n")).isEmpty();
    }

    @Test
    void matches_plainNamesWithoutCase_andOnlyTheirOwnPort() {
        assertThat(KnownHostsFormat.matches("web1.example.com,10.0.0.1", "WEB1.example.com")).isTrue();
        assertThat(KnownHostsFormat.matches("web1.example.com,10.0.0.1", "10.0.0.1")).isTrue();
        assertThat(KnownHostsFormat.matches("web1.example.com", "[web1.example.com]:2222")).isFalse();
        assertThat(KnownHostsFormat.matches("[web1.example.com]:2222", "[web1.example.com]:2222")).isTrue();
        assertThat(KnownHostsFormat.matches("[web1.example.com]:2222", "[web1.example.com]:2223")).isFalse();
        assertThat(KnownHostsFormat.matches("[web1.example.com]:2222", "web1.example.com")).isFalse();
    }

    @Test
    void matches_wildcardsAndNegation() {
        assertThat(KnownHostsFormat.matches("*.example.com", "web1.example.com")).isTrue();
        assertThat(KnownHostsFormat.matches("*.example.com", "example.com")).isFalse();
        assertThat(KnownHostsFormat.matches("web?", "web1")).isTrue();
        assertThat(KnownHostsFormat.matches("web?", "web12")).isFalse();
        assertThat(KnownHostsFormat.matches("*.example.com,!db*.example.com", "db1.example.com")).isFalse();
        assertThat(KnownHostsFormat.matches("!db*.example.com,*.example.com", "web1.example.com")).isTrue();
        assertThat(KnownHostsFormat.matches("!db*", "web1")).isFalse();
        assertThat(KnownHostsFormat.matches("[10.0.0.*]:2222", "[10.0.0.7]:2222")).isTrue();
    }

    @Test
    void matches_hashedNamesWrittenBySshKeygen() {
        String web1 = "|1|jatxv53y3KAhwUHAHudtcSl6B4I=|panThPRQsqU3gPNe1JttPyXYuuk=";
        String port2222 = "|1|rdQNjNC0+0T7hclJiMM5d+uOAC8=|XUUfm2cbKY0iwpQ2Yn13R4aqExA=";

        assertThat(KnownHostsFormat.matches(web1, "web1.example.com")).isTrue();
        assertThat(KnownHostsFormat.matches(web1, "web2.example.com")).isFalse();
        assertThat(KnownHostsFormat.matches(port2222, "[10.0.0.5]:2222")).isTrue();
        assertThat(KnownHostsFormat.matches(port2222, "10.0.0.5")).isFalse();
        assertThat(KnownHostsFormat.matches("|1|garbage", "web1.example.com")).isFalse();
    }

    @Test
    void hash_writesWhatMatchesAndNothingElse() {
        String hashed = KnownHostsFormat.hash("[db1]:2200");

        assertThat(hashed).startsWith("|1|");
        assertThat(KnownHostsFormat.matches(hashed, "[db1]:2200")).isTrue();
        assertThat(KnownHostsFormat.matches(hashed, "db1")).isFalse();
        assertThat(KnownHostsFormat.hash("[db1]:2200")).isNotEqualTo(hashed); // fresh salt each time
    }
}
