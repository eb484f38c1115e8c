package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.CredentialsProfiles.ChosenBy;
import dev.galley.chef.CredentialsProfiles.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley config list-profiles} and {@code use-profile}: what is listed, what is active, what is written. */
class KnifeConfigProfilesTest {
    @TempDir
    Path tmp;
    FakeWorkstation ws;
    Path credentials;
    Path context;

    @BeforeEach
    void setUp() {
        ws = new FakeWorkstation(tmp);
        credentials = ws.copy("knife/credentials", "home/me/.chef/credentials");
        context = ws.home.resolve(".chef/context");
    }

    private CredentialsProfiles profiles() {
        return KnifeConfigLoader.profiles(ws.options());
    }

    private ChefConfigException useProfileFailure(String name) {
        return (ChefConfigException) assertThatThrownBy(() -> KnifeConfigLoader.useProfile(ws.options(), name))
                .isInstanceOf(ChefConfigException.class).actual();
    }

    @Test
    void listProfiles_givesEveryProfileInFileOrder_withClientServerAndKeyPath() {
        CredentialsProfiles listed = profiles();

        assertThat(listed.credentialsFile()).contains(credentials);
        assertThat(listed.profiles()).containsExactly(
                new Profile("default", Optional.of("barney"),
                        Optional.of("https://api.chef.io/organizations/bedrock"),
                        Optional.of(ws.home.resolve(".chef/barney_rubble.pem").toString())),
                new Profile("dev", Optional.of("admin"), Optional.of("https://chef-dev.example.com/organizations/dev"),
                        Optional.of(ws.home.resolve(".chef/admin.pem").toString())),
                // prod.eu names its user with node_name, which knife lists as the client too.
                new Profile("prod.eu", Optional.of("deployer"),
                        Optional.of("https://chef.example.com/organizations/prod"),
                        Optional.of("/etc/chef/deployer.pem")));
    }

    @Test
    void listProfiles_withNothingChoosing_marksDefaultActive() {
        CredentialsProfiles listed = profiles();

        assertThat(listed.activeProfile()).isEqualTo("default");
        assertThat(listed.chosenBy()).isEqualTo(ChosenBy.DEFAULT);
        assertThat(listed.chosenBy().text()).isEqualTo("default");
        assertThat(listed.active().map(Profile::name)).contains("default");
    }

    @Test
    void listProfiles_withContextFile_marksItsProfileActive() {
        ws.write("home/me/.chef/context", "dev\n");

        CredentialsProfiles listed = profiles();

        assertThat(listed.activeProfile()).isEqualTo("dev");
        assertThat(listed.chosenBy().text()).isEqualTo("~/.chef/context");
        assertThat(listed.profiles()).filteredOn(listed::isActive).extracting(Profile::name).containsExactly("dev");
    }

    @Test
    void listProfiles_withChefProfileVariable_winsOverContextFile() {
        ws.write("home/me/.chef/context", "dev\n");
        ws.env.put("CHEF_PROFILE", "prod.eu");

        CredentialsProfiles listed = profiles();

        assertThat(listed.activeProfile()).isEqualTo("prod.eu");
        assertThat(listed.chosenBy().text()).isEqualTo("$CHEF_PROFILE");
    }

    @Test
    void listProfiles_withProfileOption_winsOverEverything() {
        ws.write("home/me/.chef/context", "dev\n");
        ws.env.put("CHEF_PROFILE", "prod.eu");

        CredentialsProfiles listed = KnifeConfigLoader.profiles(ws.options().withProfile("default"));

        assertThat(listed.activeProfile()).isEqualTo("default");
        assertThat(listed.chosenBy()).isEqualTo(ChosenBy.PROFILE_OPTION);
        assertThat(listed.chosenBy().text()).isEqualTo("--profile");
    }

    @Test
    void listProfiles_activeProfileMissingFromTheFile_isNamedButNotAnError() {
        ws.env.put("CHEF_PROFILE", "staging");

        CredentialsProfiles listed = profiles();

        assertThat(listed.activeProfile()).isEqualTo("staging");
        assertThat(listed.active()).isEmpty();
        assertThat(listed.profiles()).hasSize(3);
    }

    @Test
    void listProfiles_withoutCredentialsFile_isEmpty() throws IOException {
        Files.delete(credentials);

        CredentialsProfiles listed = profiles();

        assertThat(listed.credentialsFile()).isEmpty();
        assertThat(listed.profiles()).isEmpty();
        assertThat(listed.activeProfile()).isEqualTo("default");
    }

    @Test
    void listProfiles_inlineKey_isDescribedNeverShown() {
        String pem = ChefKey.generate(2048).privateKeyPem();
        ws.write("home/me/.chef/credentials", "[ci]\nclient_name = \"ci\"\nclient_key = \"\"\"\n" + pem + "\"\"\"\n"
                + "[nokey]\nclient_name = \"x\"\n");

        CredentialsProfiles listed = profiles();

        assertThat(listed.profiles()).extracting(Profile::clientKeyDescription)
                .containsExactly(Optional.of("inline key"), Optional.empty());
        String body = pem.lines().skip(1).findFirst().orElseThrow();
        assertThat(listed.toString()).doesNotContain(body);
    }

    @Test
    void listProfiles_malformedToml_isAnErrorWithTheLine() {
        ws.write("home/me/.chef/credentials", "[default]\nclient_name = \"ok\"\n[dev\n");

        assertThatThrownBy(this::profiles).isInstanceOf(ChefConfigException.class)
                .hasMessageStartingWith(credentials + ":3: is not valid TOML (");
    }

    @Test
    void useProfile_writesTheNameToTheContextFile_andLoadThenUsesIt() throws IOException {
        Path written = KnifeConfigLoader.useProfile(ws.options(), "dev");

        assertThat(written).isEqualTo(context);
        assertThat(Files.readString(context, StandardCharsets.UTF_8)).isEqualTo("dev\n");
        KnifeConfig config = ws.load();
        assertThat(config.profile()).contains("dev");
        assertThat(config.nodeName()).isEqualTo("admin");
        assertThat(profiles().chosenBy()).isEqualTo(ChosenBy.CONTEXT_FILE);
    }

    @Test
    void useProfile_replacesThePreviousChoice_andLeavesNoTemporaryFile() throws IOException {
        ws.write("home/me/.chef/context", "dev\n");

        KnifeConfigLoader.useProfile(ws.options(), "  prod.eu \n");

        assertThat(Files.readString(context, StandardCharsets.UTF_8)).isEqualTo("prod.eu\n");
        assertThat(ws.load().nodeName()).isEqualTo("deployer");
        try (Stream<Path> files = Files.list(context.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("credentials",
                    "context");
        }
    }

    @Test
    void useProfile_createsDotChef_whenTheCredentialsFileIsElsewhere() throws IOException {
        Path other = ws.write("secrets/creds.toml", "[ci]\nclient_name = \"ci\"\n");
        Files.delete(credentials);
        Files.delete(credentials.getParent());
        ws.env.put("CHEF_CREDENTIALS_FILE", other.toString());

        KnifeConfigLoader.useProfile(ws.options(), "ci");

        assertThat(Files.readString(context, StandardCharsets.UTF_8)).isEqualTo("ci\n");
    }

    @Test
    void useProfile_checksTheCredentialsFileNamedInConfigRb() {
        Path team = ws.write("home/me/.chef/team-credentials", "[team]\nclient_name = \"t\"\n");
        ws.write("home/me/.chef/config.rb", "credentials File.join(__dir__, 'team-credentials')\n");

        KnifeConfigLoader.useProfile(ws.options(), "team");

        assertThat(useProfileFailure("dev")).hasMessage(team + ": has no profile 'dev'; it has profiles team: "
                + "choose one of those or add a [dev] table");
    }

    @Test
    void useProfile_missingProfile_isAnErrorListingTheProfiles_andWritesNothing() {
        ChefConfigException e = useProfileFailure("staging");

        assertThat(e).hasMessage(credentials + ": has no profile 'staging'; it has profiles default, dev, prod.eu: "
                + "choose one of those or add a [staging] table");
        assertThat(e.file()).contains(credentials);
        assertThat(context).doesNotExist();
    }

    @Test
    void useProfile_missingDottedProfile_saysToQuoteTheName() {
        ws.write("home/me/.chef/credentials", "[prod.example.com]\nclient_name = \"p\"\n");

        assertThat(useProfileFailure("prod.example.com")).hasMessage(credentials + ": has no profile "
                + "'prod.example.com'; it has profiles prod: choose one of those or add a [prod.example.com] table "
                + "(quote a name with dots: ['prod.example.com'])");
    }

    @Test
    void useProfile_withoutCredentialsFile_isAnError() throws IOException {
        Files.delete(credentials);

        assertThat(useProfileFailure("dev")).hasMessage(credentials + ": does not exist, so it has no profile 'dev' "
                + "to use: create it with a [dev] table holding client_name, client_key and chef_server_url");
        assertThat(context).doesNotExist();
    }

    @Test
    void useProfile_blankName_isAnError() {
        assertThat(useProfileFailure("  ")).hasMessage("no profile name given: name one of the profiles in "
                + credentials);
    }

    @Test
    void useProfile_whenDotChefCannotBeCreated_isAnErrorSayingWhere() {
        Path other = ws.write("secrets/creds.toml", "[ci]\nclient_name = \"ci\"\n");
        ws.env.put("CHEF_CREDENTIALS_FILE", other.toString());
        credentials.toFile().delete();
        credentials.getParent().toFile().delete();
        ws.write("home/me/.chef", "a file where the directory should be");

        assertThat(useProfileFailure("ci").getMessage()).startsWith(context + ": cannot be written (")
                .endsWith("): check that " + context.getParent() + " is a directory you can write to");
    }
}
