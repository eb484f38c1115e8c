package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.Environment;
import dev.galley.chef.internal.Json;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code galley environment ...} end to end against goiardi: what a user sees, and what the server holds. */
@ExtendWith(ChefLabExtension.class)
class EnvironmentCommandsIT extends KnifeCliTest {

    static Environment constrained(String name, Map<String, String> constraints) {
        return Environment.named(name).withDescription("about " + name).withCookbookVersions(constraints);
    }

    // ---- list and show

    @Test
    void list_includesDefault_andNewEnvironments(GoiardiServer server, ChefClient chef) {
        chef.environments().create(Environment.named("list-env"));

        CliRun names = galley(server, "environment", "list");
        CliRun uris = galley(server, "environment", "list", "-w");

        assertThat(names.exitCode).as(names.toString()).isZero();
        assertThat(names.out.lines().toList()).contains("_default", "list-env").isSorted();
        assertThat(uris.out).containsPattern("(?m)^list-env: +" + server.url() + "/environments/list-env$");
    }

    @Test
    void show_printsTheServersEnvironment_orAnAttribute(GoiardiServer server, ChefClient chef) throws Exception {
        chef.environments().create(constrained("show-env", Map.of("nginx", "= 1.0.0")));

        CliRun summary = galley(server, "environment", "show", "show-env");
        CliRun json = galley(server, "environment", "show", "show-env", "-F", "json");
        CliRun attr = galley(server, "environment", "show", "show-env", "-a", "cookbook_versions.nginx");

        assertThat(summary.exitCode).as(summary.toString()).isZero();
        assertThat(summary.out).contains("cookbook_versions:\n  nginx: = 1.0.0\n")
                .contains("description:         about show-env\n");
        String served = chef.raw().request("GET", "/environments/show-env", new byte[0]).text();
        assertThat(Json.MAPPER.readTree(json.out)).isEqualTo(Json.MAPPER.readTree(served));
        assertThat(attr.out).isEqualTo("show-env:\n  cookbook_versions.nginx: = 1.0.0\n");
    }

    @Test
    void show_unknownEnvironment_isOneLineExit2(GoiardiServer server) {
        assertOneLineError(galley(server, "environment", "show", "nowhere"), "environment 'nowhere' does not exist");
    }

    // ---- create, edit, delete

    @Test
    void create_withDescription_orInput_andBadConstraintsAreRefused(GoiardiServer server, ChefClient chef)
            throws Exception {
        Path good = file("new-b.json", "{\"name\": \"new-b\", \"cookbook_versions\": {\"app\": \"~> 2.1\"}}");
        Path bad = file("new-c.json", "{\"name\": \"new-c\", \"cookbook_versions\": {\"app\": \"two point one\"}}");

        CliRun plain = galley(server, "environment", "create", "new-a", "-d", "Staging", "--disable-editing");
        CliRun fromFile = galley(server, "environment", "create", "new-b", "--input", good.toString());

        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.err).isEqualTo("Created environment[new-a]\n");
        assertThat(chef.environments().get("new-a").description()).isEqualTo("Staging");
        assertThat(fromFile.exitCode).as(fromFile.toString()).isZero();
        assertThat(chef.environments().get("new-b").cookbookVersions()).containsEntry("app", "~> 2.1");
        assertOneLineError(galley(server, "environment", "create", "new-c", "-i", bad.toString()), bad.toString(),
                "'two point one' for cookbook app is not a version constraint");
        assertThat(chef.environments().find("new-c")).isEmpty();
    }

    @Test
    void edit_withInput_replaces_refusesRenames(GoiardiServer server, ChefClient chef) throws Exception {
        chef.environments().create(constrained("edit-env", Map.of("nginx", "= 1.0.0")));
        Path json = file("edit.json", "{\"name\": \"edit-env\", \"cookbook_versions\": {\"nginx\": \"= 2.0.0\"}}");
        Path renamed = file("renamed.json", "{\"name\": \"other-env\"}");

        CliRun edit = galley(server, "environment", "edit", "edit-env", "--input", json.toString());
        Environment after = chef.environments().get("edit-env");

        assertThat(edit.exitCode).as(edit.toString()).isZero();
        assertThat(edit.err).isEqualTo("Saved environment[edit-env]\n");
        assertThat(after.cookbookVersions()).isEqualTo(Map.of("nginx", "= 2.0.0"));
        assertOneLineError(galley(server, "environment", "edit", "edit-env", "-i", renamed.toString()),
                "environment[other-env], not environment[edit-env]");
        assertThat(chef.environments().get("edit-env")).isEqualTo(after);
    }

    @Test
    void delete_deletes_butNeverTheDefaultEnvironment(GoiardiServer server, ChefClient chef) {
        chef.environments().create(Environment.named("del-env"));

        CliRun run = galley(server, "environment", "delete", "del-env", "-y");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEqualTo("Deleted environment[del-env]\n");
        assertThat(chef.environments().find("del-env")).isEmpty();
        assertOneLineError(galley(server, "environment", "delete", "_default", "-y"),
                "the _default environment cannot be deleted");
        assertThat(chef.environments().find("_default")).isPresent();
    }

    // ---- from file

    @Test
    void fromFile_all_loadsEveryJsonFileOfTheEnvironmentsDirectory(GoiardiServer server, ChefClient chef)
            throws Exception {
        file("environments/ff-a.json", "{\"name\": \"ff-a\", \"cookbook_versions\": {\"app\": \"= 1.0.0\"}}");
        file("environments/ff-b.json", "{\"name\": \"ff-b\", \"description\": \"b\"}");

        CliRun run = galley(server, "environment", "from", "file", "--all");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEqualTo("Updated Environment ff-a\nUpdated Environment ff-b\n");
        assertThat(chef.environments().get("ff-a").cookbookVersions()).containsEntry("app", "= 1.0.0");
        assertThat(chef.environments().get("ff-b").description()).isEqualTo("b");
    }

    @Test
    void fromFile_rubyFiles_areNeverRun(GoiardiServer server, ChefClient chef) throws Exception {
        Path ruby = file("ff-c.rb", "name 'ff-c'\n");

        assertOneLineError(galley(server, "environment", "from", "file", ruby.toString()), "is a Ruby file",
                "Galley reads JSON only");
        assertThat(chef.environments().find("ff-c")).isEmpty();
    }

    // ---- compare

    @Test
    void compare_showsConstraintsSideBySide_asKnifesMatrix(GoiardiServer server, ChefClient chef) {
        chef.environments().create(constrained("cmp-a", Map.of("app", "~> 2.0", "nginx", "= 1.0.0")));
        chef.environments().create(constrained("cmp-b", Map.of("nginx", "= 1.0.0")));

        CliRun all = galley(server, "environment", "compare", "cmp-a", "cmp-b");
        CliRun mismatch = galley(server, "environment", "compare", "cmp-a", "cmp-b", "--mismatch");
        CliRun json = galley(server, "environment", "compare", "cmp-a", "cmp-b", "-F", "json");

        assertThat(all.exitCode).as(all.toString()).isZero();
        assertThat(all.out).isEqualTo("""
                       cmp-a    cmp-b
                app    ~> 2.0   latest
                nginx  = 1.0.0  = 1.0.0
                """);
        assertThat(mismatch.out).isEqualTo("""
                     cmp-a   cmp-b
                app  ~> 2.0  latest
                """);
        assertThat(json.out).isEqualTo("""
                {
                  "cmp-a": {
                    "app": "~> 2.0",
                    "nginx": "= 1.0.0"
                  },
                  "cmp-b": {
                    "nginx": "= 1.0.0"
                  }
                }
                """);
    }

    @Test
    void compare_all_listsEveryCookbookOnTheServer(GoiardiServer server, ChefClient chef) throws Exception {
        Path cookbook = file("cookbooks/zeta/metadata.rb", "name 'zeta'\nversion '0.1.0'\n").getParent();
        file("cookbooks/zeta/recipes/default.rb", "log 'zeta'\n");
        chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        chef.environments().create(constrained("cmp-c", Map.of("nginx", "= 1.0.0")));

        CliRun run = galley(server, "environment", "compare", "cmp-c", "--all");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("      cmp-c\nzeta  latest\n");
    }

    @Test
    void compare_withoutConstraints_orUnknownEnvironment_isExit2(GoiardiServer server, ChefClient chef) {
        chef.environments().create(Environment.named("cmp-empty"));

        assertOneLineError(galley(server, "environment", "compare", "cmp-empty"),
                "no cookbook version constraints in cmp-empty");
        assertOneLineError(galley(server, "environment", "compare", "cmp-empty", "nowhere"),
                "environment 'nowhere' does not exist");
    }
}
