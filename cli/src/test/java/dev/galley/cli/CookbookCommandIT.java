package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galley cookbook ...} end to end against goiardi, with the fixture cookbooks of src/test/resources/knife-repo
 * (web_app depends on base_os; needs_ghost on a cookbook that exists nowhere). Each test renames the fixture's
 * cookbooks with its own suffix, so tests sharing the server do not meet.
 */
@ExtendWith(ChefLabExtension.class)
class CookbookCommandIT {

    /** The fixture cookbooks copied into {@code dir}, every cookbook name suffixed with {@code _suffix}. */
    private static Path fixture(Path dir, String suffix) throws IOException, URISyntaxException {
        Path source = Path.of(CookbookCommandIT.class.getResource("/knife-repo/cookbooks").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path rel = source.relativize(f);
                String renamed = rel.toString().replaceFirst("^(base_os|web_app|needs_ghost)", "$1_" + suffix);
                Path target = dir.resolve(renamed);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.getFileName().toString().equals("metadata.rb")) {
                    Files.writeString(target, Files.readString(f).replaceAll("'(base_os|web_app|needs_ghost)'",
                            "'$1_" + suffix + "'"));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return dir;
    }

    /** Every file under a directory, by relative path, with its bytes in hex. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(Files.readAllBytes(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    @Test
    void upload_withDependencies_uploadsTheDependencyFirst_andDownloadIsByteIdentical(GoiardiServer server,
            ChefClient chef, @TempDir Path home) throws Exception {
        Path repo = fixture(home.resolve("cookbooks"), "dl");
        String config = server.writeKnifeConfig().toString();

        CliRun withoutDeps = CliRun.galley(home, "-c", config, "cookbook", "upload", "web_app_dl", "-o", "cookbooks");
        assertThat(chef.cookbooks().list(0)).doesNotContainKeys("web_app_dl", "base_os_dl");
        CliRun upload = CliRun.galley(home, "-c", config, "cookbook", "upload", "web_app_dl", "-o", "cookbooks",
                "--include-dependencies");
        CliRun download = CliRun.galley(home, "-c", config, "cookbook", "download", "web_app_dl", "-d", "dl");
        CliRun again = CliRun.galley(home, "-c", config, "cookbook", "download", "web_app_dl", "2.3.1", "-d", "dl");
        CliRun forced = CliRun.galley(home, "-c", config, "cookbook", "download", "web_app_dl", "2.3.1", "-d", "dl",
                "--force");

        assertThat(withoutDeps.exitCode).isEqualTo(2);
        assertThat(withoutDeps.err.strip()).doesNotContain("\n")
                .contains("cookbook web_app_dl depends on 'base_os_dl' version '~> 1.0'").contains("-d");
        assertThat(upload.exitCode).as(upload.toString()).isZero();
        assertThat(upload.err).isEqualTo("Uploading base_os_dl [1.0.0]\nUploading web_app_dl [2.3.1]\n"
                + "Uploaded 2 cookbooks.\n");
        assertThat(upload.out).isEmpty();
        assertThat(download.exitCode).as(download.toString()).isZero();
        assertThat(download.err).isEqualTo("Downloading web_app_dl cookbook version 2.3.1\nCookbook downloaded to "
                + home.resolve("dl/web_app_dl-2.3.1") + "\n");
        assertThat(tree(home.resolve("dl/web_app_dl-2.3.1")))
                .containsExactlyEntriesOf(tree(repo.resolve("web_app_dl")));
        assertThat(again.exitCode).isEqualTo(2);
        assertThat(again.err).contains("exists: use --force");
        assertThat(forced.exitCode).as(forced.toString()).isZero();
    }

    @Test
    void freeze_refusesALaterUpload_andForceOverwrites(GoiardiServer server, ChefClient chef, @TempDir Path home)
            throws Exception {
        fixture(home.resolve("cookbooks"), "fz");
        String config = server.writeKnifeConfig().toString();

        CliRun frozen = CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_fz", "-o", "cookbooks",
                "--freeze");
        CliRun refused = CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_fz", "-o", "cookbooks");
        CliRun forced = CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_fz", "-o", "cookbooks",
                "--force");

        assertThat(frozen.exitCode).as(frozen.toString()).isZero();
        assertThat(chef.cookbooks().get("base_os_fz", "1.0.0").frozen()).isTrue();
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).isEqualTo("Uploading base_os_fz [1.0.0]\n"
                + "ERROR: Version 1.0.0 of cookbook base_os_fz is frozen. Use --force to override.\n"
                + "ERROR: Failed to upload 1 cookbook.\n");
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        assertThat(forced.err).endsWith("Uploaded 1 cookbook.\n");
    }

    @Test
    void missingDependency_isOneClearLine_andNothingIsUploaded(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        fixture(home.resolve("cookbooks"), "gh");

        CliRun run = CliRun.galley(home, "-c", server.writeKnifeConfig().toString(), "cookbook", "upload",
                "needs_ghost_gh", "-o", "cookbooks", "-d");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").startsWith("galley: cookbook needs_ghost_gh depends on "
                + "'ghost_cookbook' version '>= 1.0'").contains("nothing was uploaded");
        assertThat(chef.cookbooks().list(0)).doesNotContainKey("needs_ghost_gh");
    }

    @Test
    void cookbookPath_takesSeveralDirectories_joinedWithColons_andDefaultsToTheConfig(GoiardiServer server,
            ChefClient chef, @TempDir Path home) throws Exception {
        Path all = fixture(home.resolve("all"), "cp");
        Files.createDirectories(home.resolve("a"));
        Files.createDirectories(home.resolve("b"));
        Files.move(all.resolve("base_os_cp"), home.resolve("a/base_os_cp"));
        Files.move(all.resolve("web_app_cp"), home.resolve("b/web_app_cp"));
        Path config = Files.writeString(home.resolve("config.rb"), Files.readString(server.writeKnifeConfig())
                .replace("current_dir = File.dirname(__FILE__)", "current_dir = \"" + server.directory() + "\"")
                + "cookbook_path [\"" + home.resolve("a") + "\", \"" + home.resolve("b") + "\"]\n");

        CliRun flag = CliRun.galley(home, "-c", config.toString(), "cookbook", "upload", "web_app_cp", "-d",
                "-o", "a:b");
        CliRun fromConfig = CliRun.galley(home, "-c", config.toString(), "cookbook", "upload", "web_app_cp");

        assertThat(flag.exitCode).as(flag.toString()).isZero();
        assertThat(flag.err).contains("Uploading base_os_cp [1.0.0]");
        assertThat(fromConfig.exitCode).as(fromConfig.toString()).isZero();
        assertThat(chef.cookbooks().versions("web_app_cp")).containsExactly("2.3.1");
    }

    @Test
    void listShowAndDelete(GoiardiServer server, ChefClient chef, @TempDir Path home) throws Exception {
        Path repo = fixture(home.resolve("cookbooks"), "sh");
        String config = server.writeKnifeConfig().toString();
        assertThat(CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_sh", "-o", "cookbooks")
                .exitCode).isZero();

        CliRun list = CliRun.galley(home, "-c", config, "cookbook", "list", "-F", "json");
        CliRun versions = CliRun.galley(home, "-c", config, "cookbook", "show", "base_os_sh");
        CliRun file = CliRun.galley(home, "-c", config, "cookbook", "show", "base_os_sh", "1.0.0", "files",
                "motd.txt");
        CliRun part = CliRun.galley(home, "-c", config, "cookbook", "show", "base_os_sh", "1.0.0", "recipes");
        CliRun unconfirmed = CliRun.galley(home, "-c", config, "cookbook", "delete", "base_os_sh", "1.0.0");
        assertThat(chef.cookbooks().list(0)).containsKey("base_os_sh");
        CliRun delete = CliRun.galley(home, "-c", config, "-y", "cookbook", "delete", "base_os_sh", "1.0.0");

        assertThat(list.out).contains("\"base_os_sh\": [\n    \"1.0.0\"\n  ]");
        assertThat(versions.out).isEqualTo("base_os_sh: 1.0.0\n");
        assertThat(file.out).isEqualTo(Files.readString(repo.resolve("base_os_sh/files/default/motd.txt")));
        assertThat(part.out).contains("path:        recipes/default.rb");
        assertThat(unconfirmed.exitCode).isEqualTo(2);
        assertThat(delete.exitCode).as(delete.toString()).isZero();
        assertThat(delete.err).isEqualTo("Deleted cookbook[base_os_sh version 1.0.0]\n");
        assertThat(chef.cookbooks().list(0)).doesNotContainKey("base_os_sh");
    }

    @Test
    void bulkDelete_removesEveryVersionOfTheMatchingCookbooks(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        fixture(home.resolve("cookbooks"), "bk");
        String config = server.writeKnifeConfig().toString();
        CliRun.galley(home, "-c", config, "cookbook", "upload", "web_app_bk", "-d", "-o", "cookbooks");

        CliRun run = CliRun.galley(home, "-c", config, "-y", "cookbook", "bulk", "delete", "_bk$");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).contains("Deleted cookbook  base_os_bk                [1.0.0]")
                .contains("Deleted cookbook  web_app_bk                [2.3.1]");
        assertThat(chef.cookbooks().list(0)).doesNotContainKeys("base_os_bk", "web_app_bk");
    }

    @Test
    void upload_withEnvironment_pinsTheVersions_andAnUnknownEnvironmentUploadsNothing(GoiardiServer server,
            ChefClient chef, @TempDir Path home) throws Exception {
        fixture(home.resolve("cookbooks"), "env");
        chef.environments().create(dev.galley.chef.Environment.named("staging_env"));
        String config = server.writeKnifeConfig().toString();

        CliRun unknown = CliRun.galley(home, "-c", config, "-E", "nowhere", "cookbook", "upload", "base_os_env",
                "-o", "cookbooks");
        CliRun pinned = CliRun.galley(home, "-c", config, "-E", "staging_env", "cookbook", "upload", "base_os_env",
                "-o", "cookbooks");

        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err.strip()).doesNotContain("\n").contains("nowhere does not exist");
        assertThat(pinned.exitCode).as(pinned.toString()).isZero();
        assertThat(chef.environments().get("staging_env").cookbookVersions()).containsEntry("base_os_env", "= 1.0.0");
    }

    @Test
    void download_ofACookbookWithSeveralVersions_needsAVersionOrLatest(GoiardiServer server, @TempDir Path home)
            throws Exception {
        Path repo = fixture(home.resolve("cookbooks"), "nv");
        String config = server.writeKnifeConfig().toString();
        CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_nv", "-o", "cookbooks");
        Path metadata = repo.resolve("base_os_nv/metadata.rb");
        Files.writeString(metadata, Files.readString(metadata).replace("'1.0.0'", "'1.10.0'"));
        CliRun.galley(home, "-c", config, "cookbook", "upload", "base_os_nv", "-o", "cookbooks");

        CliRun ambiguous = CliRun.galley(home, "-c", config, "cookbook", "download", "base_os_nv");
        CliRun latest = CliRun.galley(home, "-c", config, "cookbook", "download", "base_os_nv", "-N");
        CliRun chosen = CliRun.galley(home, Map.of(), "1\n", "-c", config, "cookbook", "download", "base_os_nv",
                "-d", "chosen");

        assertThat(ambiguous.exitCode).isEqualTo(2);
        assertThat(ambiguous.err).endsWith("galley: no answer: cookbook base_os_nv has 2 versions: give VERSION, "
                + "or -N for the latest\n");
        assertThat(latest.exitCode).as(latest.toString()).isZero();
        assertThat(home.resolve("base_os_nv-1.10.0/metadata.rb")).exists();
        assertThat(chosen.err).startsWith("Which version do you want to download?\n1. base_os_nv 1.0.0\n"
                + "2. base_os_nv 1.10.0\n");
        assertThat(home.resolve("chosen/base_os_nv-1.0.0/metadata.rb")).exists();
    }
}
