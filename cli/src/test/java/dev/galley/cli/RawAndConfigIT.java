package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code galley raw} and {@code galley config show} end to end against goiardi, as a user runs them. */
@ExtendWith(ChefLabExtension.class)
class RawAndConfigIT {

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.3"})
    void raw_worksWithEverySigningVersion(String version, GoiardiServer server, @TempDir Path home) {
        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "--signing", version,
                "raw", "/environments/_default");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("\"name\": \"_default\"");
        assertThat(run.err).isEmpty();
    }

    @Test
    void raw_postsAFileAndShowsTheAnswer(GoiardiServer server, @TempDir Path home) throws Exception {
        Path body = Files.writeString(home.resolve("node.json"), """
                {"name":"from-raw","chef_environment":"_default","run_list":[],"json_class":"Chef::Node","chef_type":"node"}
                """);
        String config = server.writeKnifeConfig().toString();

        CliRun post = CliRun.galley(home, "-c", config, "raw", "-m", "POST", "-i", body.toString(), "/nodes");
        CliRun get = CliRun.galley(home, "-c", config, "raw", "/nodes/from-raw", "-F", "json");

        assertThat(post.exitCode).as(post.toString()).isZero();
        assertThat(post.out).contains("/nodes/from-raw");
        assertThat(get.out).contains("\"name\": \"from-raw\"");
    }

    @Test
    void raw_noPretty_printsCompactJson(GoiardiServer server, @TempDir Path home) {
        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "raw", "--no-pretty",
                "/environments/_default");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.strip()).startsWith("{\"name\":\"_default\"").doesNotContain("\n");
    }

    @Test
    void raw_unknownObject_isOneLineAndExit2(GoiardiServer server, @TempDir Path home) {
        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "raw", "/nodes/ghost");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n").startsWith("galley: GET ").contains("404 Not Found");
    }

    @Test
    void malformedKey_isOneLineAndExit2(GoiardiServer server, @TempDir Path home) throws Exception {
        Path bad = Files.writeString(home.resolve("bad.pem"), "-----BEGIN RSA PRIVATE KEY-----\nnot base64!\n"
                + "-----END RSA PRIVATE KEY-----\n");

        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "-k", bad.toString(), "raw", "/nodes");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains(bad.toString()).contains("not valid Base64");
    }

    @Test
    void malformedCredentialsFile_isOneLineWithTheLine(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".chef"));
        Files.writeString(home.resolve(".chef/credentials"), "[default]\nclient_name = \"admin\"\nthis is not toml\n");

        CliRun run = CliRun.galley(home, "raw", "/nodes");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains(".chef/credentials").contains("3");
    }

    @Test
    void malformedUrl_isOneLineAndExit2(@TempDir Path home, GoiardiServer server) {
        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "-s", "chef.example.com",
                "raw", "/nodes");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("chef_server_url 'chef.example.com' is not usable");
    }

    @Test
    void configShow_namesFilesUserAndServer_neverTheKey(GoiardiServer server, @TempDir Path home) throws Exception {
        Path config = server.writeKnifeConfig();
        CliRun run = CliRun.galley(home, "-c", config.toString(), "config", "show");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("config_file:       " + config)
                .contains("node_name:         admin")
                .contains("chef_server_url:   " + server.url())
                .contains("client_key:        " + server.adminKey())
                .doesNotContain("PRIVATE KEY");
        String pem = Files.readString(server.adminKey());
        assertThat(run.out).doesNotContain(pem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void unknownCommand_isUsageErrorExit2(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "frobnicate");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("frobnicate");
    }
}
