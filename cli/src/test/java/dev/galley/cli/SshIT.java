package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Node;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.LoopbackPorts;
import dev.galley.lab.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galley ssh} end to end: nodes in goiardi whose cloud.public_hostname and cloud.public_ssh_port point at
 * real sshd ports on 127.0.0.1 (one port per node, each a separate SSH host to the client).
 */
@ExtendWith(ChefLabExtension.class)
class SshIT {
    static SshdServer sshd;

    @BeforeAll
    static void startSshd() {
        sshd = SshdServer.start(SshdServer.Options.defaults().withPorts(3));
    }

    @AfterAll
    static void stopSshd() {
        sshd.close();
    }

    /** A node as chef-client would save it: ohai's fqdn, ipaddress and cloud attributes, and a group to find it. */
    static void node(ChefClient chef, String name, String group, int port) {
        Map<String, Object> automatic = Map.of("fqdn", name + ".lab.example", "ipaddress", "127.0.0.1",
                "cloud", Map.of("public_hostname", "127.0.0.1", "public_ssh_port", port));
        chef.nodes().create(new Node(name, null, null, Map.of("group", group), null, null, automatic, null, null, null,
                null, null));
    }

    CliRun ssh(GoiardiServer server, Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", server.writeKnifeConfig().toString(), "ssh", "-x",
                sshd.user(), "-i", sshd.clientKey().toString()));
        all.addAll(Arrays.asList(args));
        return CliRun.galley(home, all.toArray(String[]::new));
    }

    static String port(int i) {
        return Integer.toString(sshd.ports().get(i));
    }

    /** The shell's view of which port it was reached on, so one command behaves differently per host. */
    static final String MY_PORT = "${SSH_CONNECTION##* }";

    @Test
    void runsOnEveryNodeFound_linesPrefixedByNodeName_andASummary(GoiardiServer server, ChefClient chef,
            @TempDir Path home) {
        for (int i = 0; i < 3; i++) {
            node(chef, "app" + (i + 1), "ok-group", sshd.ports().get(i));
        }

        CliRun run = ssh(server, home, "group:ok-group", "echo hello from " + MY_PORT + "; echo to-stderr >&2");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.lines()).containsExactlyInAnyOrder("app1 hello from " + port(0),
                "app2 hello from " + port(1), "app3 hello from " + port(2));
        assertThat(run.err.lines()).containsExactlyInAnyOrder("app1 to-stderr", "app2 to-stderr", "app3 to-stderr",
                "3 hosts: 3 succeeded");
        assertThat(run.err).endsWith("3 hosts: 3 succeeded\n");
        assertThat(home.resolve(".ssh/known_hosts")).content().contains("[127.0.0.1]:" + port(0));
    }

    @Test
    void aFailingHost_givesExit3_andTheSummaryNamesIt(GoiardiServer server, ChefClient chef, @TempDir Path home) {
        node(chef, "db1", "fail-group", sshd.ports().get(0));
        node(chef, "db2", "fail-group", sshd.ports().get(1));
        node(chef, "db3", "fail-group", sshd.ports().get(2));

        CliRun run = ssh(server, home, "group:fail-group",
                "[ " + MY_PORT + " = " + port(1) + " ] && { echo broken >&2; exit 1; }; echo fine");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out.lines()).containsExactlyInAnyOrder("db1 fine", "db3 fine");
        assertThat(run.err.lines()).containsExactly("db2 broken", "3 hosts: 2 succeeded, 1 failed (db2: exit 1)");
    }

    @Test
    void aHostWhoseKeyChanged_isRefusedWithOneClearLine_andTheOthersRun(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        try (SshdServer rebuilt = SshdServer.start(SshdServer.Options.defaults().withClientKey(sshd.clientKey()))) {
            node(chef, "rebuilt1", "key-group", rebuilt.port());
            node(chef, "steady1", "key-group", sshd.ports().get(0));
            CliRun first = ssh(server, home, "group:key-group", "echo hi");
            assertThat(first.exitCode).as(first.toString()).isZero();
            String knownHosts = Files.readString(home.resolve(".ssh/known_hosts"));

            rebuilt.restart(true);
            CliRun run = ssh(server, home, "group:key-group", "echo hi");

            assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
            assertThat(run.out.lines()).containsExactly("steady1  hi"); // aligned with "rebuilt1"
            List<String> errors = run.err.lines().toList();
            assertThat(errors).hasSize(2);
            assertThat(errors.get(0)).startsWith("galley: rebuilt1: host key of [127.0.0.1]:" + rebuilt.port()
                            + " has changed: it offers ssh-ed25519 SHA256:")
                    .contains("known_hosts has ssh-ed25519 SHA256:")
                    .contains(home.resolve(".ssh/known_hosts") + " line ")
                    .contains("ssh-keygen -R \"[127.0.0.1]:" + rebuilt.port() + "\"");
            assertThat(errors.get(1)).isEqualTo("2 hosts: 1 succeeded, 1 failed (rebuilt1: host key refused)");
            assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(knownHosts);
        }
    }

    @Test
    void aSlowHost_isStoppedAtTheCommandTimeout_andTheOthersFinish(GoiardiServer server, ChefClient chef,
            @TempDir Path home) {
        node(chef, "slow1", "slow-group", sshd.ports().get(0));
        node(chef, "quick1", "slow-group", sshd.ports().get(1));

        CliRun run = ssh(server, home, "--command-timeout", "1", "group:slow-group",
                "[ " + MY_PORT + " = " + port(0) + " ] && exec sleep 30; echo done");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out.lines()).containsExactly("quick1 done");
        assertThat(run.err.lines()).containsExactly(
                "galley: slow1: the command timed out after 1 s (--command-timeout) and was stopped",
                "2 hosts: 1 succeeded, 1 failed (slow1: timed out after 1 s)");
    }

    @Test
    void theAddressAttribute_andNodesWithoutIt(GoiardiServer server, ChefClient chef, @TempDir Path home) {
        node(chef, "addr1", "addr-group", sshd.ports().get(0));
        chef.nodes().create(new Node("addr2", null, null, Map.of("group", "addr-group"), null, null, Map.of(), null,
                null, null, null, null));

        CliRun run = ssh(server, home, "-a", "ipaddress", "-p", port(2), "group:addr-group", "echo " + MY_PORT);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out.lines()).containsExactly("addr1 " + port(2));
        assertThat(run.err.lines()).containsExactly(
                "galley: addr2: no address in ipaddress: not run (choose the address attribute with -a)",
                "2 hosts: 1 succeeded, 1 failed (addr2: no address)");
    }

    @Test
    void aManualList_needsNoChefServer_alignsPrefixes_andReportsAHostThatIsDown(@TempDir Path home) {
        int down = LoopbackPorts.free();
        String a = "127.0.0.1:" + port(0);
        String b = sshd.user() + "@127.0.0.1:" + port(1);
        String c = "127.0.0.1:" + down;

        CliRun run = CliRun.galley(home, "ssh", "-m", "-x", sshd.user(), "-i", sshd.clientKey().toString(),
                a + " " + b + " " + c, "echo up");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        int width = b.length();
        assertThat(run.out.lines()).containsExactlyInAnyOrder(a + " ".repeat(width - a.length() + 1) + "up",
                b + " up");
        assertThat(run.err.lines()).containsExactly(
                "galley: " + c + ": cannot connect to " + sshd.user() + "@" + c
                        + ": connection refused (is sshd listening on port " + down + "?)",
                "3 hosts: 2 succeeded, 1 failed (" + c + ": cannot connect)");
    }

    @Test
    void always_refusesHostsNotInKnownHosts(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "ssh", "-m", "--ssh-verify-host-key", "always", "-x", sshd.user(), "-i",
                sshd.clientKey().toString(), "127.0.0.1:" + port(0), "true");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.err).contains("is not known").contains("ssh-keyscan -p " + port(0) + " 127.0.0.1 >> "
                + home.resolve(".ssh/known_hosts"));
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void never_warnsOnce_andConnects(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "ssh", "-m", "--no-host-key-verify", "-x", sshd.user(), "-i", sshd.clientKey().toString(),
                "127.0.0.1:" + port(0), "echo in");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err.lines()).containsExactly("galley: warning: host keys are not checked "
                + "(--ssh-verify-host-key never): anyone between you and the hosts can pose as them",
                "1 host: 1 succeeded");
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void aSearchThatFindsNothing_isOneLineAndExit2(GoiardiServer server, @TempDir Path home) {
        CliRun run = ssh(server, home, "group:nobody-here", "true");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("galley: no nodes returned from search 'group:nobody-here': check the query "
                + "with 'galley search node \"group:nobody-here\"'\n");
    }

    @Test
    void badInput_isOneLineAndExit2(@TempDir Path home) {
        CliRun interactive = CliRun.galley(home, "ssh", "-m", "127.0.0.1", "interactive");
        CliRun missingKey = CliRun.galley(home, "ssh", "-m", "-i", home.resolve("nope").toString(), "127.0.0.1",
                "true");
        CliRun badPolicy = CliRun.galley(home, "ssh", "-m", "--ssh-verify-host-key", "sometimes", "127.0.0.1",
                "true");

        assertThat(interactive.exitCode).isEqualTo(2);
        assertThat(interactive.err).contains("does not open terminals");
        assertThat(missingKey.exitCode).isEqualTo(2);
        assertThat(missingKey.err).isEqualTo("galley: SSH identity file " + home.resolve("nope")
                + " does not exist\n");
        assertThat(badPolicy.exitCode).isEqualTo(2);
        assertThat(badPolicy.err.strip()).doesNotContain("\n").contains("always, accept_new or never");
    }
}
