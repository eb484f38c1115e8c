package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TOML credentials file: which profile, what each key means, and how it combines with config.rb. */
class KnifeConfigCredentialsTest {
    @TempDir
    Path tmp;
    FakeWorkstation ws;
    Path credentials;

    @BeforeEach
    void setUp() {
        ws = new FakeWorkstation(tmp);
        credentials = ws.copy("knife/credentials", "home/me/.chef/credentials");
    }

    @Test
    void defaultProfile_setsClientNameKeyRelativeToDotChefAndServer() {
        KnifeConfig config = ws.load();

        assertThat(config.profile()).contains("default");
        assertThat(config.credentialsFile()).contains(credentials);
        assertThat(config.nodeName()).isEqualTo("barney");
        assertThat(config.clientKey()).isEqualTo(new KeySource.File(ws.home.resolve(".chef/barney_rubble.pem")));
        assertThat(config.chefServerUrl().organization()).contains("bedrock");
        assertThat(config.origins()).containsEntry("node_name", "credentials " + credentials + " profile 'default'");
        assertThat(config.configFile()).isEmpty();
    }

    @Test
    void explicitProfile_winsOverChefProfileAndContext() {
        ws.env.put("CHEF_PROFILE", "prod.eu");
        ws.write("home/me/.chef/context", "prod.eu\n");

        assertThat(ws.load(ws.options().withProfile("dev")).profile()).contains("dev");
    }

    @Test
    void chefProfileVariable_winsOverContextFile() {
        ws.env.put("CHEF_PROFILE", "prod.eu");
        ws.write("home/me/.chef/context", "dev\n");

        KnifeConfig config = ws.load();

        assertThat(config.profile()).contains("prod.eu");
        assertThat(config.nodeName()).isEqualTo("deployer");
        assertThat(config.clientKey()).isEqualTo(new KeySource.File(Path.of("/etc/chef/deployer.pem")));
        assertThat(config.restTimeout()).contains(Duration.ofSeconds(120));
    }

    @Test
    void contextFile_choosesTheProfile_whenNothingElseDoes() {
        ws.write("home/me/.chef/context", "  dev \n");

        KnifeConfig config = ws.load();

        assertThat(config.profile()).contains("dev");
        assertThat(config.nodeName()).isEqualTo("admin");
    }

    @Test
    void knifeSubTable_becomesKnifeSettings() {
        KnifeConfig config = ws.load(ws.options().withProfile("dev"));

        assertThat(config.knife()).containsEntry("ssh_user", "vagrant").containsEntry("ssh_attribute", "ipaddress");
        assertThat(config.origins()).containsEntry("knife[:ssh_user]", "credentials " + credentials
                + " profile 'dev'");
    }

    @Test
    void symbolWrittenAsTomlString_isCoercedLikeChefConfig() {
        KnifeConfig config = ws.load(ws.options().withProfile("dev"));

        assertThat(config.settings()).containsEntry("ssl_verify_mode", ":verify_none");
        assertThat(config.tls().verifyPeer()).isFalse();
    }

    @Test
    void missingNonDefaultProfile_isAnErrorListingTheProfilesTheFileHas() {
        ChefConfigException e = ws.failure(ws.options().withProfile("staging"));

        assertThat(e).hasMessage(credentials + ": has no profile 'staging' (chosen by --profile); it has profiles "
                + "default, dev, prod.eu: add a [staging] table or choose one of those");
    }

    @Test
    void missingDefaultProfile_isIgnoredAsKnifeDoes() {
        ws.write("home/me/.chef/credentials", "[dev]\nclient_name = \"admin\"\n");
        ws.write("home/me/.chef/config.rb", "chef_server_url 'https://chef.example.com'\n");

        KnifeConfig config = ws.load();

        assertThat(config.profile()).isEmpty();
        assertThat(config.nodeName()).isEqualTo("login-user");
    }

    @Test
    void profileChosenButNoCredentialsFile_isAnError() {
        ws.write("home/me/.chef/credentials", "");
        credentials.toFile().delete();
        ws.env.put("CHEF_PROFILE", "dev");

        assertThat(ws.failure()).hasMessage(credentials + ": does not exist, but profile 'dev' was chosen by "
                + "CHEF_PROFILE: create the credentials file or choose no profile");
    }

    @Test
    void bothNodeNameAndClientName_isAnError() {
        ws.write("home/me/.chef/credentials", "[default]\nnode_name = \"a\"\nclient_name = \"b\"\n");

        assertThat(ws.failure()).hasMessage(credentials + ": profile 'default': sets both node_name and client_name: "
                + "keep client_name (the name requests are signed as) and remove node_name");
    }

    @Test
    void malformedToml_isAnErrorWithTheLine() {
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ok\"\nclient_key = unquoted.pem\n");

        ChefConfigException e = ws.failure();

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(credentials + ":3: is not valid TOML (")
                .endsWith("): fix the syntax; each profile is a [name] table of key = \"value\" lines");
    }

    @Test
    void inlinePkcs1Key_isAnInlineKeySourceThatLoads_andIsNeverShown() {
        ChefKey generated = ChefKey.generate(2048);
        String pem = generated.privateKeyPem();
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ci\"\nchef_server_url = "
                + "\"https://chef.example.com\"\nclient_key = \"\"\"\n" + pem + "\"\"\"\n");

        KnifeConfig config = ws.load();

        assertThat(config.clientKey()).isInstanceOf(KeySource.Inline.class);
        assertThat(config.clientKey().load().publicKeyPem()).isEqualTo(generated.publicKeyPem());
        assertThat(config.clientKey().describe()).isEqualTo("inline key in credentials " + credentials
                + " profile 'default'");
        String body = pem.lines().skip(1).findFirst().orElseThrow();
        assertThat(config.toString()).doesNotContain(body);
        assertThat(config.settings().toString()).doesNotContain(body);
        assertThat(config.origins().toString()).doesNotContain(body);
    }

    @Test
    void inlinePkcs8Key_isAcceptedToo() {
        ChefKey generated = ChefKey.generate(2048);
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pkcs8Bytes(generated)) + "\n-----END PRIVATE KEY-----\n";
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ci\"\nchef_server_url = "
                + "\"https://chef.example.com\"\nclient_key = '''\n" + pkcs8 + "'''\n");

        KeySource key = ws.load().clientKey();

        assertThat(key).isInstanceOf(KeySource.Inline.class);
        assertThat(key.load().publicKeyPem()).isEqualTo(generated.publicKeyPem());
    }

    @Test
    void inlineValidationKey_isKeptAsAnInlineKeySource_andIsNeverShown() {
        ChefKey validator = ChefKey.generate(2048);
        String pem = validator.privateKeyPem();
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ci\"\nchef_server_url = "
                + "\"https://chef.example.com\"\nvalidation_client_name = \"acme-validator\"\n"
                + "validation_key = \"\"\"\n" + pem + "\"\"\"\n");

        KnifeConfig config = ws.load();

        KeySource key = config.validationKey().orElseThrow();
        assertThat(key).isInstanceOf(KeySource.Inline.class);
        assertThat(key.load().publicKeyPem()).isEqualTo(validator.publicKeyPem());
        assertThat(key.describe()).isEqualTo("inline key in credentials " + credentials + " profile 'default'");
        assertThat(config.origins()).containsEntry("validation_key", "credentials " + credentials
                + " profile 'default'");
        String body = pem.lines().skip(1).findFirst().orElseThrow();
        assertThat(config.toString()).doesNotContain(body);
        assertThat(key.toString()).doesNotContain(body);
        assertThat(config.settings().toString()).doesNotContain(body);
    }

    @Test
    void validatorKeyPath_isRelativeToDotChef() {
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ci\"\nchef_server_url = "
                + "\"https://chef.example.com\"\nvalidator_key = \"acme-validator.pem\"\n");

        assertThat(ws.load().validationKey())
                .contains(new KeySource.File(ws.home.resolve(".chef/acme-validator.pem")));
    }

    @Test
    void validationKeyPathInConfigRb_winsOverAnInlineOneInCredentials() {
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ci\"\nchef_server_url = "
                + "\"https://chef.example.com\"\nvalidation_key = '''\n" + ChefKey.generate(2048).privateKeyPem()
                + "'''\n");
        Path configRb = ws.write("home/me/.chef/config.rb", "validation_key '/etc/chef/validation.pem'\n");

        KnifeConfig config = ws.load();

        assertThat(config.validationKey()).contains(new KeySource.File(Path.of("/etc/chef/validation.pem")));
        assertThat(config.origins()).containsEntry("validation_key", configRb + ":1");
    }

    @Test
    void noValidationKeySetOrFound_isEmpty() {
        assertThat(ws.load().validationKey()).isEmpty();
    }

    private static byte[] pkcs8Bytes(ChefKey key) {
        String body = key.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return pkcs8Wrap(java.util.Base64.getDecoder().decode(body));
    }

    /** DER: SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption OID, NULL }, OCTET STRING pkcs1 }. */
    private static byte[] pkcs8Wrap(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] content = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
        System.arraycopy(octets, 0, content, version.length + algorithm.length, octets.length);
        return der(0x30, content);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len = n < 128 ? new byte[] {(byte) n}
                : n < 256 ? new byte[] {(byte) 0x81, (byte) n} : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + len.length + n];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, n);
        return out;
    }

    @Test
    void configRb_winsOverTheCredentialsProfile_whereBothSetAValue() {
        Path configRb = ws.write("home/me/.chef/config.rb", "chef_server_url 'https://override.example.com'\n");

        KnifeConfig config = ws.load();

        assertThat(config.chefServerUrl().url()).isEqualTo(URI.create("https://override.example.com"));
        assertThat(config.nodeName()).isEqualTo("barney");
        assertThat(config.origins()).containsEntry("chef_server_url", configRb + ":1")
                .containsEntry("node_name", "credentials " + credentials + " profile 'default'");
    }

    @Test
    void chefCredentialsFileVariable_pointsAtAnotherFile() {
        Path other = ws.write("secrets/creds.toml", "[default]\nclient_name = \"other\"\nchef_server_url = "
                + "\"https://other.example.com\"\n");
        ws.env.put("CHEF_CREDENTIALS_FILE", other.toString());

        KnifeConfig config = ws.load();

        assertThat(config.credentialsFile()).contains(other);
        assertThat(config.nodeName()).isEqualTo("other");
    }

    @Test
    void credentialsSettingInConfigRb_pointsAtAnotherFile() {
        Path other = ws.write("home/me/.chef/team-credentials", "[default]\nclient_name = \"team\"\n"
                + "chef_server_url = \"https://team.example.com\"\n");
        ws.write("home/me/.chef/config.rb", "credentials File.join(__dir__, 'team-credentials')\n");

        KnifeConfig config = ws.load();

        assertThat(config.credentialsFile()).contains(other);
        assertThat(config.nodeName()).isEqualTo("team");
    }

    @Test
    void explicitOverrides_winOverEverything() {
        KnifeConfig config = ws.load(ws.options().withServerUrl("https://flag.example.com/organizations/flag")
                .withUser("flag-user").withKeyFile(Path.of("keys/flag.pem")).withSigningVersion(SigningVersion.V1_0));

        assertThat(config.chefServerUrl().organization()).contains("flag");
        assertThat(config.nodeName()).isEqualTo("flag-user");
        assertThat(config.clientKey()).isEqualTo(new KeySource.File(ws.work.resolve("keys/flag.pem")));
        assertThat(config.signingVersion()).contains(SigningVersion.V1_0);
        assertThat(config.origins()).containsEntry("chef_server_url", "--server-url")
                .containsEntry("node_name", "--user").containsEntry("client_key", "--key");
    }
}
