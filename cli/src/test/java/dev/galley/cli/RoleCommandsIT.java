package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Environment;
import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.chef.internal.Json;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code galley role ...} end to end against goiardi: what a user sees, and what the server holds afterwards. */
@ExtendWith(ChefLabExtension.class)
class RoleCommandsIT extends KnifeCliTest {

    static Role webRole(String name) {
        return new Role(name, "Web servers", RunList.of("recipe[nginx]"),
                Map.of("prod", RunList.of("recipe[nginx]", "recipe[monitor]")),
                Map.of("nginx", Map.of("port", 80)), null, null, null, null);
    }

    static void ensureEnvironment(ChefClient chef, String name) {
        if (chef.environments().find(name).isEmpty()) {
            chef.environments().create(Environment.named(name));
        }
    }

    // ---- list and show

    @Test
    void list_showsNamesSorted_withUrisOnRequest(GoiardiServer server, ChefClient chef) throws Exception {
        chef.roles().create(Role.named("list-b"));
        chef.roles().create(Role.named("list-a"));

        CliRun names = galley(server, "role", "list");
        CliRun uris = galley(server, "role", "list", "-w");
        CliRun json = galley(server, "role", "list", "-F", "json");

        assertThat(names.exitCode).as(names.toString()).isZero();
        assertThat(names.out.lines().toList()).contains("list-a", "list-b").isSorted();
        assertThat(uris.out).containsPattern("(?m)^list-a: +" + server.url() + "/roles/list-a$");
        assertThat(Json.MAPPER.readTree(json.out).isArray()).isTrue();
        assertThat(json.out).contains("\"list-a\",");
    }

    @Test
    void show_printsTheRole_summaryForPeople_theServersJsonForScripts(GoiardiServer server, ChefClient chef)
            throws Exception {
        ensureEnvironment(chef, "prod");
        chef.roles().create(webRole("show-web"));

        CliRun summary = galley(server, "role", "show", "show-web");
        CliRun json = galley(server, "role", "show", "show-web", "-F", "json");

        assertThat(summary.exitCode).as(summary.toString()).isZero();
        assertThat(summary.out).isEqualTo("""
                chef_type:           role
                default_attributes:
                  nginx:
                    port: 80
                description:         Web servers
                env_run_lists:
                  prod:
                    recipe[nginx]
                    recipe[monitor]
                json_class:          Chef::Role
                name:                show-web
                override_attributes:
                run_list:            recipe[nginx]
                """);
        String served = chef.raw().request("GET", "/roles/show-web", new byte[0]).text();
        assertThat(Json.MAPPER.readTree(json.out)).isEqualTo(Json.MAPPER.readTree(served));
    }

    @Test
    void show_anAttribute_orTheRunListOfOneEnvironment(GoiardiServer server, ChefClient chef) {
        ensureEnvironment(chef, "prod");
        chef.roles().create(webRole("show-attr"));

        CliRun attr = galley(server, "role", "show", "show-attr", "-a", "default_attributes.nginx.port");
        CliRun env = galley(server, "role", "show", "show-attr", "-E", "prod");

        assertThat(attr.out).as(attr.toString()).isEqualTo("show-attr:\n  default_attributes.nginx.port: 80\n");
        assertThat(env.out).as(env.toString()).isEqualTo("run_list:\n  recipe[nginx]\n  recipe[monitor]\n");
    }

    @Test
    void show_unknownRole_isOneLineExit2(GoiardiServer server) {
        assertOneLineError(galley(server, "role", "show", "ghost"), "role 'ghost' does not exist");
    }

    // ---- create, edit, delete

    @Test
    void create_withDescription_orFromInput(GoiardiServer server, ChefClient chef) throws Exception {
        Path json = file("new-b.json", "{\"name\": \"new-b\", \"run_list\": [\"role[base]\", \"app\"]}");

        CliRun plain = galley(server, "role", "create", "new-a", "-d", "Application servers", "--disable-editing");
        CliRun fromFile = galley(server, "role", "create", "new-b", "--input", json.toString());

        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.err).isEqualTo("Created role[new-a]\n");
        assertThat(chef.roles().get("new-a").description()).isEqualTo("Application servers");
        assertThat(fromFile.exitCode).as(fromFile.toString()).isZero();
        assertThat(chef.roles().get("new-b").runList().toStrings()).containsExactly("role[base]", "recipe[app]");
    }

    @Test
    void create_badName_orExistingRole_isExit2(GoiardiServer server, ChefClient chef) {
        chef.roles().create(Role.named("new-c"));

        assertOneLineError(galley(server, "role", "create", "bad.name", "--disable-editing"),
                "'bad.name' is not a valid role name");
        assertOneLineError(galley(server, "role", "create", "new-c", "--disable-editing"),
                "role 'new-c' already exists");
    }

    @Test
    void edit_withInput_replacesTheRole_andSavesNothingWhenUnchanged(GoiardiServer server, ChefClient chef)
            throws Exception {
        ensureEnvironment(chef, "prod");
        chef.roles().create(webRole("edit-a"));
        Path json = file("edit-a.json", "{\"name\": \"edit-a\", \"description\": \"changed\", "
                + "\"run_list\": [\"recipe[haproxy]\"], \"override_attributes\": {\"x\": 1}}");

        CliRun edit = galley(server, "role", "edit", "edit-a", "--input", json.toString());
        CliRun again = galley(server, "role", "edit", "edit-a", "--input", json.toString());

        assertThat(edit.exitCode).as(edit.toString()).isZero();
        assertThat(edit.err).isEqualTo("Saved role[edit-a]\n");
        Role after = chef.roles().get("edit-a");
        assertThat(after.description()).isEqualTo("changed");
        assertThat(after.runList().toStrings()).containsExactly("recipe[haproxy]");
        assertThat(after.overrideAttributes()).containsKey("x");
        assertThat(again.err).isEqualTo("Object unchanged, not saving\n");
    }

    @Test
    void edit_rename_orBadRunList_changesNothing(GoiardiServer server, ChefClient chef) throws Exception {
        ensureEnvironment(chef, "prod");
        chef.roles().create(webRole("edit-b"));
        Role before = chef.roles().get("edit-b");
        Path renamed = file("renamed.json", "{\"name\": \"edit-b2\"}");
        Path badList = file("bad.json", "{\"name\": \"edit-b\", \"env_run_lists\": {\"prod\": [\"role[]\"]}}");

        assertOneLineError(galley(server, "role", "edit", "edit-b", "-i", renamed.toString()),
                "role[edit-b2], not role[edit-b]");
        assertOneLineError(galley(server, "role", "edit", "edit-b", "-i", badList.toString()), badList.toString(),
                "'role[]' is not a run list entry");
        assertThat(chef.roles().get("edit-b")).isEqualTo(before);
        assertThat(chef.roles().find("edit-b2")).isEmpty();
    }

    @Test
    void delete_andBulkDelete(GoiardiServer server, ChefClient chef) {
        for (String n : List.of("del-a", "bulk-r1", "bulk-r2")) {
            chef.roles().create(Role.named(n));
        }

        CliRun delete = galley(server, "role", "delete", "del-a", "-y");
        CliRun bulk = galley(server, "role", "bulk", "delete", "^bulk-r", "-y");

        assertThat(delete.exitCode).as(delete.toString()).isZero();
        assertThat(delete.err).isEqualTo("Deleted role[del-a]\n");
        assertThat(bulk.err).isEqualTo("""
                The following roles will be deleted:

                bulk-r1  bulk-r2

                Deleted role bulk-r1
                Deleted role bulk-r2
                """);
        assertThat(chef.roles().list()).doesNotContain("del-a", "bulk-r1", "bulk-r2");
        assertOneLineError(galley(server, "role", "delete", "del-a", "-y"), "role 'del-a' does not exist");
    }

    // ---- from file

    @Test
    void fromFile_createsAndReplaces_fromTheRolesDirectory(GoiardiServer server, ChefClient chef) throws Exception {
        chef.roles().create(Role.named("ff-a"));
        file("roles/ff-a.json", "{\"name\": \"ff-a\", \"description\": \"from the repo\"}");
        Path b = file("ff-b.json", "{\"name\": \"ff-b\", \"json_class\": \"Chef::Role\", \"run_list\": [\"x\"]}");

        CliRun run = galley(server, "role", "from", "file", "ff-a.json", b.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEqualTo("Updated Role ff-a\nUpdated Role ff-b\n");
        assertThat(chef.roles().get("ff-a").description()).isEqualTo("from the repo");
        assertThat(chef.roles().get("ff-b").runList().toStrings()).containsExactly("recipe[x]");
    }

    @Test
    void fromFile_rubyOrNodeOrMalformedFiles_areRefused(GoiardiServer server, ChefClient chef) throws Exception {
        Path ruby = file("roles/ff-c.rb", "name 'ff-c'\nrun_list 'recipe[x]'\n");
        Path node = file("ff-d.json", "{\"name\": \"ff-d\", \"chef_type\": \"node\"}");
        Path broken = file("ff-e.json", "{\"name\": \"ff-e\"\n\"run_list\": []}");

        assertOneLineError(galley(server, "role", "from", "file", "ff-c.rb"), ruby.toString(),
                "Galley reads JSON only");
        assertOneLineError(galley(server, "role", "from", "file", node.toString()), "holds a node, not a role");
        assertOneLineError(galley(server, "role", "from", "file", broken.toString()),
                broken + " is not valid JSON at line 2, column 1");
        assertThat(chef.roles().list()).doesNotContain("ff-c", "ff-d", "ff-e");
    }

    // ---- run_list

    @Test
    void runList_addRemoveReplaceSetClear_changeTheRolesOwnRunList(GoiardiServer server, ChefClient chef) {
        ensureEnvironment(chef, "prod");
        chef.roles().create(webRole("rl-a"));

        CliRun add = galley(server, "role", "run_list", "add", "rl-a", "recipe[first],recipe[second]");
        CliRun after = galley(server, "role", "run_list", "add", "rl-a", "recipe[middle]", "-a", "recipe[first]");
        List<String> afterAdds = chef.roles().get("rl-a").runList().toStrings();
        CliRun remove = galley(server, "role", "run_list", "remove", "rl-a", "recipe[second]");
        CliRun replace = galley(server, "role", "run_list", "replace", "rl-a", "recipe[nginx]", "recipe[haproxy]");
        List<String> afterReplace = chef.roles().get("rl-a").runList().toStrings();
        CliRun set = galley(server, "role", "run_list", "set", "rl-a", "role[base]", "recipe[app]");
        List<String> afterSet = chef.roles().get("rl-a").runList().toStrings();
        CliRun clear = galley(server, "role", "run_list", "clear", "rl-a");

        assertThat(add.exitCode).as(add.toString()).isZero();
        assertThat(add.out).contains("run_list:\n  recipe[nginx]\n  recipe[first]\n  recipe[second]\n")
                .contains("name:                rl-a\n");
        assertThat(after.exitCode).as(after.toString()).isZero();
        assertThat(afterAdds).containsExactly("recipe[nginx]", "recipe[first]", "recipe[middle]", "recipe[second]");
        assertThat(remove.exitCode).as(remove.toString()).isZero();
        assertThat(replace.exitCode).as(replace.toString()).isZero();
        assertThat(afterReplace).containsExactly("recipe[haproxy]", "recipe[first]", "recipe[middle]");
        assertThat(afterSet).containsExactly("role[base]", "recipe[app]");
        assertThat(clear.exitCode).as(clear.toString()).isZero();
        Role cleared = chef.roles().get("rl-a");
        assertThat(cleared.runList().isEmpty()).isTrue();
        assertThat(cleared.envRunLists().get("prod").toStrings()).containsExactly("recipe[nginx]", "recipe[monitor]");
    }

    @Test
    void envRunList_addRemoveReplaceSetClear_changeOneEnvironmentsRunList(GoiardiServer server, ChefClient chef) {
        ensureEnvironment(chef, "prod");
        ensureEnvironment(chef, "staging");
        chef.roles().create(webRole("erl-a"));

        CliRun add = galley(server, "role", "env_run_list", "add", "erl-a", "staging", "recipe[a],recipe[b]");
        List<String> staging = chef.roles().get("erl-a").envRunLists().get("staging").toStrings();
        CliRun remove = galley(server, "role", "env_run_list", "remove", "erl-a", "prod", "recipe[monitor]");
        CliRun replace = galley(server, "role", "env_run_list", "replace", "erl-a", "prod", "recipe[nginx]",
                "recipe[haproxy]");
        List<String> prod = chef.roles().get("erl-a").envRunLists().get("prod").toStrings();
        CliRun set = galley(server, "role", "env_run_list", "set", "erl-a", "staging", "recipe[c]");
        List<String> stagingSet = chef.roles().get("erl-a").envRunLists().get("staging").toStrings();
        CliRun clear = galley(server, "role", "env_run_list", "clear", "erl-a", "staging");

        assertThat(add.exitCode).as(add.toString()).isZero();
        assertThat(staging).containsExactly("recipe[a]", "recipe[b]");
        assertThat(remove.exitCode).as(remove.toString()).isZero();
        assertThat(replace.exitCode).as(replace.toString()).isZero();
        assertThat(prod).containsExactly("recipe[haproxy]");
        assertThat(set.exitCode).as(set.toString()).isZero();
        assertThat(stagingSet).containsExactly("recipe[c]");
        assertThat(clear.exitCode).as(clear.toString()).isZero();
        Role after = chef.roles().get("erl-a");
        assertThat(runListOf(after, "staging")).isEmpty();
        assertThat(after.runList().toStrings()).containsExactly("recipe[nginx]");
    }

    static List<String> runListOf(Role role, String env) {
        RunList list = role.envRunLists().get(env);
        return list == null ? List.of() : list.toStrings();
    }

    @Test
    void runLists_badInput_isOneLineExit2_andChangesNothing(GoiardiServer server, ChefClient chef) {
        ensureEnvironment(chef, "prod");
        ensureEnvironment(chef, "staging");
        chef.roles().create(webRole("bad-a"));
        Role before = chef.roles().get("bad-a");

        assertOneLineError(galley(server, "role", "run_list", "add", "bad-a", "recipe[ok]", "bad entry"),
                "'bad entry' is not a run list entry");
        assertOneLineError(galley(server, "role", "run_list", "replace", "bad-a", "recipe[absent]", "recipe[x]"),
                "recipe[absent] is not in the run list of role bad-a");
        assertOneLineError(galley(server, "role", "env_run_list", "add", "bad-a", "nowhere", "recipe[x]"),
                "environment 'nowhere' does not exist");
        assertOneLineError(galley(server, "role", "env_run_list", "remove", "bad-a", "staging", "recipe[x]"),
                "role bad-a has no run list for environment staging");
        assertOneLineError(galley(server, "role", "run_list", "add", "ghost", "recipe[x]"),
                "role 'ghost' does not exist");
        assertThat(chef.roles().get("bad-a")).isEqualTo(before);
    }
}
