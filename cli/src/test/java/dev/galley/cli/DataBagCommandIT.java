package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code galley data bag ...} end to end against goiardi: plain and encrypted items (v1, v2, v3), as users run it. */
@ExtendWith(ChefLabExtension.class)
class DataBagCommandIT {
    private static final String ITEM = "{\"id\": \"mysql\", \"password\": \"s3cr3t\", \"port\": 3306}";

    /** The lab's config.rb with extra settings, in the test's home. */
    private static String config(GoiardiServer server, Path home, String... extra) throws Exception {
        String rb = Files.readString(server.writeKnifeConfig()).replace("current_dir = File.dirname(__FILE__)",
                "current_dir = \"" + server.directory() + "\"") + String.join("\n", extra) + "\n";
        return Files.writeString(home.resolve("config.rb"), rb).toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void encryptedItem_roundTrips_withEachFormatVersion(int version, GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        String config = config(server, home, "data_bag_encrypt_version " + version);
        Files.writeString(home.resolve("secret"), "correct horse battery staple\n");
        Files.writeString(home.resolve("mysql.json"), ITEM);
        String bag = "secrets_v" + version;

        CliRun create = CliRun.galley(home, "-c", config, "data", "bag", "create", bag, "mysql",
                "--input", "mysql.json", "--encrypt", "--secret-file", "secret");
        CliRun decrypted = CliRun.galley(home, "-c", config, "data", "bag", "show", bag, "mysql",
                "--secret-file", "secret");
        CliRun ciphertext = CliRun.galley(home, "-c", config, "data", "bag", "show", bag, "mysql", "-F", "json");

        assertThat(create.exitCode).as(create.toString()).isZero();
        assertThat(create.err).isEqualTo("Created data_bag[" + bag + "]\nCreated data_bag_item[mysql]\n");
        Map<String, Object> stored = chef.dataBags().item(bag, "mysql").content();
        assertThat(stored.get("password")).isInstanceOfSatisfying(Map.class,
                v -> assertThat(v.get("version")).isEqualTo(version));
        assertThat(stored.toString()).doesNotContain("s3cr3t");

        assertThat(decrypted.exitCode).as(decrypted.toString()).isZero();
        assertThat(decrypted.out).isEqualTo("""
                id:       mysql
                password: s3cr3t
                port:     3306
                """);
        assertThat(decrypted.err).isEqualTo("Encrypted data bag detected, decrypting with provided secret.\n");

        assertThat(ciphertext.exitCode).isZero();
        assertThat(ciphertext.out).contains("\"encrypted_data\"").contains("\"version\": " + version)
                .doesNotContain("s3cr3t");
        assertThat(ciphertext.err).isEqualTo("WARNING: Encrypted data bag detected, but no secret provided for "
                + "decoding. Displaying encrypted data.\n");
    }

    @Test
    void wrongSecret_isOneLineNamingItemAndValue_exit2(GoiardiServer server, @TempDir Path home) throws Exception {
        String config = config(server, home);
        Files.writeString(home.resolve("secret"), "the right one");
        Files.writeString(home.resolve("wrong"), "not the right one");
        Files.writeString(home.resolve("mysql.json"), ITEM);
        assertThat(CliRun.galley(home, "-c", config, "data", "bag", "create", "wrongsecret", "mysql", "--input",
                "mysql.json", "--secret-file", "secret").exitCode).isZero();

        CliRun run = CliRun.galley(home, "-c", config, "data", "bag", "show", "wrongsecret", "mysql",
                "--secret-file", "wrong");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n").startsWith("galley: cannot decrypt value 'password' of item "
                + "'mysql'").contains(home.resolve("wrong").toString()).doesNotContain("the right one");
    }

    @Test
    void missingSecretFile_isOneLine_exit2_andNothingIsCreated(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        String config = config(server, home);

        CliRun run = CliRun.galley(home, "-c", config, "data", "bag", "create", "nosecret", "item",
                "--secret-file", "missing-secret");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("galley: secret file " + home.resolve("missing-secret") + " does not exist: "
                + "check the path\n");
        assertThat(chef.dataBags().list()).doesNotContain("nosecret");
    }

    @Test
    void configuredSecretFile_decryptsWithoutFlags_andCommandLineSecretWarnsAboutHistory(GoiardiServer server,
            @TempDir Path home) throws Exception {
        Files.writeString(home.resolve("secret"), "configured secret");
        String config = config(server, home, "knife[:secret_file] = \"" + home.resolve("secret") + "\"");
        Files.writeString(home.resolve("mysql.json"), ITEM);

        CliRun create = CliRun.galley(home, "-c", config, "data", "bag", "create", "configured", "mysql", "--input",
                "mysql.json", "--secret", "configured secret");
        CliRun show = CliRun.galley(home, "-c", config, "data", "bag", "show", "configured", "mysql", "-F", "json");

        assertThat(create.exitCode).as(create.toString()).isZero();
        assertThat(create.err).startsWith("WARNING: --secret puts the secret in your shell history");
        assertThat(show.exitCode).as(show.toString()).isZero();
        assertThat(show.out).contains("\"password\": \"s3cr3t\"");
    }

    @Test
    void encryptFlag_withoutAnySecret_isRefused_beforeAnythingChanges(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        CliRun run = CliRun.galley(home, "-c", config(server, home), "data", "bag", "create", "noencrypt", "x",
                "--encrypt");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains("--encrypt needs a secret");
        assertThat(chef.dataBags().list()).doesNotContain("noencrypt");
    }

    @Test
    void edit_keepsAnEncryptedItemEncrypted(GoiardiServer server, ChefClient chef, @TempDir Path home)
            throws Exception {
        String config = config(server, home);
        Files.writeString(home.resolve("secret"), "edit secret");
        Files.writeString(home.resolve("mysql.json"), ITEM);
        Files.writeString(home.resolve("edited.json"), "{\"id\": \"mysql\", \"password\": \"n3w\"}");
        CliRun.galley(home, "-c", config, "data", "bag", "create", "editing", "mysql", "--input", "mysql.json",
                "--secret-file", "secret");

        CliRun noSecret = CliRun.galley(home, "-c", config, "data", "bag", "edit", "editing", "mysql", "--input",
                "edited.json");
        CliRun edit = CliRun.galley(home, "-c", config, "data", "bag", "edit", "editing", "mysql", "--input",
                "edited.json", "--secret-file", "secret");
        CliRun show = CliRun.galley(home, "-c", config, "data", "bag", "show", "editing", "mysql", "--secret-file",
                "secret");

        assertThat(noSecret.exitCode).isEqualTo(2);
        assertThat(noSecret.err).contains("is encrypted: give its secret");
        assertThat(edit.exitCode).as(edit.toString()).isZero();
        assertThat(edit.err).isEqualTo("Encrypting data bag using provided secret.\nSaved data_bag_item[mysql]\n");
        assertThat(chef.dataBags().item("editing", "mysql").content().get("password")).isInstanceOf(Map.class);
        assertThat(show.out).isEqualTo("id:       mysql\npassword: n3w\n");
    }

    @Test
    void fromFile_createsAndReplacesItems_andAMalformedFileChangesNothing(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        String config = config(server, home);
        chef.dataBags().create("users");
        chef.dataBags().createItem("users", DataBagItem.of("alice", Map.of("uid", 1000)));
        Path dir = Files.createDirectories(home.resolve("data_bags/users"));
        Files.writeString(dir.resolve("alice.json"), "{\"id\": \"alice\", \"uid\": 2000}");
        Files.writeString(dir.resolve("bob.json"), "{\"id\": \"bob\", \"uid\": 2001}");
        Files.writeString(home.resolve("broken.json"), "{\"id\": \"carol\", ");

        CliRun broken = CliRun.galley(home, "-c", config, "data", "bag", "from", "file", "users", "alice.json",
                "broken.json");
        assertThat(chef.dataBags().item("users", "alice").content().get("uid")).isEqualTo(1000);
        CliRun load = CliRun.galley(home, "-c", config, "data", "bag", "from", "file", "users", "alice.json",
                "data_bags/users/bob.json");
        CliRun list = CliRun.galley(home, "-c", config, "data", "bag", "show", "users");

        assertThat(broken.exitCode).isEqualTo(2);
        assertThat(broken.err.strip()).doesNotContain("\n").contains("broken.json is not valid JSON");
        assertThat(load.exitCode).as(load.toString()).isZero();
        assertThat(load.err).isEqualTo("Updated data_bag_item[users::alice]\nUpdated data_bag_item[users::bob]\n");
        assertThat(chef.dataBags().item("users", "alice").content().get("uid")).isEqualTo(2000);
        assertThat(list.out).isEqualTo("alice\nbob\n");
    }

    @Test
    void delete_asksFirst_andWithoutAnAnswerChangesNothing(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        String config = config(server, home);
        chef.dataBags().create("doomed");
        chef.dataBags().createItem("doomed", DataBagItem.of("one", Map.of()));

        CliRun unconfirmed = CliRun.galley(home, "-c", config, "data", "bag", "delete", "doomed", "one");
        assertThat(chef.dataBags().findItem("doomed", "one")).isPresent();
        CliRun item = CliRun.galley(home, "-c", config, "-y", "data", "bag", "delete", "doomed", "one");
        CliRun bag = CliRun.galley(home, "-c", config, "-y", "data", "bag", "delete", "doomed");
        CliRun list = CliRun.galley(home, "-c", config, "data", "bag", "list", "-F", "json");

        assertThat(unconfirmed.exitCode).isEqualTo(2);
        assertThat(item.err).isEqualTo("Deleted data_bag_item[one]\n");
        assertThat(bag.err).isEqualTo("Deleted data_bag[doomed]\n");
        assertThat(list.out).doesNotContain("doomed");
    }

    @Test
    void showUnknownItem_isOneLine_exit2(GoiardiServer server, @TempDir Path home) throws Exception {
        CliRun run = CliRun.galley(home, "-c", config(server, home), "data", "bag", "show", "nosuchbag", "x");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n").contains("404");
    }
}
