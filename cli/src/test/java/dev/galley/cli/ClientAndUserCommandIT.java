package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefKey;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley client ...} and {@code galley user ...} end to end against goiardi. */
@ExtendWith(ChefLabExtension.class)
class ClientAndUserCommandIT {

    @Test
    void create_writesTheKeyToAPrivateFile_thatSignsAsTheNewClient(GoiardiServer server, @TempDir Path home) {
        String config = server.writeKnifeConfig().toString();

        CliRun create = CliRun.galley(home, "-c", config, "client", "create", "ci-runner", "-f", "ci-runner.pem");
        CliRun asClient = CliRun.galley(home, "-c", config, "-u", "ci-runner", "-k", "ci-runner.pem", "raw", "/nodes");

        assertThat(create.exitCode).as(create.toString()).isZero();
        assertThat(create.out).isEmpty();
        assertThat(create.err).isEqualTo("Created client[ci-runner]\nWrote the private key to "
                + home.resolve("ci-runner.pem") + " (mode 0600)\n");
        assertThat(permissions(home.resolve("ci-runner.pem"))).isEqualTo("rw-------");
        assertThat(asClient.exitCode).as(asClient.toString()).isZero();
    }

    @Test
    void create_withoutAFile_printsOnlyTheKeyOnStdout(GoiardiServer server, @TempDir Path home) {
        CliRun create = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "client", "create",
                "printed", "--validator");

        assertThat(create.exitCode).as(create.toString()).isZero();
        assertThat(create.out).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
                .endsWith("-----END RSA PRIVATE KEY-----\n");
        assertThat(ChefKey.fromPem(create.out, "stdout").bits()).isEqualTo(2048);
        assertThat(create.err).isEqualTo("Created client[printed]\n").doesNotContain("PRIVATE KEY");
    }

    @Test
    void create_intoAMissingDirectory_failsBeforeTheClientExists(GoiardiServer server, ChefClient chef,
            @TempDir Path home) {
        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "client", "create", "lost",
                "-f", "no/such/dir/lost.pem");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains("does not exist");
        assertThat(chef.clients().find("lost")).isEmpty();
    }

    @Test
    void reregisterAndKeyRegenerate_replaceTheKey_theOldOneStopsWorking(GoiardiServer server, @TempDir Path home) {
        String config = server.writeKnifeConfig().toString();
        CliRun.galley(home, "-c", config, "client", "create", "rotated", "-f", "old.pem");

        CliRun reregister = CliRun.galley(home, "-c", config, "client", "reregister", "rotated", "-f", "new.pem");
        CliRun withOld = CliRun.galley(home, "-c", config, "-u", "rotated", "-k", "old.pem", "raw", "/nodes");
        CliRun withNew = CliRun.galley(home, "-c", config, "-u", "rotated", "-k", "new.pem", "raw", "/nodes");
        CliRun regenerate = CliRun.galley(home, "-c", config, "client", "key", "regenerate", "rotated");

        assertThat(reregister.exitCode).as(reregister.toString()).isZero();
        assertThat(permissions(home.resolve("new.pem"))).isEqualTo("rw-------");
        assertThat(withOld.exitCode).isEqualTo(2);
        assertThat(withOld.err).contains("401");
        assertThat(withNew.exitCode).as(withNew.toString()).isZero();
        assertThat(regenerate.exitCode).as(regenerate.toString()).isZero();
        assertThat(regenerate.out).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void listShowDelete_andValidatorsNeedTheFlag(GoiardiServer server, ChefClient chef, @TempDir Path home) {
        String config = server.writeKnifeConfig().toString();
        chef.clients().create("gone-soon", false, Optional.empty());
        chef.clients().create("gate-keeper", true, Optional.empty());

        CliRun list = CliRun.galley(home, "-c", config, "client", "list");
        CliRun show = CliRun.galley(home, "-c", config, "client", "show", "gate-keeper", "-F", "json");
        CliRun validator = CliRun.galley(home, "-c", config, "-y", "client", "delete", "gate-keeper");
        assertThat(chef.clients().find("gate-keeper")).isPresent();
        CliRun withFlag = CliRun.galley(home, "-c", config, "-y", "client", "delete", "gate-keeper", "-D");
        CliRun plain = CliRun.galley(home, "-c", config, "-y", "client", "delete", "gone-soon");

        assertThat(list.out).contains("chef-validator\n").contains("gate-keeper\n").contains("gone-soon\n");
        assertThat(show.out).contains("\"name\": \"gate-keeper\"").contains("\"validator\": true");
        assertThat(validator.exitCode).isEqualTo(2);
        assertThat(validator.err).contains("--delete-validators");
        assertThat(withFlag.err).isEqualTo("Deleted client[gate-keeper]\n");
        assertThat(plain.err).isEqualTo("Deleted client[gone-soon]\n");
        assertThat(chef.clients().find("gone-soon")).isEmpty();
    }

    @Test
    void bulkDelete_deletesTheMatchingClients_butNotValidatorsWithoutTheFlag(GoiardiServer server, ChefClient chef,
            @TempDir Path home) {
        chef.clients().create("batch-1", false, Optional.empty());
        chef.clients().create("batch-2", false, Optional.empty());
        chef.clients().create("batch-v", true, Optional.empty());

        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "-y", "client", "bulk",
                "delete", "^batch-");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).contains("The following clients are validators and will not be deleted:")
                .contains("Deleted client batch-1\nDeleted client batch-2\n");
        assertThat(chef.clients().list()).contains("batch-v").doesNotContain("batch-1", "batch-2");
    }

    @Test
    void userListAndShow(GoiardiServer server, @TempDir Path home) {
        String config = server.writeKnifeConfig().toString();

        CliRun list = CliRun.galley(home, "-c", config, "user", "list");
        CliRun show = CliRun.galley(home, "-c", config, "user", "show", "admin");
        CliRun missing = CliRun.galley(home, "-c", config, "user", "show", "nobody-here");

        assertThat(list.out).contains("admin\n");
        assertThat(show.out).contains("name:").contains("admin");
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err.strip()).doesNotContain("\n");
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
