package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefClient;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.Node;
import dev.galley.chef.RunList;
import dev.galley.chef.internal.Json;
import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galley search} and {@code galley status} end to end against goiardi, with nodes whose automatic attributes
 * (ohai_time, fqdn, ipaddress, platform) are set as chef-client would set them. Each test uses its own node names.
 */
@ExtendWith(ChefLabExtension.class)
class SearchAndStatusIT {

    /** A node as chef-client leaves it: automatic attributes from ohai, a run list; no ohai_time if never run. */
    private static void node(ChefClient chef, String name, Long secondsAgo, String ip) {
        Map<String, Object> automatic = new LinkedHashMap<>();
        if (secondsAgo != null) {
            automatic.put("ohai_time", Instant.now().getEpochSecond() - secondsAgo + 0.5);
            automatic.put("fqdn", name + ".example.com");
            automatic.put("ipaddress", ip);
            automatic.put("platform", "ubuntu");
            automatic.put("platform_version", "22.04");
            automatic.put("roles", List.of("web"));
            automatic.put("recipes", List.of("base_os", "web_app"));
        }
        chef.nodes().create(new Node(name, "_default", RunList.of("recipe[base_os]", "role[web]"),
                Map.of("tags", List.of("blue")), null, null, automatic, null, null, null, null, null));
    }

    private static List<String> rowNames(String json) throws Exception {
        JsonNode doc = Json.MAPPER.readTree(json);
        List<String> names = new ArrayList<>();
        doc.path("rows").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    @Test
    void search_pagesByItself_andRowsIsTheMostResults_startSkips(GoiardiServer server, ChefClient chef,
            @TempDir Path home) throws Exception {
        for (int i = 1; i <= 7; i++) {
            node(chef, "pager" + i, 60L * i, "10.1.0." + i);
        }
        String config = server.writeKnifeConfig().toString();

        CliRun all = CliRun.galley(home, "-c", config, "search", "node", "name:pager*", "--page-size", "2",
                "-F", "json");
        CliRun limited = CliRun.galley(home, "-c", config, "search", "node", "name:pager*", "--page-size", "2",
                "-R", "5", "-b", "1", "-F", "json");
        CliRun summary = CliRun.galley(home, "-c", config, "search", "node", "name:pager*", "-R", "3");

        assertThat(all.exitCode).as(all.toString()).isZero();
        assertThat(rowNames(all.out)).hasSize(7).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("pager1", "pager2", "pager3", "pager4", "pager5", "pager6", "pager7");
        assertThat(Json.MAPPER.readTree(all.out).path("results").asInt()).isEqualTo(7);
        assertThat(rowNames(limited.out)).hasSize(5).doesNotHaveDuplicates()
                .isSubsetOf(rowNames(all.out)).isEqualTo(rowNames(all.out).subList(1, 6));
        assertThat(summary.err).isEqualTo("3 items found\n\n");
        assertThat(summary.out.split("Node Name:", -1)).hasSize(4);
    }

    @Test
    void search_attributes_idOnly_andRunList_asKnifeShowsThem(GoiardiServer server, ChefClient chef,
            @TempDir Path home) {
        node(chef, "attrweb", 30L, "10.2.0.1");
        String config = server.writeKnifeConfig().toString();

        CliRun attributes = CliRun.galley(home, "-c", config, "search", "node", "name:attrweb", "-a", "ipaddress",
                "-a", "platform");
        CliRun ids = CliRun.galley(home, "-c", config, "search", "node", "name:attrweb", "-i");
        CliRun runList = CliRun.galley(home, "-c", config, "search", "node", "name:attrweb", "-r");
        CliRun full = CliRun.galley(home, "-c", config, "search", "name:attrweb");
        CliRun json = CliRun.galley(home, "-c", config, "search", "node", "name:attrweb", "-a", "fqdn", "-F", "json");
        CliRun medium = CliRun.galley(home, "-c", config, "search", "node", "name:attrweb", "-m");

        assertThat(attributes.exitCode).as(attributes.toString()).isZero();
        assertThat(attributes.out).isEqualTo("attrweb:\n  ipaddress: 10.2.0.1\n  platform:  ubuntu\n\n");
        assertThat(attributes.err).isEqualTo("1 items found\n\n");
        assertThat(ids.out).isEqualTo("attrweb\n");
        assertThat(runList.out).isEqualTo("attrweb:\n  run_list:\n    recipe[base_os]\n    role[web]\n\n");
        assertThat(full.out).isEqualTo("""
                Node Name:   attrweb
                Environment: _default
                FQDN:        attrweb.example.com
                IP:          10.2.0.1
                Run List:    recipe[base_os], role[web]
                Roles:       web
                Recipes:     base_os, web_app
                Platform:    ubuntu 22.04
                Tags:        blue

                """);
        assertThat(medium.out).endsWith("Tags:        blue\nAttributes:\ntags: blue\n\n\n");
        assertThat(json.out).isEqualTo("""
                {
                  "results": 1,
                  "rows": [
                    {
                      "attrweb": {
                        "fqdn": "attrweb.example.com"
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void search_ofADataBag_showsItemIds(GoiardiServer server, ChefClient chef, @TempDir Path home) {
        chef.dataBags().create("inventory");
        chef.dataBags().createItem("inventory", DataBagItem.of("rack1", Map.of("row", "A")));
        chef.dataBags().createItem("inventory", DataBagItem.of("rack2", Map.of("row", "B")));
        String config = server.writeKnifeConfig().toString();

        CliRun ids = CliRun.galley(home, "-c", config, "search", "inventory", "row:A", "-i");
        CliRun attributes = CliRun.galley(home, "-c", config, "search", "inventory", "row:B", "-a", "row");

        assertThat(ids.exitCode).as(ids.toString()).isZero();
        assertThat(ids.out).isEqualTo("rack1\n");
        assertThat(attributes.out).isEqualTo("rack2:\n  row: B\n\n");
    }

    @Test
    void search_noMatch_exits3_andBadSyntax_isOneLineExit2(GoiardiServer server, @TempDir Path home) {
        String config = server.writeKnifeConfig().toString();

        CliRun none = CliRun.galley(home, "-c", config, "search", "node", "name:nothing-is-called-this");
        CliRun bad = CliRun.galley(home, "-c", config, "search", "node", "name:(((");

        assertThat(none.exitCode).isEqualTo(3);
        assertThat(none.out).isEmpty();
        assertThat(none.err).isEqualTo("0 items found\n\n");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.out).isEmpty();
        assertThat(bad.err.strip()).doesNotContain("\n").startsWith("galley: the server refused the query 'name:((('")
                .contains("check the Lucene syntax");
    }

    @Test
    void status_listsNodesOldestFirst_inKnifesLineFormat(GoiardiServer server, ChefClient chef, @TempDir Path home)
            throws Exception {
        node(chef, "stfresh", 5 * 60L, "10.3.0.3");
        node(chef, "stold", 30 * 3600L, "10.3.0.1");
        node(chef, "stnever", null, null);
        node(chef, "stmid", 3 * 3600L + 120, "10.3.0.2");
        String config = server.writeKnifeConfig().toString();

        CliRun status = CliRun.galley(home, "-c", config, "status", "name:st*");
        CliRun runList = CliRun.galley(home, "-c", config, "status", "name:stmid", "-r");
        CliRun hidden = CliRun.galley(home, "-c", config, "status", "name:st*", "--hide-by-mins", "60");
        CliRun reverse = CliRun.galley(home, "-c", config, "status", "name:st*", "--sort-reverse");
        CliRun json = CliRun.galley(home, "-c", config, "status", "name:stold", "-F", "json");

        assertThat(status.exitCode).as(status.toString()).isZero();
        assertThat(status.out).isEqualTo("""
                Node stnever has not yet converged.
                30 hours ago, stold, stold.example.com, 10.3.0.1, ubuntu 22.04.
                3 hours ago, stmid, stmid.example.com, 10.3.0.2, ubuntu 22.04.
                5 minutes ago, stfresh, stfresh.example.com, 10.3.0.3, ubuntu 22.04.
                """);
        assertThat(status.err).isEmpty();
        assertThat(runList.out).isEqualTo("3 hours ago, stmid, stmid.example.com, 10.3.0.2, "
                + "[\"recipe[base_os]\", \"role[web]\"], ubuntu 22.04.\n");
        assertThat(hidden.out).doesNotContain("stfresh").contains("stold").contains("stnever");
        assertThat(reverse.out.lines().findFirst()).hasValue(
                "5 minutes ago, stfresh, stfresh.example.com, 10.3.0.3, ubuntu 22.04.");
        JsonNode doc = Json.MAPPER.readTree(json.out);
        assertThat(doc.isArray()).isTrue();
        assertThat(doc.get(0).path("name").asText()).isEqualTo("stold");
        assertThat(doc.get(0).path("fqdn").asText()).isEqualTo("stold.example.com");
        assertThat(doc.get(0).path("ip").asText()).isEqualTo("10.3.0.1");
        assertThat(doc.get(0).path("ohai_time").isNumber()).isTrue();
        assertThat(doc.get(0).path("platform_version").asText()).isEqualTo("22.04");
    }
}
