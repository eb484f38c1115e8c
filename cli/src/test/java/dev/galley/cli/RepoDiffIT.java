package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley diff} between a chef repository and goiardi. */
@ExtendWith(ChefLabExtension.class)
class RepoDiffIT {

    private static CliRun diff(GoiardiServer server, Path home, Path repo, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "-c";
        all[1] = server.writeKnifeConfig().toString();
        all[2] = "diff";
        all[3] = "--chef-repo-path";
        all[4] = repo.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.galley(home, all);
    }

    /** A repository and a server that differ in every way: added, deleted, modified role, modified cookbook file. */
    private static Path differingRepo(ChefClient admin, Path home, String prefix) {
        admin.roles().create(Role.named(prefix + "-mod").withRunList(RunList.of("recipe[demo]")));
        admin.roles().create(Role.named(prefix + "-gone"));
        admin.roles().create(Role.named(prefix + "-same").withDescription("same"));
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("roles/" + prefix + "-mod.json"),
                "{\"name\":\"" + prefix + "-mod\",\"run_list\":[\"recipe[demo]\",\"recipe[extra]\"]}");
        ChefRepos.write(repo.resolve("roles/" + prefix + "-new.json"), "{\"name\":\"" + prefix + "-new\"}");
        ChefRepos.write(repo.resolve("roles/" + prefix + "-same.json"),
                "{\"description\":\"same\",\"name\":\"" + prefix + "-same\"}");
        Path cookbook = repo.resolve("cookbooks/" + prefix + "-cb");
        ChefRepos.write(cookbook.resolve("metadata.json"), "{\"name\":\"" + prefix + "-cb\",\"version\":\"1.0.0\"}");
        ChefRepos.write(cookbook.resolve("recipes/default.rb"), "log 'a'\nlog 'b'\n");
        admin.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        ChefRepos.write(cookbook.resolve("recipes/default.rb"), "log 'a'\nlog 'B'\n");
        ChefRepos.write(cookbook.resolve("recipes/more.rb"), "log 'more'\n");
        return repo;
    }

    @Test
    void nameStatus_saysWhatAnUploadWouldCreateDeleteAndUpdate_andExitsZeroAsKnife(GoiardiServer server,
            ChefClient admin, @TempDir Path home) {
        Path repo = differingRepo(admin, home, "ns");

        CliRun run = diff(server, home, repo, "--name-status", "/roles/ns-*", "/cookbooks/ns-cb");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                M\t/cookbooks/ns-cb/recipes/default.rb
                A\t/cookbooks/ns-cb/recipes/more.rb
                D\t/roles/ns-gone.json
                M\t/roles/ns-mod.json
                A\t/roles/ns-new.json
                """);
        assertThat(run.err).isEmpty();
    }

    @Test
    void nameOnly_diffFilter_andExitCode(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        Path repo = differingRepo(admin, home, "nf");

        CliRun names = diff(server, home, repo, "--name-only", "--diff-filter=M", "--exit-code", "/roles/nf-*");
        CliRun same = diff(server, home, repo, "--exit-code", "/roles/nf-same.json");

        assertThat(names.exitCode).isEqualTo(3);
        assertThat(names.out).isEqualTo("/roles/nf-mod.json\n");
        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(same.out).isEmpty();
    }

    @Test
    void withoutOptions_printsUnifiedDiffsOfTheNormalizedObjects_andOfCookbookFiles(GoiardiServer server,
            ChefClient admin, @TempDir Path home) {
        Path repo = differingRepo(admin, home, "ud");

        CliRun run = diff(server, home, repo, "/roles/ud-mod.json", "/roles/ud-new.json",
                "/cookbooks/ud-cb");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                diff --knife /cookbooks/ud-cb/recipes/default.rb /cookbooks/ud-cb/recipes/default.rb
                --- /cookbooks/ud-cb/recipes/default.rb
                +++ /cookbooks/ud-cb/recipes/default.rb
                @@ -1,2 +1,2 @@
                 log 'a'
                -log 'b'
                +log 'B'
                diff --knife /cookbooks/ud-cb/recipes/more.rb /cookbooks/ud-cb/recipes/more.rb
                new file
                --- /dev/null
                +++ /cookbooks/ud-cb/recipes/more.rb
                @@ -0,0 +1 @@
                +log 'more'
                diff --knife /roles/ud-mod.json /roles/ud-mod.json
                --- /roles/ud-mod.json
                +++ /roles/ud-mod.json
                @@ -1,6 +1,7 @@
                 {
                   "name": "ud-mod",
                   "run_list": [
                -    "recipe[demo]"
                +    "recipe[demo]",
                +    "recipe[extra]"
                   ]
                 }
                diff --knife /roles/ud-new.json /roles/ud-new.json
                new file
                --- /dev/null
                +++ /roles/ud-new.json
                @@ -0,0 +1,3 @@
                +{
                +  "name": "ud-new"
                +}
                """);
    }

    @Test
    void aDataBagOnlyOnOneSide_isOneLine(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        admin.dataBags().create("only-server");
        Path repo = home.resolve("repo");
        ChefRepos.write(repo.resolve("data_bags/only-local/x.json"), "{\"id\":\"x\"}");

        CliRun full = diff(server, home, repo, "/data_bags/only-*");
        CliRun status = diff(server, home, repo, "--name-status", "/data_bags/only-*");

        assertThat(full.out).isEqualTo("Only in /data_bags: only-local\nOnly in /data_bags: only-server\n");
        assertThat(status.out).isEqualTo("A\t/data_bags/only-local\nD\t/data_bags/only-server\n");
    }

    @Test
    void malformedFile_isOneLineAndExit2(GoiardiServer server, ChefClient admin, @TempDir Path home) {
        admin.roles().create(Role.named("diff-bad"));
        Path repo = home.resolve("repo");
        Path bad = ChefRepos.write(repo.resolve("roles/diff-bad.json"), "[1, 2]");

        CliRun run = diff(server, home, repo, "/roles/diff-bad.json");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).isEqualTo("galley: " + bad + " holds a JSON array, not an object; fix the file");
    }
}
