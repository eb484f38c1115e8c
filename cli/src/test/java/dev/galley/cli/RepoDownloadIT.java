package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley download} against goiardi: the files it writes, and what it leaves alone. */
@ExtendWith(ChefLabExtension.class)
class RepoDownloadIT {

    private static CliRun download(GoiardiServer server, Path home, Path repo, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "-c";
        all[1] = server.writeKnifeConfig().toString();
        all[2] = "download";
        all[3] = "--chef-repo-path";
        all[4] = repo.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.galley(home, all);
    }

    @Test
    void writesJsonAsKnifeDoes_withoutTheServersDefaults(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        admin.roles().create(Role.named("dl-web").withDescription("Web").withRunList(RunList.of("recipe[demo]")));
        admin.dataBags().create("dl-bag");
        admin.dataBags().createItem("dl-bag", DataBagItem.of("one", Map.of("empty", Map.of(), "list", java.util.List.of())));
        Path repo = home.resolve("repo");

        CliRun run = download(server, home, repo, "/roles/dl-web.json", "/data_bags/dl-bag");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                Created /
                Created /data_bags
                Created /data_bags/dl-bag
                Created /data_bags/dl-bag/one.json
                Created /roles
                Created /roles/dl-web.json
                """);
        assertThat(ChefRepos.read(repo.resolve("roles/dl-web.json"))).isEqualTo("""
                {
                  "name": "dl-web",
                  "description": "Web",
                  "run_list": [
                    "recipe[demo]"
                  ]
                }""");
        assertThat(ChefRepos.read(repo.resolve("data_bags/dl-bag/one.json"))).isEqualTo("""
                {
                  "id": "one",
                  "empty": {

                  },
                  "list": [

                  ]
                }""");
    }

    @Test
    void dryRun_writesNothing(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        admin.roles().create(Role.named("dl-dry"));
        Path repo = home.resolve("repo");

        CliRun run = download(server, home, repo, "--dry-run", "/roles/dl-dry.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Would create /\nWould create /roles\nWould create /roles/dl-dry.json\n");
        assertThat(repo).doesNotExist();
    }

    @Test
    void sameContentWrittenDifferently_isLeftAsItIs(GoiardiServer server, ChefClient admin, @TempDir Path home)
            throws Exception {
        admin.roles().create(Role.named("dl-same").withRunList(RunList.of("recipe[demo]")));
        Path repo = home.resolve("repo");
        Path file = ChefRepos.write(repo.resolve("roles/dl-same.json"), "{\"run_list\": [\"demo\"], \"name\": \"dl-same\"}\n");

        CliRun run = download(server, home, repo, "/roles/dl-same.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{\"run_list\": [\"demo\"], \"name\": \"dl-same\"}\n");
    }

    @Test
    void purge_asksFirst_thenDeletesLocalFilesTheServerLacks(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        admin.roles().create(Role.named("dlp-kept"));
        Path repo = home.resolve("repo");
        Path extra = ChefRepos.write(repo.resolve("roles/dlp-extra.json"), "{\"name\":\"dlp-extra\"}");

        CliRun unanswered = download(server, home, repo, "--purge", "/roles/dlp-*");

        assertThat(unanswered.exitCode).isEqualTo(2);
        assertThat(unanswered.out).isEmpty();
        assertThat(extra).exists();
        assertThat(repo.resolve("roles/dlp-kept.json")).doesNotExist();

        CliRun confirmed = download(server, home, repo, "--purge", "-y", "/roles/dlp-*");

        assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
        assertThat(confirmed.out).isEqualTo("""
                Deleted extra entry /roles/dlp-extra.json (purge is on)
                Created /roles/dlp-kept.json
                """);
        assertThat(extra).doesNotExist();
    }

    @Test
    void cookbook_isItsNewestVersion_andPurgeRemovesFilesTheServerLacks(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path src = home.resolve("src/dl-cb");
        ChefRepos.write(src.resolve("metadata.json"), "{\"name\":\"dl-cb\",\"version\":\"1.0.0\"}");
        ChefRepos.write(src.resolve("recipes/default.rb"), "log 'v1'\n");
        admin.cookbooks().upload(src, Cookbooks.UploadOptions.defaults());
        ChefRepos.write(src.resolve("metadata.json"), "{\"name\":\"dl-cb\",\"version\":\"1.1.0\"}");
        ChefRepos.write(src.resolve("recipes/default.rb"), "log 'v2'\n");
        admin.cookbooks().upload(src, Cookbooks.UploadOptions.defaults());
        Path repo = home.resolve("repo");
        Path stale = ChefRepos.write(repo.resolve("cookbooks/dl-cb/recipes/old.rb"), "log 'old'\n");
        ChefRepos.write(repo.resolve("cookbooks/dl-cb/metadata.json"), "{\"name\":\"dl-cb\",\"version\":\"0.9.0\"}");

        CliRun run = download(server, home, repo, "--purge", "-y", "/cookbooks/dl-cb");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Updated /cookbooks/dl-cb\n");
        assertThat(ChefRepos.read(repo.resolve("cookbooks/dl-cb/recipes/default.rb"))).isEqualTo("log 'v2'\n");
        assertThat(ChefRepos.read(repo.resolve("cookbooks/dl-cb/metadata.json"))).contains("1.1.0");
        assertThat(stale).doesNotExist();
    }

    @Test
    void rubyFileInTheRepository_stopsTheDownloadBeforeAnythingIsWritten(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        admin.roles().create(Role.named("dlr-a"));
        admin.roles().create(Role.named("dlr-b"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/dlr-b.rb"), "name 'dlr-b'\n");

        CliRun run = download(server, home, repo, "/roles/dlr-*");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("/roles/dlr-b.rb is Ruby, which Galley never runs");
        assertThat(repo.resolve("roles/dlr-a.json")).doesNotExist();
    }
}
