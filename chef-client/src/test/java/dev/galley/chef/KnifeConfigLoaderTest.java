package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files knife reads, in which order, and what the classic knife.rb shapes produce. */
class KnifeConfigLoaderTest {
    static final String URL = "chef_server_url 'https://chef.example.com/organizations/acme'\n";

    @TempDir
    Path tmp;
    FakeWorkstation ws;

    @BeforeEach
    void setUp() {
        ws = new FakeWorkstation(tmp);
    }

    @Test
    void search_knifeHomeComesFirst() {
        Path chosen = ws.write("knifehome/knife.rb", URL + "node_name 'from-knife-home'\n");
        ws.write("home/me/src/repo/app/config.rb", URL + "node_name 'from-cwd'\n");
        ws.env.put("KNIFE_HOME", tmp.resolve("knifehome").toString());

        KnifeConfig config = ws.load();

        assertThat(config.configFile()).contains(chosen);
        assertThat(config.nodeName()).isEqualTo("from-knife-home");
    }

    @Test
    void search_workingDirectoryComesBeforeDotChef() {
        Path chosen = ws.write("home/me/src/repo/app/knife.rb", URL + "node_name 'from-cwd'\n");
        ws.write("home/me/src/repo/.chef/config.rb", URL + "node_name 'from-dot-chef'\n");

        assertThat(ws.load().configFile()).contains(chosen);
    }

    @Test
    void search_nearestDotChefAboveTheWorkingDirectoryComesBeforeHome() {
        Path chosen = ws.write("home/me/src/repo/.chef/knife.rb", URL + "node_name 'repo'\n");
        ws.write("home/me/.chef/config.rb", URL + "node_name 'home'\n");

        KnifeConfig config = ws.load();

        assertThat(config.configFile()).contains(chosen);
        assertThat(config.nodeName()).isEqualTo("repo");
    }

    @Test
    void search_homeDotChefIsTheLastPlace() {
        Path chosen = ws.write("home/me/.chef/knife.rb", URL + "node_name 'home'\n");
        KnifeConfigLoader.Options outsideHome = KnifeConfigLoader.Options.of(ws.env, ws.home, tmp.resolve("srv"));

        assertThat(ws.load(outsideHome).configFile()).contains(chosen);
    }

    @Test
    void search_configRbComesBeforeKnifeRbInTheSamePlace() {
        ws.write("home/me/.chef/knife.rb", URL + "node_name 'knife-rb'\n");
        Path chosen = ws.write("home/me/.chef/config.rb", URL + "node_name 'config-rb'\n");

        assertThat(ws.load().configFile()).contains(chosen);
    }

    @Test
    void explicitConfigFile_isReadWithoutSearching() {
        ws.write("home/me/src/repo/app/config.rb", URL + "node_name 'cwd'\n");
        Path explicit = ws.write("elsewhere/ci.rb", URL + "node_name 'ci'\n");

        KnifeConfig config = ws.load(ws.options().withConfigFile(Path.of("../../../../../elsewhere/ci.rb")));

        assertThat(config.configFile()).contains(explicit);
        assertThat(config.nodeName()).isEqualTo("ci");
    }

    @Test
    void explicitConfigFile_thatDoesNotExist_isAnError() {
        ChefConfigException e = ws.failure(ws.options().withConfigFile(tmp.resolve("nope.rb")));

        assertThat(e).hasMessage(tmp.resolve("nope.rb") + ": does not exist: check the path given with -c/--config");
    }

    @Test
    void configD_fragmentsApplyAfterTheConfigFileInNameOrder() {
        ws.copy("knife/classic-knife.rb", "home/me/.chef/config.rb");
        ws.copy("knife/config-d-proxy.rb", "home/me/.chef/config.d/10-proxy.rb");
        ws.write("home/me/.chef/config.d/20-user.rb", "node_name 'override'\nknife[:editor] = 'emacs'\n");
        ws.write("home/me/.chef/config.d/README.md", "node_name 'not ruby'\n");

        KnifeConfig config = ws.load();

        assertThat(config.nodeName()).isEqualTo("override");
        assertThat(config.knife()).containsEntry("editor", "emacs");
        assertThat(config.proxy().httpsProxy()).contains(URI.create("http://proxy.corp.example:3128"));
        assertThat(config.proxy().noProxy()).containsExactly("localhost", "127.0.0.1", ".corp.example");
        assertThat(config.origins()).containsEntry("node_name", ws.home + "/.chef/config.d/20-user.rb:1")
                .containsEntry("https_proxy", ws.home + "/.chef/config.d/10-proxy.rb:2");
    }

    @Test
    void classicGeneratedKnifeRb_givesUserKeyServerAndCookbookPath() {
        Path knifeRb = ws.copy("knife/classic-knife.rb", "home/me/src/repo/.chef/knife.rb");
        Path dotChef = knifeRb.getParent();

        KnifeConfig config = ws.load();

        assertThat(config.nodeName()).isEqualTo("bob");
        assertThat(config.clientKey()).isEqualTo(new KeySource.File(dotChef.resolve("bob.pem")));
        assertThat(config.chefServerUrl().url()).isEqualTo(URI.create("https://api.chef.io/organizations/acme"));
        assertThat(config.chefServerUrl().root()).isEqualTo(URI.create("https://api.chef.io"));
        assertThat(config.chefServerUrl().organization()).contains("acme");
        assertThat(config.cookbookPath()).containsExactly(tmp.resolve("home/me/src/repo/cookbooks"));
        assertThat(config.settings()).containsEntry("log_level", ":info").containsEntry("log_location", "STDOUT");
        assertThat(config.origins()).containsEntry("chef_server_url", knifeRb + ":8")
                .containsEntry("node_name", knifeRb + ":6");
        assertThat(config.tls().trustedCertsDir()).contains(dotChef.resolve("trusted_certs"));
        assertThat(config.credentialsFile()).isEmpty();
    }

    @Test
    void chefManageStarterKitKnifeRb_givesValidatorAndCacheOptions() {
        ws.env.put("HOME", ws.home.toString());
        Path knifeRb = ws.copy("knife/starter-kit-knife.rb", "home/me/src/repo/.chef/knife.rb");

        KnifeConfig config = ws.load();

        assertThat(config.nodeName()).isEqualTo("admin");
        assertThat(config.validationClientName()).contains("acme-validator");
        assertThat(config.validationKey()).contains(new KeySource.File(knifeRb.resolveSibling("acme-validator.pem")));
        assertThat(config.settings()).containsEntry("cache_type", "BasicFile")
                .containsEntry("cache_options", Map.of("path", ws.home + "/.chef/checksums"));
        assertThat(config.chefServerUrl().root()).isEqualTo(URI.create("https://chef.example.com"));
    }

    @Test
    void environmentDrivenConfigRb_readsEnvKnifeSettingsTimeoutsAndTls() {
        ws.env.putAll(Map.of("USER", "carol", "HOME", ws.home.toString(), "CHEF_ORG", "bedrock",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"));
        Path configRb = ws.copy("knife/env-driven-config.rb", "home/me/.chef/config.rb");

        KnifeConfig config = ws.load();

        assertThat(config.nodeName()).isEqualTo("carol");
        assertThat(config.clientKey()).isEqualTo(new KeySource.File(ws.home.resolve(".chef/carol.pem")));
        assertThat(config.chefServerUrl().organization()).contains("bedrock");
        assertThat(config.cookbookPath()).containsExactly(ws.home.resolve("cookbooks"),
                ws.home.resolve("site-cookbooks"));
        assertThat(config.restTimeout()).contains(Duration.ofSeconds(30));
        assertThat(config.signingVersion()).contains(SigningVersion.V1_3);
        // verify_api_cert true keeps the Chef server's certificate checked despite :verify_none, as in Chef.
        assertThat(config.tls().verifyPeer()).isTrue();
        assertThat(config.knife()).containsEntry("editor", "vim").containsEntry("aws_access_key_id", "AKIAEXAMPLE")
                .containsEntry("ssh_user", "ubuntu").containsEntry("vault_admins", List.of("alice", "bob"));
        assertThat(config.knifeSetting("vault_mode")).contains("client");
        assertThat(config.origins()).containsEntry("knife[:editor]", configRb + ":19");
    }

    @Test
    void organizationUrl_derivesChefServerRoot() {
        ws.write("home/me/.chef/config.rb", "chef_server_url 'https://chef.example.com:8443/organizations/acme/'\n");

        ChefServerUrl url = ws.load().chefServerUrl();

        assertThat(url.url()).isEqualTo(URI.create("https://chef.example.com:8443/organizations/acme"));
        assertThat(url.root()).isEqualTo(URI.create("https://chef.example.com:8443"));
        assertThat(url.organization()).contains("acme");
    }

    @Test
    void noServerUrlAnywhere_isAnErrorSayingWhereItLooked() {
        ws.env.put("KNIFE_HOME", tmp.resolve("kh").toString());

        ChefConfigException e = ws.failure();

        assertThat(e).hasMessage("no chef_server_url: no config.rb or knife.rb found in [" + tmp.resolve("kh") + ", "
                + ws.work + ", " + ws.home.resolve(".chef") + "], no credentials file, and no --server-url: set "
                + "chef_server_url in config.rb or in the credentials profile, or pass --server-url");
        assertThat(e.file()).isEmpty();
    }

    @Test
    void unsupportedRubyInConfigRb_isAnErrorWithFileAndLine() {
        Path configRb = ws.write("home/me/.chef/config.rb", URL + "if ENV['CI']\n  node_name 'ci'\nend\n");

        ChefConfigException e = ws.failure();

        assertThat(e.file()).contains(configRb);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith(configRb + ":2: 'if' (a conditional) is not supported: Galley reads "
                + "the common subset of Ruby in knife configuration").endsWith("; set the value literally or move "
                + "it to ~/.chef/credentials");
    }

    @Test
    void chefServerUrlWrittenAsAnAssignment_isTheChef5552Error() {
        Path configRb = ws.write("home/me/.chef/config.rb", "node_name 'bob'\nchef_server_url = 'https://x'\n");

        assertThat(ws.failure()).hasMessage(configRb + ":2: 'chef_server_url = ...' sets a Ruby local variable, not "
                + "the chef_server_url setting, so knife would silently ignore it (chef/chef#5552): remove the '=' "
                + "and write chef_server_url VALUE");
    }

    @Test
    void noConfigFile_usesHomeDotChefForTrustedCertsAndConfigD() {
        ws.write("home/me/.chef/config.d/url.rb", URL);
        KnifeConfigLoader.Options outsideHome = KnifeConfigLoader.Options.of(Map.of(), ws.home, tmp.resolve("srv"))
                .withLoginName("me");

        KnifeConfig config = ws.load(outsideHome);

        assertThat(config.configFile()).isEqualTo(Optional.empty());
        assertThat(config.chefServerUrl().organization()).contains("acme");
        assertThat(config.tls().trustedCertsDir()).contains(ws.home.resolve(".chef/trusted_certs"));
    }
}
