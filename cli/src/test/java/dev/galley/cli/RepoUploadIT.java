package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.Node;
import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley upload} against goiardi: what it writes, what it leaves alone, and what it refuses. */
@ExtendWith(ChefLabExtension.class)
class RepoUploadIT {

    private static CliRun upload(GoiardiServer server, Path home, Path repo, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "-c";
        all[1] = server.writeKnifeConfig().toString();
        all[2] = "upload";
        all[3] = "--chef-repo-path";
        all[4] = repo.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.galley(home, all);
    }

    @Test
    void dryRun_printsWhatWouldBeCreatedUpdatedAndDeleted_andChangesNothing(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        admin.roles().create(Role.named("dry-old"));
        admin.roles().create(Role.named("dry-mod").withDescription("before"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/dry-new.json"), "{\"name\": \"dry-new\"}");
        ChefRepos.write(repo.resolve("roles/dry-mod.json"), "{\"name\": \"dry-mod\", \"description\": \"after\"}");

        CliRun run = upload(server, home, repo, "--dry-run", "--purge", "/roles/dry-*");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                Would update /roles/dry-mod.json
                Would create /roles/dry-new.json
                Would delete /roles/dry-old.json
                """);
        assertThat(run.err).isEmpty();
        assertThat(admin.roles().find("dry-new")).isEmpty();
        assertThat(admin.roles().find("dry-old")).isPresent();
        assertThat(admin.roles().get("dry-mod").description()).isEqualTo("before");
    }

    @Test
    void purge_asksFirst_noAnswerChangesNothing_yesDeletesWhatTheRepositoryLacks(GoiardiServer server,
            ChefClient admin, @TempDir Path home) {
        admin.roles().create(Role.named("purge-old"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/purge-new.json"), "{\"name\": \"purge-new\"}");

        CliRun unanswered = upload(server, home, repo, "--purge", "/roles/purge-*");

        assertThat(unanswered.exitCode).isEqualTo(2);
        assertThat(unanswered.out).isEmpty();
        assertThat(unanswered.err).contains("Do you really want to delete /roles/purge-old.json from the Chef server")
                .contains("pass -y to confirm");
        assertThat(admin.roles().find("purge-old")).isPresent();
        assertThat(admin.roles().find("purge-new")).isEmpty();

        CliRun confirmed = CliRun.galley(home, Map.of(), "y\n", "-c", server.writeKnifeConfig().toString(), "upload",
                "--chef-repo-path", repo.toString(), "--purge", "/roles/purge-*");

        assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
        assertThat(confirmed.out).isEqualTo("""
                Created /roles/purge-new.json
                Deleted extra entry /roles/purge-old.json (purge is on)
                """);
        assertThat(admin.roles().find("purge-old")).isEmpty();
        assertThat(admin.roles().find("purge-new")).isPresent();
    }

    @Test
    void purge_leavesAloneTheKindsOfObjectTheRepositoryHasNoDirectoryFor(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        admin.nodes().create(Node.named("keep-me"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/purge-keep.json"), "{\"name\": \"purge-keep\"}");

        CliRun run = upload(server, home, repo, "-y", "--purge", "/nodes");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(admin.nodes().find("keep-me")).isPresent();
    }

    @Test
    void objectsThatDifferOnlyInDefaultsOrLayout_areNotUploaded_unlessForced(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        admin.roles().create(Role.named("same-role").withRunList(RunList.of("recipe[demo]")));
        Path repo = home.resolve("repo");
        // The server holds json_class, chef_type, empty attribute maps and recipe[demo]; the file says "demo".
        ChefRepos.write(repo.resolve("roles/same-role.json"), "{\"run_list\":[\"demo\"],\"name\":\"same-role\"}");

        CliRun same = upload(server, home, repo, "/roles/same-role.json");
        CliRun forced = upload(server, home, repo, "--force", "/roles/same-role.json");

        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(same.out).isEmpty();
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        assertThat(forced.out).isEqualTo("Updated /roles/same-role.json\n");
    }

    @Test
    void noDiff_createsOnlyWhatIsNew(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        admin.roles().create(Role.named("nodiff-old").withDescription("server"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/nodiff-old.json"), "{\"name\":\"nodiff-old\",\"description\":\"repo\"}");
        ChefRepos.write(repo.resolve("roles/nodiff-new.json"), "{\"name\":\"nodiff-new\"}");

        CliRun run = upload(server, home, repo, "--no-diff", "/roles/nodiff-*");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Created /roles/nodiff-new.json\n");
        assertThat(admin.roles().get("nodiff-old").description()).isEqualTo("server");
    }

    @Test
    void patterns_selectItemsAcrossDataBags_andCreateTheBagsTheyNeed(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("data_bags/pat-a/x.json"), "{\"id\":\"x\",\"n\":1}");
        ChefRepos.write(repo.resolve("data_bags/pat-a/y.json"), "{\"id\":\"y\"}");
        ChefRepos.write(repo.resolve("data_bags/pat-b/x.json"), "{\"id\":\"x\",\"n\":2}");

        CliRun run = upload(server, home, repo, "/data_bags/pat-*/x.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                Created /data_bags/pat-a
                Created /data_bags/pat-a/x.json
                Created /data_bags/pat-b
                Created /data_bags/pat-b/x.json
                """);
        assertThat(admin.dataBags().items("pat-a")).containsExactly("x");
        assertThat(admin.dataBags().item("pat-b", "x").content()).containsEntry("n", 2);
    }

    @Test
    void relativePatterns_fromInsideTheRepository_printRelativePaths_andTheRepositoryDefaultsToAboveDotChef(
            GoiardiServer server, ChefClient admin, @TempDir Path home) {
        // ~/.chef/config.rb with no chef_repo_path: the repository is the directory above .chef/, here the home
        // directory, which is also where the command runs.
        ChefRepos.homeConfig(home, server);
        ChefRepos.write(home.resolve("roles/rel-web.json"), "{\"name\":\"rel-web\"}");
        ChefRepos.write(home.resolve("nodes/rel-node.json"), "{\"name\":\"rel-node\",\"run_list\":[\"role[rel-web]\"]}");

        CliRun run = CliRun.galley(home, "upload", "roles/rel-web.json", "nodes/rel-*");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Created nodes/rel-node.json\nCreated roles/rel-web.json\n");
        assertThat(admin.nodes().get("rel-node").runList().toString()).contains("role[rel-web]");
    }

    @Test
    void rubyRole_isRefusedInOneLine_andNothingIsUploaded(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/rb-a.json"), "{\"name\":\"rb-a\"}");
        ChefRepos.write(repo.resolve("roles/rb-b.rb"), "name \"rb-b\"\nrun_list \"recipe[demo]\"\n");

        CliRun run = upload(server, home, repo, "/roles/rb-*");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n")
                .isEqualTo("galley: /roles/rb-b.rb is Ruby, which Galley never runs: write it as rb-b.json instead "
                        + "(knife role/environment show NAME -F json prints it) (nothing was changed)");
        assertThat(admin.roles().find("rb-a")).isEmpty();
    }

    @Test
    void malformedJson_isOneLineWithWhereItIs_andNothingIsUploaded(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("nodes/bad-a.json"), "{\"name\":\"bad-a\"}");
        Path bad = ChefRepos.write(repo.resolve("nodes/bad-b.json"), "{\n  \"name\": \"bad-b\",\n}\n");

        CliRun run = upload(server, home, repo, "/nodes/bad-*");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n").startsWith("galley: " + bad + " is not valid JSON at line 3")
                .endsWith("fix the file (nothing was changed)");
        assertThat(admin.nodes().find("bad-a")).isEmpty();
    }

    @Test
    void nameThatDoesNotMatchTheFile_isRefused(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("environments/name-x.json"), "{\"name\":\"name-y\"}");

        CliRun run = upload(server, home, repo, "/environments");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).isEqualTo("galley: /environments/name-x.json cannot be uploaded: Name must be "
                + "'name-x' (is 'name-y') (nothing was changed)");
        assertThat(admin.environments().find("name-y")).isEmpty();
        assertThat(admin.environments().find("name-x")).isEmpty();
    }

    @Test
    void patternThatMatchesNothing_isOneLineAndExit2(GoiardiServer server, @TempDir Path home) {
        Path repo = ChefRepos.write(home.resolve("repo/roles/any.json"), "{}").getParent().getParent();

        CliRun run = upload(server, home, repo, "/roles/ghost.json");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).isEqualTo("galley: /roles/ghost.json: No such file or directory on remote or "
                + "local (nothing was changed)");
    }

    @Test
    void frozenCookbook_isRefusedUntilForced_thenUpdated(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path repo = home.resolve("repo");
        Path cookbook = repo.resolve("cookbooks/frozen-cb");
        ChefRepos.write(cookbook.resolve("metadata.json"), "{\"name\":\"frozen-cb\",\"version\":\"1.0.0\"}");
        ChefRepos.write(cookbook.resolve("recipes/default.rb"), "log 'one'\n");

        CliRun first = upload(server, home, repo, "--freeze", "/cookbooks/frozen-cb");
        ChefRepos.write(cookbook.resolve("recipes/default.rb"), "log 'two'\n");
        CliRun refused = upload(server, home, repo, "/cookbooks/frozen-cb");
        CliRun forced = upload(server, home, repo, "--force", "/cookbooks/frozen-cb");

        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out).isEqualTo("Created /cookbooks/frozen-cb\n");
        assertThat(admin.cookbooks().get("frozen-cb", "1.0.0").frozen()).isTrue();
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err.strip()).isEqualTo("galley: /cookbooks/frozen-cb is frozen at version 1.0.0 on the "
                + "Chef server: raise the version in its metadata, or pass --force (nothing was changed)");
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        assertThat(forced.out).isEqualTo("Updated /cookbooks/frozen-cb\n");
        String local = Cookbooks.readDirectory(cookbook).files().stream()
                .filter(f -> f.path().equals("recipes/default.rb")).findFirst().orElseThrow().checksum();
        assertThat(admin.cookbooks().get("frozen-cb", "1.0.0").files())
                .filteredOn(f -> f.path().equals("recipes/default.rb"))
                .singleElement().satisfies(f -> assertThat(f.checksum()).isEqualTo(local));
    }

    @Test
    void defaultEnvironment_isNeverChanged_onlyWarnedAbout(GoiardiServer server, ChefClient admin,
            @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("environments/_default.json"), "{\"name\":\"_default\",\"description\":\"x\"}");

        CliRun run = upload(server, home, repo, "/environments/_default.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("WARNING: /environments/_default.json cannot be modified (the Chef server "
                + "keeps its own _default environment).\n");
        assertThat(admin.environments().get("_default").description()).isEqualTo("The default Chef environment");
    }

    @Test
    void dataBagItemsGoUpAsTheyAre(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("data_bags/as-is/item.json"), "{\"id\":\"item\",\"list\":[1,2],\"m\":{\"k\":\"v\"}}");

        CliRun run = upload(server, home, repo, "/data_bags/as-is");

        assertThat(run.exitCode).as(run.toString()).isZero();
        DataBagItem item = admin.dataBags().item("as-is", "item");
        assertThat(item.content()).containsOnlyKeys("id", "list", "m");
    }
}
