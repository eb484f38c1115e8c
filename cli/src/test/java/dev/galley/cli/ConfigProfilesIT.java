package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galley config list-profiles|use-profile|get} on a credentials file of the test's own (no server is
 * contacted).
 */
class ConfigProfilesIT {
    private static final String INLINE_KEY_LINE = "MIIEowIBAAKCAQEAnotarealkeyjustfortheconfigtestsXXXXXXXXXXXXXXXXX";

    @TempDir
    Path home;

    @BeforeEach
    void credentials() {
        ChefRepos.write(home.resolve(".chef/credentials"), """
                [default]
                client_name = "alice"
                client_key = "alice.pem"
                chef_server_url = "https://chef.example.com/organizations/acme"

                [default.knife]
                ssh_user = "ops"
                secret = "hunter2-not-to-be-shown"

                [prod]
                client_name = "bob"
                client_key = \"\"\"-----BEGIN RSA PRIVATE KEY-----
                %s
                -----END RSA PRIVATE KEY-----\"\"\"
                chef_server_url = "https://chef-prod.example.com"
                ssl_verify_mode = ":verify_none"
                """.formatted(INLINE_KEY_LINE));
    }

    @Test
    void listProfiles_isKnifesTable_withTheActiveOneMarked_andSaysWhatChoseIt() {
        CliRun run = CliRun.galley(home, "config", "list-profiles");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                 Profile  Client  Key                Server
                --------------------------------------------------------------------------------
                *default  alice   ~/.chef/alice.pem  https://chef.example.com/organizations/acme
                 prod     bob     inline key         https://chef-prod.example.com
                """);
        assertThat(run.err).isEqualTo("Active profile: default, chosen by default (nothing chose another)\n");
        assertThat(run.out + run.err).doesNotContain(INLINE_KEY_LINE);
    }

    @Test
    void useProfile_writesTheContextFile_andListProfilesFollowsIt() {
        CliRun use = CliRun.galley(home, "config", "use-profile", "prod");
        CliRun list = CliRun.galley(home, "config", "list-profiles", "-F", "json");

        assertThat(use.exitCode).as(use.toString()).isZero();
        assertThat(use.out).isEmpty();
        assertThat(use.err).isEqualTo("Set default profile to prod\n");
        assertThat(ChefRepos.read(home.resolve(".chef/context"))).isEqualTo("prod\n");
        assertThat(list.out).contains("\"profile\": \"prod\",\n    \"active\": true")
                .contains("\"profile\": \"default\",\n    \"active\": false");
        assertThat(list.err).isEqualTo("Active profile: prod, chosen by ~/.chef/context (set with 'galley config "
                + "use-profile')\n");
    }

    @Test
    void useProfile_warnsWhenChefProfileWinsOverIt() {
        Map<String, String> env = Map.of("CHEF_PROFILE", "default");

        CliRun use = CliRun.galley(home, env, "", "config", "use-profile", "prod");
        CliRun list = CliRun.galley(home, env, "", "config", "list-profiles");

        assertThat(use.exitCode).as(use.toString()).isZero();
        assertThat(use.err).isEqualTo("Set default profile to prod\nWARNING: $CHEF_PROFILE is set to 'default', "
                + "which wins over ~/.chef/context: unset it (unset CHEF_PROFILE) for 'prod' to be used\n");
        assertThat(list.out).contains("*default").doesNotContain("*prod");
        assertThat(list.err).contains("chosen by $CHEF_PROFILE (which wins over ~/.chef/context)");
    }

    @Test
    void useProfile_ofAnUnknownProfile_isOneLineAndChangesNothing() {
        CliRun run = CliRun.galley(home, "config", "use-profile", "staging");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains("staging").contains("default").contains("prod");
        assertThat(home.resolve(".chef/context")).doesNotExist();
    }

    @Test
    void get_printsSettingsAsKnifeDoes_namedOnesAndDottedPaths() {
        CliRun run = CliRun.galley(home, "config", "get", "node_name", "chef_server_url", "knife.ssh_user");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                chef_server_url: https://chef.example.com/organizations/acme
                knife.ssh_user:  ops
                node_name:       alice
                """);
        assertThat(run.err).isEqualTo("Loading from credentials file " + home.resolve(".chef/credentials") + "\n");
    }

    @Test
    void get_rawRegexAndUnsetSettings() {
        CliRun raw = CliRun.galley(home, "config", "get", "-r", "node_name");
        CliRun regex = CliRun.galley(home, "--profile", "prod", "config", "get", "-F", "json", "/^ssl_verify/");
        CliRun unset = CliRun.galley(home, "config", "get", "trusted_certs_dir");

        assertThat(raw.out).isEqualTo("alice\n");
        assertThat(raw.err).isEmpty();
        assertThat(regex.out).isEqualTo("{\n  \"ssl_verify_mode\": \"verify_none\"\n}\n");
        assertThat(unset.out).isEqualTo("trusted_certs_dir: " + home.resolve(".chef/trusted_certs") + "\n");
    }

    @Test
    void get_neverShowsKeysOrSecrets() {
        CliRun key = CliRun.galley(home, "--profile", "prod", "config", "get", "client_key");
        CliRun all = CliRun.galley(home, "--profile", "prod", "config", "get", "--all");
        CliRun secret = CliRun.galley(home, "config", "get", "knife.secret");
        CliRun everything = CliRun.galley(home, "config", "get", "-F", "yaml");

        assertThat(key.exitCode).as(key.toString()).isZero();
        assertThat(key.out).isEqualTo("client_key: (inline key, not shown)\n");
        assertThat(all.out).contains("node_name:").contains("bob").contains("client_key:")
                .contains("(inline key, not shown)");
        assertThat(secret.out).isEqualTo("knife.secret: (not shown)\n");
        assertThat(everything.out).contains("ssh_user: ops");
        for (CliRun r : new CliRun[] {key, all, secret, everything}) {
            assertThat(r.out + r.err).doesNotContain(INLINE_KEY_LINE).doesNotContain("BEGIN RSA")
                    .doesNotContain("hunter2");
        }
    }
}
