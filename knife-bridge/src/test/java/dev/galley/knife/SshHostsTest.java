package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.GalleyException;
import dev.galley.ssh.SshTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How galley ssh reads knife's -m host lists and fuzzy queries. */
class SshHostsTest {

    @Test
    void manual_readsHostsUsersAndPorts_labelledAsGiven() {
        List<SshHosts.Entry> hosts = SshHosts.manual(" web1  deploy@web2 10.0.0.3:2222 [fe80::1]:2200 ::1 ", "me",
                Optional.empty());

        assertThat(hosts).extracting(SshHosts.Entry::label)
                .containsExactly("web1", "deploy@web2", "10.0.0.3:2222", "[fe80::1]:2200", "::1");
        assertThat(hosts).extracting(e -> e.target().orElseThrow()).containsExactly(
                new SshTarget("web1", 22, "me"), new SshTarget("web2", 22, "deploy"),
                new SshTarget("10.0.0.3", 2222, "me"), new SshTarget("fe80::1", 2200, "me"),
                new SshTarget("::1", 22, "me"));
    }

    @Test
    void manual_theSshPortOptionWinsOverEveryHost() {
        assertThat(SshHosts.manual("a:2222 b", "me", Optional.of(2200)))
                .extracting(e -> e.target().orElseThrow().port()).containsExactly(2200, 2200);
    }

    @Test
    void manual_badPortsAndEmptyLists_areBadInput() {
        assertThatThrownBy(() -> SshHosts.manual("web1:http", "me", Optional.empty()))
                .isInstanceOf(GalleyException.class).hasMessageContaining("bad port 'http'");
        assertThatThrownBy(() -> SshHosts.manual("web1:70000", "me", Optional.empty()))
                .isInstanceOf(GalleyException.class).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> SshHosts.manual("[fe80::1", "me", Optional.empty()))
                .isInstanceOf(GalleyException.class).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> SshHosts.manual("   ", "me", Optional.empty()))
                .isInstanceOf(GalleyException.class).hasMessageContaining("no hosts given");
    }

    @Test
    void fuzzify_asKnife_onlyForQueriesWithoutAField() {
        assertThat(SshHosts.fuzzify("role:web")).isEqualTo("role:web");
        assertThat(SshHosts.fuzzify("web")).isEqualTo("tags:*web* OR roles:*web* OR fqdn:*web* OR addresses:*web* "
                + "OR policy_name:*web* OR policy_group:*web*");
    }
}
