package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.EncryptedDataBags;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.core.Secret;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture chef repository through {@code galley upload} and {@code galley download} against a goiardi of its
 * own (the test owns every object on it): the files come back byte for byte.
 */
@ExtendWith(ChefLabExtension.class)
class RepoRoundTripIT {

    @Test
    void uploadThenDownloadIntoAnEmptyDirectory_givesTheFixtureBackByteForByte(GoiardiServer server, ChefClient admin,
            @TempDir Path home) throws Exception {
        String config = server.writeKnifeConfig().toString();
        Path repo = ChefRepos.copyOfFixture(home.resolve("repo"));
        Path down = home.resolve("down");

        CliRun upload = CliRun.galley(home, "-c", config, "upload", "--chef-repo-path", repo.toString(), "/");

        assertThat(upload.exitCode).as(upload.toString()).isZero();
        assertThat(upload.out).isEqualTo("""
                Created /clients/fixture-client.json
                Created /cookbooks/demo
                Created /data_bags/secrets
                Created /data_bags/secrets/mysql.json
                Created /data_bags/users
                Created /data_bags/users/alice.json
                Created /environments/production.json
                Created /nodes/web1.json
                Created /roles/base.json
                Created /roles/web.json
                """);
        assertThat(upload.err).isEmpty();

        CliRun download = CliRun.galley(home, "-c", config, "download", "--chef-repo-path", down.toString(), "/");

        assertThat(download.exitCode).as(download.toString()).isZero();
        assertThat(download.out).startsWith("Created /\nCreated /clients\n").contains("Created /cookbooks/demo\n")
                .contains("Created /data_bags/secrets/mysql.json\n").endsWith("Created /roles/web.json\n");
        Map<String, byte[]> fixture = ChefRepos.files(ChefRepos.fixture());
        Map<String, byte[]> downloaded = new TreeMap<>(ChefRepos.files(down));
        // goiardi makes these two clients itself, with keys of its own.
        assertThat(downloaded.remove("clients/chef-validator.json")).isNotNull();
        assertThat(downloaded.remove("clients/chef-webui.json")).isNotNull();
        assertThat(downloaded.keySet()).containsExactlyElementsOf(fixture.keySet());
        fixture.forEach((file, bytes) -> assertThat(new String(downloaded.get(file)))
                .as(file).isEqualTo(new String(bytes)));
        fixture.forEach((file, bytes) -> assertThat(downloaded.get(file)).as(file).isEqualTo(bytes));

        // Nothing differs now, so nothing is written either way, and diff is silent.
        CliRun again = CliRun.galley(home, "-c", config, "upload", "--chef-repo-path", down.toString(), "/");
        CliRun downAgain = CliRun.galley(home, "-c", config, "download", "--chef-repo-path", down.toString(), "/");
        CliRun diff = CliRun.galley(home, "-c", config, "diff", "--chef-repo-path", down.toString(), "--exit-code");
        CliRun fixtureDiff = CliRun.galley(home, "-c", config, "diff", "--chef-repo-path", repo.toString(),
                "--name-status", "--exit-code");

        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(again.out).isEmpty();
        assertThat(downAgain.exitCode).as(downAgain.toString()).isZero();
        assertThat(downAgain.out).isEmpty();
        assertThat(diff.exitCode).as(diff.toString()).isZero();
        assertThat(diff.out).isEmpty();
        assertThat(fixtureDiff.exitCode).as(fixtureDiff.toString()).isEqualTo(3);
        assertThat(fixtureDiff.out).isEqualTo("D\t/clients/chef-validator.json\nD\t/clients/chef-webui.json\n");

        // The encrypted item went up as stored: it still decrypts with its secret.
        Secret secret = Secret.fromFile(ChefRepos.fixture().resolveSibling("chef-repo-secret"));
        DataBagItem mysql = EncryptedDataBags.withSecret(secret).decrypt(admin.dataBags().item("secrets", "mysql"));
        assertThat(mysql.content()).containsEntry("password", "s3cr3t-fixture");
    }
}
