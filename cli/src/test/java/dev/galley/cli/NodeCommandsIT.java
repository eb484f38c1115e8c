package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.ChefClient;
import dev.galley.chef.Environment;
import dev.galley.chef.Node;
import dev.galley.chef.RunList;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code galley node ...} end to end against goiardi: what a user sees, and what the server holds afterwards. */
@ExtendWith(ChefLabExtension.class)
class NodeCommandsIT extends KnifeCliTest {
    static Node node(String name, String env, List<String> runList, Map<String, Object> normal,
            Map<String, Object> automatic) {
        return new Node(name, env, RunList.parse(runList), normal, Map.of("app", Map.of("port", 80, "workers", 4)),
                null, automatic, null, null, null, null, null);
    }

    static Node webNode(String name) {
        return node(name, "_default", List.of("recipe[app]", "role[web]"),
                Map.of("tags", List.of("blue", "green"), "app", Map.of("port", 8080)),
                Map.of("fqdn", name + ".example.com", "ipaddress", "10.1.2.3", "platform", "debian",
                        "platform_version", "12", "roles", List.of("web"), "recipes", List.of("app", "app::default")));
    }

    // ---- list

    @Test
    void list_ofOneEnvironment_isOneNamePerLine_orAJsonArray_orNamesWithUris(GoiardiServer server, ChefClient chef) {
        chef.environments().create(Environment.named("listenv"));
        chef.nodes().create(node("list-b", "listenv", List.of(), Map.of(), Map.of()));
        chef.nodes().create(node("list-a", "listenv", List.of(), Map.of(), Map.of()));

        CliRun summary = galley(server, "node", "list", "-E", "listenv");
        CliRun json = galley(server, "node", "list", "-E", "listenv", "-F", "json");
        CliRun uris = galley(server, "node", "list", "-E", "listenv", "-w");

        assertThat(summary.out).as(summary.toString()).isEqualTo("list-a\nlist-b\n");
        assertThat(summary.err).isEmpty();
        assertThat(json.out).isEqualTo("[\n  \"list-a\",\n  \"list-b\"\n]\n");
        assertThat(uris.out).isEqualTo("list-a: " + server.url() + "/nodes/list-a\nlist-b: " + server.url()
                + "/nodes/list-b\n");
    }

    @Test
    void list_ofEveryNode_includesNewNodes_sorted(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(Node.named("list-all-2"));
        chef.nodes().create(Node.named("list-all-1"));

        CliRun run = galley(server, "node", "list");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).contains("list-all-1", "list-all-2").isSorted();
    }

    @Test
    void list_ofUnknownEnvironment_isOneLineExit2(GoiardiServer server) {
        assertOneLineError(galley(server, "node", "list", "-E", "nowhere"), "environment 'nowhere' does not exist");
    }

    // ---- show

    @Test
    void show_summary_isKnifesNodePresenterLayout(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("show1"));

        CliRun run = galley(server, "node", "show", "show1");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).isEqualTo("""
                Node Name:   show1
                Environment: _default
                FQDN:        show1.example.com
                IP:          10.1.2.3
                Run List:    recipe[app], role[web]
                Roles:       web
                Recipes:     app, app::default
                Platform:    debian 12
                Tags:        blue, green
                """);
    }

    @Test
    void show_medium_addsNormalAttributes_long_addsEveryLevel(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("show2"));

        CliRun medium = galley(server, "node", "show", "show2", "-m");
        CliRun long_ = galley(server, "node", "show", "show2", "--long");

        assertThat(medium.out).endsWith("""
                Tags:        blue, green
                Attributes:
                app:
                  port: 8080
                tags:
                  blue
                  green

                """);
        assertThat(long_.out).contains("""
                Default Attributes:
                app:
                  port:    80
                  workers: 4

                Override Attributes:

                Automatic Attributes (Ohai Data):
                fqdn:             show2.example.com
                """);
    }

    @Test
    void show_json_hasTheKeysKnifeShows_withTheServersValues(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("show3"));

        CliRun short_ = galley(server, "node", "show", "show3", "-F", "json");
        CliRun long_ = galley(server, "node", "show", "show3", "-F", "json", "-l");

        assertThat(short_.out).as(short_.toString()).isEqualTo("""
                {
                  "name": "show3",
                  "chef_environment": "_default",
                  "run_list": [
                    "recipe[app]",
                    "role[web]"
                  ],
                  "normal": {
                    "app": {
                      "port": 8080
                    },
                    "tags": [
                      "blue",
                      "green"
                    ]
                  }
                }
                """);
        assertThat(long_.out).contains("\"default\": {", "\"override\": {}", "\"automatic\": {",
                "\"fqdn\": \"show3.example.com\"");
    }

    @Test
    void show_attributes_runList_andEnvironment_showOnlyThose(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("show4"));

        CliRun attrs = galley(server, "node", "show", "show4", "-a", "fqdn", "-a", "app.port", "-a",
                "chef_environment", "-a", "no.such");
        CliRun attrsJson = galley(server, "node", "show", "show4", "-a", "app.port", "-F", "json");
        CliRun runList = galley(server, "node", "show", "show4", "-r");
        CliRun env = galley(server, "node", "show", "show4", "-E");
        CliRun envFirst = galley(server, "node", "show", "-E", "show4", "-F", "json");

        // app.port: normal (8080) wins over default (80), as Chef merges attributes
        assertThat(attrs.out).as(attrs.toString()).isEqualTo("""
                show4:
                  app.port:         8080
                  chef_environment: _default
                  fqdn:             show4.example.com
                  no.such:         \s
                """);
        assertThat(attrsJson.out).isEqualTo("{\n  \"show4\": {\n    \"app.port\": 8080\n  }\n}\n");
        assertThat(runList.out).isEqualTo("show4:\n  run_list:\n    recipe[app]\n    role[web]\n");
        assertThat(env.out).isEqualTo("chef_environment: _default\n");
        assertThat(envFirst.out).isEqualTo("{\n  \"chef_environment\": \"_default\"\n}\n");
    }

    @Test
    void show_unknownNode_isOneLineExit2(GoiardiServer server) {
        assertOneLineError(galley(server, "node", "show", "ghost"), "node 'ghost' does not exist",
                "galley node list");
    }

    // ---- create

    @Test
    void create_withDisableEditing_createsTheDefaultNode(GoiardiServer server, ChefClient chef) {
        CliRun run = galley(server, "node", "create", "new1", "--disable-editing");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("Created node[new1]\n");
        assertThat(chef.nodes().get("new1").chefEnvironment()).isEqualTo("_default");
    }

    @Test
    void create_withInput_storesTheFile(GoiardiServer server, ChefClient chef) throws Exception {
        Path json = file("new2.json", """
                {"name": "new2", "run_list": ["recipe[base]", "role[db]"], "normal": {"owner": "ops"}}
                """);

        CliRun run = galley(server, "node", "create", "new2", "--input", json.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        Node stored = chef.nodes().get("new2");
        assertThat(stored.runList().toStrings()).containsExactly("recipe[base]", "role[db]");
        assertThat(stored.normal()).containsEntry("owner", "ops");
    }

    @Test
    void create_existingNode_isExit2_andLeavesItAlone(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("new3"));
        Node before = chef.nodes().get("new3");

        assertOneLineError(galley(server, "node", "create", "new3", "--disable-editing"),
                "node 'new3' already exists");
        assertThat(chef.nodes().get("new3")).isEqualTo(before);
    }

    @Test
    void create_withoutInputOrEditor_asksForInput(GoiardiServer server, ChefClient chef) {
        assertOneLineError(galley(server, "node", "create", "new4"), "--input FILE");
        assertThat(chef.nodes().exists("new4")).isFalse();
    }

    @Test
    void create_inputNamingAnotherNode_isExit2_andCreatesNothing(GoiardiServer server, ChefClient chef)
            throws Exception {
        Path json = file("other.json", "{\"name\": \"new6\"}");

        assertOneLineError(galley(server, "node", "create", "new5", "-i", json.toString()), json.toString(),
                "node[new6], not node[new5]");
        assertThat(chef.nodes().exists("new5")).isFalse();
        assertThat(chef.nodes().exists("new6")).isFalse();
    }

    // ---- edit

    @Test
    void edit_withInput_replacesTheNode_keepingAttributeLevelsTheFileLeavesOut(GoiardiServer server,
            ChefClient chef) throws Exception {
        chef.environments().create(Environment.named("editenv"));
        chef.nodes().create(webNode("edit1"));
        Path json = file("edit1.json", """
                {"name": "edit1", "chef_environment": "editenv", "run_list": ["recipe[app]"],
                 "normal": {"tags": ["red"]}}
                """);

        CliRun run = galley(server, "node", "edit", "edit1", "--input", json.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("Saving updated chef_environment, normal, run_list on node edit1\n");
        Node after = chef.nodes().get("edit1");
        assertThat(after.chefEnvironment()).isEqualTo("editenv");
        assertThat(after.runList().toStrings()).containsExactly("recipe[app]");
        assertThat(after.normal()).isEqualTo(Map.of("tags", List.of("red")));
        assertThat(after.automatic()).containsEntry("fqdn", "edit1.example.com");
        assertThat(after.defaults()).containsKey("app");
    }

    @Test
    void edit_withTheSameNode_savesNothing(GoiardiServer server, ChefClient chef) throws Exception {
        chef.nodes().create(webNode("edit2"));
        Path json = file("edit2.json", galley(server, "node", "show", "edit2", "-F", "json").out);

        CliRun run = galley(server, "node", "edit", "edit2", "-i", json.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEqualTo("Node not updated, skipping node save\n");
    }

    @Test
    void edit_refusesToRename_andChangesNothing(GoiardiServer server, ChefClient chef) throws Exception {
        chef.nodes().create(webNode("edit3"));
        Node before = chef.nodes().get("edit3");
        Path json = file("edit3.json", "{\"name\": \"edit3-renamed\", \"run_list\": []}");

        assertOneLineError(galley(server, "node", "edit", "edit3", "-i", json.toString()),
                "node[edit3-renamed], not node[edit3]", "does not rename");
        assertThat(chef.nodes().get("edit3")).isEqualTo(before);
        assertThat(chef.nodes().exists("edit3-renamed")).isFalse();
    }

    @Test
    void edit_malformedJson_namesTheFileAndPosition_andChangesNothing(GoiardiServer server, ChefClient chef)
            throws Exception {
        chef.nodes().create(webNode("edit4"));
        Node before = chef.nodes().get("edit4");
        Path json = file("edit4.json", "{\n  \"name\": \"edit4\",\n  \"run_list\": [\"recipe[a]\" \"recipe[b]\"]\n}\n");

        assertOneLineError(galley(server, "node", "edit", "edit4", "-i", json.toString()),
                json + " is not valid JSON at line 3, column");
        assertThat(chef.nodes().get("edit4")).isEqualTo(before);
    }

    @Test
    void edit_withoutInputOrEditor_asksForInput(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("edit5"));

        assertOneLineError(galley(server, "node", "edit", "edit5"), "'galley node edit' needs --input FILE");
    }

    // ---- delete and bulk delete

    @Test
    void delete_withYes_deletesAndSaysSo(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(Node.named("del1"));

        CliRun run = galley(server, "node", "delete", "del1", "-y");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("Deleted node[del1]\n");
        assertThat(chef.nodes().exists("del1")).isFalse();
    }

    @Test
    void delete_asks_andWithoutAnAnswerDeletesNothing(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(Node.named("del2"));

        CliRun unanswered = galley(server, "node", "delete", "del2");
        boolean existsAfterUnanswered = chef.nodes().exists("del2");
        CliRun answered = answering(server, "y\n", "node", "delete", "del2");

        assertThat(unanswered.exitCode).as(unanswered.toString()).isEqualTo(2);
        assertThat(unanswered.err).startsWith("Do you really want to delete node del2? (Y/N) ").contains("-y");
        assertThat(existsAfterUnanswered).isTrue();
        assertThat(answered.exitCode).as(answered.toString()).isZero();
        assertThat(chef.nodes().exists("del2")).isFalse();
    }

    @Test
    void delete_withAnUnknownName_deletesNone(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(Node.named("del3"));

        assertOneLineError(galley(server, "node", "delete", "del3", "ghost", "-y"), "node 'ghost' does not exist");
        assertThat(chef.nodes().exists("del3")).isTrue();
    }

    @Test
    void bulkDelete_listsTheMatches_asksOnce_andDeletesOnlyThem(GoiardiServer server, ChefClient chef) {
        for (String n : List.of("bulk-web1", "bulk-web2", "bulk-db1")) {
            chef.nodes().create(Node.named(n));
        }

        CliRun unanswered = galley(server, "node", "bulk", "delete", "^bulk-web");
        boolean keptAfterUnanswered = chef.nodes().exists("bulk-web1") && chef.nodes().exists("bulk-web2");
        CliRun run = galley(server, "node", "bulk", "delete", "^bulk-web", "-y");

        assertThat(unanswered.exitCode).isEqualTo(2);
        assertThat(keptAfterUnanswered).isTrue();
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("""
                The following nodes will be deleted:

                bulk-web1  bulk-web2

                Deleted node bulk-web1
                Deleted node bulk-web2
                """);
        assertThat(chef.nodes().exists("bulk-web1")).isFalse();
        assertThat(chef.nodes().exists("bulk-web2")).isFalse();
        assertThat(chef.nodes().exists("bulk-db1")).isTrue();
    }

    @Test
    void bulkDelete_withoutMatches_saysSo_andABadExpressionIsExit2(GoiardiServer server) {
        CliRun none = galley(server, "node", "bulk", "delete", "^matches-nothing$");
        CliRun bad = galley(server, "node", "bulk", "delete", "web[");

        assertThat(none.exitCode).as(none.toString()).isZero();
        assertThat(none.err).isEqualTo("No nodes match the expression /^matches-nothing$/\n");
        assertOneLineError(bad, "'web[' is not a valid regular expression");
    }

    // ---- from file

    @Test
    void fromFile_createsOrReplacesEachNode_findingFilesInTheNodesDirectory(GoiardiServer server, ChefClient chef)
            throws Exception {
        chef.nodes().create(webNode("ff1"));
        file("ff1.json", "{\"name\": \"ff1\", \"run_list\": [\"recipe[replaced]\"]}");
        file("nodes/ff2.json", "{\"name\": \"ff2\", \"chef_type\": \"node\", \"normal\": {\"k\": 1}}");

        CliRun run = galley(server, "node", "from", "file", "ff1.json", "ff2.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("Updated Node ff1\nUpdated Node ff2\n");
        assertThat(chef.nodes().get("ff1").runList().toStrings()).containsExactly("recipe[replaced]");
        assertThat(chef.nodes().get("ff2").normal()).containsKey("k");
    }

    @Test
    void fromFile_aBadFile_stopsBeforeAnyIsSaved(GoiardiServer server, ChefClient chef) throws Exception {
        Path good = file("ff3.json", "{\"name\": \"ff3\"}");
        Path bad = file("ff4.json", "{\"name\": \"ff4\", \"run_list\": [\"recipe[ok]\", \"not an entry\"]}");
        Path broken = file("ff5.json", "{\"name\": \"ff5\",, }");
        Path ruby = file("ff6.rb", "name 'ff6'\n");

        CliRun badEntry = galley(server, "node", "from", "file", good.toString(), bad.toString());
        CliRun badJson = galley(server, "node", "from", "file", good.toString(), broken.toString());
        CliRun rubyFile = galley(server, "node", "from", "file", good.toString(), ruby.toString());

        assertOneLineError(badEntry, bad.toString(), "'not an entry' is not a run list entry");
        assertOneLineError(badJson, broken + " is not valid JSON at line 1, column 16");
        assertOneLineError(rubyFile, ruby.toString(), "Galley reads JSON only");
        assertThat(chef.nodes().exists("ff3")).isFalse();
        assertThat(chef.nodes().exists("ff4")).isFalse();
    }

    @Test
    void fromFile_aRoleFile_isNotANode(GoiardiServer server, ChefClient chef) throws Exception {
        Path role = file("role.json", "{\"name\": \"ff7\", \"json_class\": \"Chef::Role\", \"chef_type\": \"role\"}");

        assertOneLineError(galley(server, "node", "from", "file", role.toString()), "holds a role, not a node");
        assertThat(chef.nodes().exists("ff7")).isFalse();
    }

    // ---- run lists

    @Test
    void runListAdd_appends_orPlacesAfterOrBefore_andShowsTheRunList(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(node("rl1", "_default", List.of("recipe[base]"), Map.of(), Map.of()));

        CliRun add = galley(server, "node", "run_list", "add", "rl1", "role[web],recipe[app]");
        CliRun after = galley(server, "node", "run_list", "add", "rl1", "recipe[after]", "-a", "recipe[base]");
        CliRun before = galley(server, "node", "run_list", "add", "rl1", "before", "--before", "role[web]", "-F",
                "json");

        assertThat(add.exitCode).as(add.toString()).isZero();
        assertThat(add.out).isEqualTo("rl1:\n  run_list:\n    recipe[base]\n    role[web]\n    recipe[app]\n");
        assertThat(after.out).isEqualTo(
                "rl1:\n  run_list:\n    recipe[base]\n    recipe[after]\n    role[web]\n    recipe[app]\n");
        assertThat(before.out).isEqualTo("""
                {
                  "rl1": {
                    "run_list": [
                      "recipe[base]",
                      "recipe[after]",
                      "recipe[before]",
                      "role[web]",
                      "recipe[app]"
                    ]
                  }
                }
                """);
        assertThat(chef.nodes().get("rl1").runList().toStrings()).containsExactly("recipe[base]", "recipe[after]",
                "recipe[before]", "role[web]", "recipe[app]");
    }

    @Test
    void runListRemoveAndSet_changeOnlyTheRunList(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("rl2"));

        CliRun remove = galley(server, "node", "run_list", "remove", "rl2", "role[web]", "recipe[absent]");
        List<String> afterRemove = chef.nodes().get("rl2").runList().toStrings();
        CliRun set = galley(server, "node", "run_list", "set", "rl2", "recipe[x],role[y]");

        assertThat(remove.exitCode).as(remove.toString()).isZero();
        assertThat(remove.err).isEqualTo("WARNING: recipe[absent] is not in the run list of node rl2\n");
        assertThat(remove.out).isEqualTo("rl2:\n  run_list: recipe[app]\n");
        assertThat(afterRemove).containsExactly("recipe[app]");
        assertThat(set.exitCode).as(set.toString()).isZero();
        Node after = chef.nodes().get("rl2");
        assertThat(after.runList().toStrings()).containsExactly("recipe[x]", "role[y]");
        assertThat(after.automatic()).containsEntry("fqdn", "rl2.example.com");
    }

    @Test
    void runList_badInput_isOneLineExit2_andChangesNothing(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("rl3"));
        Node before = chef.nodes().get("rl3");

        assertOneLineError(galley(server, "node", "run_list", "add", "rl3", "recipe[ok],bad entry"),
                "'bad entry' is not a run list entry");
        assertOneLineError(galley(server, "node", "run_list", "add", "rl3", "recipe[x]", "-a", "recipe[absent]"),
                "recipe[absent] is not in the run list of node rl3");
        assertOneLineError(galley(server, "node", "run_list", "add", "rl3", "recipe[x]", "-a", "recipe[app]", "-b",
                "role[web]"), "--after or --before, not both");
        assertOneLineError(galley(server, "node", "run_list", "set", "rl3", "role[bad@1.0]"),
                "a role cannot have a version");
        assertOneLineError(galley(server, "node", "run_list", "add", "ghost", "recipe[x]"),
                "node 'ghost' does not exist");
        assertThat(chef.nodes().get("rl3")).isEqualTo(before);
    }

    // ---- environment set, policy set

    @Test
    void environmentSet_movesTheNode_andShowsItsEnvironment(GoiardiServer server, ChefClient chef) {
        chef.environments().create(Environment.named("envset"));
        chef.nodes().create(webNode("es1"));

        CliRun run = galley(server, "node", "environment", "set", "es1", "envset");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("chef_environment: envset\n");
        assertThat(chef.nodes().get("es1").chefEnvironment()).isEqualTo("envset");
        assertThat(chef.nodes().get("es1").runList().toStrings()).containsExactly("recipe[app]", "role[web]");
    }

    @Test
    void environmentSet_toAnUnknownEnvironment_changesNothing(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(webNode("es2"));

        assertOneLineError(galley(server, "node", "environment", "set", "es2", "nowhere"),
                "environment 'nowhere' does not exist");
        assertThat(chef.nodes().get("es2").chefEnvironment()).isEqualTo("_default");
    }

    @Test
    void policySet_needsGroupAndNameTogether(GoiardiServer server, ChefClient chef) {
        chef.nodes().create(Node.named("ps1"));

        assertOneLineError(galley(server, "node", "policy", "set", "ps1", "prod"),
                "give NODE POLICY_GROUP POLICY_NAME");
        assertOneLineError(galley(server, "node", "policy", "set", "ps1", "prod", "app", "extra"),
                "policy group and name must be given together");
        assertOneLineError(galley(server, "node", "policy", "set", "ghost", "prod", "app"),
                "node 'ghost' does not exist");
    }
}
