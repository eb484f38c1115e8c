package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How settings become KnifeConfig: defaults, key lookup, paths, proxies, TLS, and wrong types. */
class KnifeConfigSettingsTest {
    static final String URL = "chef_server_url 'https://chef.example.com/organizations/acme'\n";

    @TempDir
    Path tmp;
    FakeWorkstation ws;

    @BeforeEach
    void setUp() {
        ws = new FakeWorkstation(tmp);
    }

    private ChefConfigException failureWith(String configRb) {
        ws.write("home/me/.chef/config.rb", configRb);
        return ws.failure();
    }

    private Path configRb() {
        return ws.home.resolve(".chef/config.rb");
    }

    @Test
    void nodeName_fallsBackToTheLoginName() {
        ws.write("home/me/.chef/config.rb", URL);

        KnifeConfig config = ws.load();

        assertThat(config.nodeName()).isEqualTo("login-user");
        assertThat(config.origins()).containsEntry("node_name", "default (login name)");
    }

    @Test
    void defaultKey_isNodeNamePemNextToTheConfigFileFirst() {
        ws.write("home/me/src/repo/.chef/config.rb", URL + "node_name 'dana'\n");
        Path local = ws.write("home/me/src/repo/.chef/dana.pem", "not read yet");
        ws.write("home/me/.chef/dana.pem", "not read yet");

        assertThat(ws.load().clientKey()).isEqualTo(new KeySource.File(local));
    }

    @Test
    void defaultKey_isThenLookedUpInHomeDotChef_andUserPemAfterNodeNamePem() {
        ws.write("home/me/src/repo/.chef/config.rb", URL + "node_name 'dana'\n");
        Path home = ws.write("home/me/.chef/dana.pem", "x");
        assertThat(ws.load().clientKey()).isEqualTo(new KeySource.File(home));

        home.toFile().delete();
        Path userPem = ws.write("home/me/src/repo/.chef/user.pem", "x");
        assertThat(ws.load().clientKey()).isEqualTo(new KeySource.File(userPem));
    }

    @Test
    void defaultKey_withNothingFound_isClientPemInTheConfigDirectory() {
        ws.write("home/me/src/repo/.chef/config.rb", URL);

        KnifeConfig config = ws.load();

        assertThat(config.clientKey()).isEqualTo(new KeySource.File(tmp.resolve("home/me/src/repo/.chef/client.pem")));
        assertThat(config.origins().get("client_key")).isEqualTo("default (no login-user.pem or user.pem found)");
    }

    @Test
    void relativePaths_resolveAgainstTheConfigFilesDirectory() {
        ws.write("home/me/src/repo/.chef/config.rb", URL + "client_key 'me.pem'\ncookbook_path ['../cookbooks', "
                + "'/abs/cookbooks', '~/shared']\nchef_repo_path '..'\ntrusted_certs_dir 'certs'\n"
                + "ssl_ca_file '/etc/ssl/ca.pem'\n");
        Path dotChef = tmp.resolve("home/me/src/repo/.chef");

        KnifeConfig config = ws.load();

        assertThat(config.clientKey()).isEqualTo(new KeySource.File(dotChef.resolve("me.pem")));
        assertThat(config.cookbookPath()).containsExactly(tmp.resolve("home/me/src/repo/cookbooks"),
                Path.of("/abs/cookbooks"), ws.home.resolve("shared"));
        assertThat(config.chefRepoPath()).contains(tmp.resolve("home/me/src/repo"));
        assertThat(config.tls().trustedCertsDir()).contains(dotChef.resolve("certs"));
        assertThat(config.tls().caFile()).contains(Path.of("/etc/ssl/ca.pem"));
    }

    @Test
    void cookbookPath_mayBeASingleString() {
        ws.write("home/me/.chef/config.rb", URL + "cookbook_path '/srv/cookbooks'\n");

        assertThat(ws.load().cookbookPath()).containsExactly(Path.of("/srv/cookbooks"));
    }

    @Test
    void sslVerifyModeNone_turnsVerificationOff_unlessVerifyApiCert() {
        ws.write("home/me/.chef/config.rb", URL + "ssl_verify_mode :verify_none\n");
        assertThat(ws.load().tls().verifyPeer()).isFalse();

        ws.write("home/me/.chef/config.rb", URL + "ssl_verify_mode :verify_none\nverify_api_cert true\n");
        assertThat(ws.load().tls().verifyPeer()).isTrue();

        ws.write("home/me/.chef/config.rb", URL + "ssl_verify_mode :verify_peer\n");
        assertThat(ws.load().tls().verifyPeer()).isTrue();
    }

    @Test
    void proxies_comeFromSettingsFirst_thenTheEnvironment() {
        ws.env.put("https_proxy", "http://env-proxy:3128");
        ws.env.put("NO_PROXY", "env.local");
        ws.write("home/me/.chef/config.rb", URL + "http_proxy 'http://cfg-proxy:8080'\n");

        ProxySettings proxy = ws.load().proxy();

        assertThat(proxy.httpProxy()).contains(URI.create("http://cfg-proxy:8080"));
        assertThat(proxy.httpsProxy()).contains(URI.create("http://env-proxy:3128"));
        assertThat(proxy.noProxy()).containsExactly("env.local");
    }

    @Test
    void proxies_withNoSettings_areTheEnvironments() {
        ws.env.put("HTTPS_PROXY", "http://env-proxy:3128");
        ws.write("home/me/.chef/config.rb", URL);

        assertThat(ws.load().proxy().httpsProxy()).contains(URI.create("http://env-proxy:3128"));
    }

    @Test
    void restTimeoutThatIsNotANumber_isAnErrorWithFileAndLine() {
        assertThat(failureWith(URL + "\n\n\n\n\nrest_timeout 'fast'\n")).hasMessage(configRb()
                + ":7: rest_timeout must be a number of seconds, not \"fast\"");
    }

    @Test
    void sslVerifyModeThatIsNotASymbol_isAnError() {
        assertThat(failureWith(URL + "ssl_verify_mode 'verify_none'\n")).hasMessage(configRb()
                + ":2: ssl_verify_mode must be :verify_peer or :verify_none (in credentials \":verify_none\"), not "
                + "\"verify_none\"");
    }

    @Test
    void wrongTypes_areErrorsNamingSettingAndLine() {
        assertThat(failureWith(URL + "verify_api_cert 'yes'\n")).hasMessage(configRb()
                + ":2: verify_api_cert must be true or false, not \"yes\"");
        assertThat(failureWith(URL + "node_name :bob\n")).hasMessage(configRb()
                + ":2: node_name must be a string, not :bob");
        assertThat(failureWith(URL + "cookbook_path 42\n")).hasMessage(configRb()
                + ":2: cookbook_path must be a path string, not 42");
        assertThat(failureWith(URL + "client_key 42\n")).hasMessage(configRb()
                + ":2: client_key must be a path string, not an Integer (value not shown)");
        assertThat(failureWith(URL + "cookbook_path '/a', '/b'\n")).hasMessage(configRb()
                + ":2: cookbook_path takes one value, not 2: to give several, write an array: cookbook_path [a, b]");
    }

    @Test
    void badServerUrl_isAnErrorAtItsLine() {
        assertThat(failureWith("node_name 'x'\nchef_server_url 'chef.example.com'\n")).hasMessage(configRb()
                + ":2: chef_server_url 'chef.example.com' is not usable: it must start with https:// or http://; "
                + "expected https://HOST[:PORT][/organizations/NAME]");
    }

    @Test
    void badSigningVersion_isAnErrorAtItsLine() {
        assertThat(failureWith(URL + "authentication_protocol_version '2.0'\n")).hasMessage(configRb()
                + ":2: unknown signing protocol version '2.0': use 1.0, 1.1 or 1.3");
    }

    @Test
    void badProxySetting_isAnErrorAtItsLine() {
        assertThat(failureWith(URL + "https_proxy 'http://'\n").getMessage()).startsWith(configRb()
                + ":2: knife configuration https_proxy is not a proxy URL");
    }

    @Test
    void badValueInCredentials_namesTheProfile() {
        Path creds = ws.write("home/me/.chef/credentials", "[default]\nchef_server_url = \"https://x.example.com\"\n"
                + "rest_timeout = \"soon\"\n");

        assertThat(ws.failure()).hasMessage(creds + ": profile 'default': rest_timeout must be a number of seconds, "
                + "not \"soon\"");
    }

    @Test
    void knifeOrAssign_keepsAValueFromCredentials() {
        ws.write("home/me/.chef/credentials", "[default]\n[default.knife]\nssh_user = \"from-credentials\"\n");
        ws.write("home/me/.chef/config.rb", URL + "knife[:ssh_user] ||= 'ubuntu'\nknife[:editor] ||= 'vim'\n");

        KnifeConfig config = ws.load();

        assertThat(config.knife()).containsEntry("ssh_user", "from-credentials").containsEntry("editor", "vim");
    }

    @Test
    void keyContentsInConfigRb_areInlineKeys_namedByFileAndLine() {
        ChefKey client = ChefKey.generate(2048);
        ChefKey validator = ChefKey.generate(2048);
        ws.write("home/me/.chef/config.rb", URL + "client_key_contents <<~PEM\n" + client.privateKeyPem()
                + "PEM\nvalidation_key_contents '" + validator.privateKeyPem() + "'\n");

        KnifeConfig config = ws.load();

        assertThat(config.clientKey().load().publicKeyPem()).isEqualTo(client.publicKeyPem());
        assertThat(config.clientKey().describe()).isEqualTo("inline key in " + configRb() + ":2");
        KeySource validation = config.validationKey().orElseThrow();
        assertThat(validation.load().publicKeyPem()).isEqualTo(validator.publicKeyPem());
        assertThat(validation.describe()).startsWith("inline key in " + configRb() + ":");
        assertThat(config.settings()).doesNotContainKeys("client_key", "validation_key", "client_key_contents",
                "validation_key_contents");
    }

    @Test
    void settings_keepEveryValueAsRead() {
        ws.write("home/me/.chef/config.rb", URL + "log_level :debug\nknife_plugins %w(ec2 vault)\n"
                + "data_bag_encrypt_version 3\n");

        KnifeConfig config = ws.load();

        assertThat(config.settings()).containsEntry("log_level", ":debug")
                .containsEntry("knife_plugins", List.of("ec2", "vault")).containsEntry("data_bag_encrypt_version", 3L);
    }
}
