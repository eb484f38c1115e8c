package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NodePresenterTest {
    static final Output OUT = new Output(new PrintWriter(new StringWriter()), OutputFormat.SUMMARY, false);

    static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    static final String CLOUD_NODE = """
            {"name": "web1", "chef_environment": "prod", "run_list": ["role[web]"],
             "normal": {"tags": "solo"},
             "default": {"fqdn": "default.example.com"},
             "override": {},
             "automatic": {"fqdn": "web1.example.com", "ipaddress": "10.0.0.1",
                           "cloud": {"public_ipv4_addrs": ["203.0.113.9"]}, "recipes": "nginx",
                           "roles": ["web"], "platform": "ubuntu", "platform_version": "22.04"}}
            """;

    @Test
    void summary_prefersTheCloudPublicAddress_andTakesMergedAttributes() throws Exception {
        assertThat(NodePresenter.summary(json(CLOUD_NODE), OUT, false, false, false)).isEqualTo("""
                Node Name:   web1
                Environment: prod
                FQDN:        web1.example.com
                IP:          203.0.113.9
                Run List:    role[web]
                Roles:       web
                Recipes:     nginx
                Platform:    ubuntu 22.04
                Tags:        solo
                """);
    }

    @Test
    void summary_ofAPolicyNode_showsThePolicyInsteadOfEnvironmentAndRoles() throws Exception {
        JsonNode node = json("""
                {"name": "p1", "chef_environment": "_default", "policy_name": "app", "policy_group": "prod",
                 "run_list": [], "normal": {}, "automatic": {}}
                """);

        // knife's layout keeps the padding of empty values
        assertThat(NodePresenter.summary(node, OUT, false, false, false)).isEqualTo(String.join("\n",
                "Node Name:   p1",
                "Policy Name:  app",
                "Policy Group: prod",
                "FQDN:        ",
                "IP:          ",
                "Run List:    ",
                "Recipes:     ",
                "Platform:     ",
                "Tags:        ",
                ""));
    }

    @Test
    void summary_inColour_boldsTheNameAndColoursTheKeys() throws Exception {
        String s = NodePresenter.summary(json(CLOUD_NODE), OUT, true, false, false);

        assertThat(s).startsWith("\u001b[1mNode Name:\u001b[0m   \u001b[1mweb1\u001b[0m\n")
                .contains("\u001b[36mEnvironment:\u001b[0m prod\n");
    }

    @Test
    void json_hasKnifesKeys_shortAndLong() throws Exception {
        JsonNode node = json(CLOUD_NODE);

        assertThat(NodePresenter.json(node, false).properties()).extracting(e -> e.getKey())
                .containsExactly("name", "chef_environment", "run_list", "normal");
        assertThat(NodePresenter.json(node, true).properties()).extracting(e -> e.getKey())
                .containsExactly("name", "chef_environment", "run_list", "normal", "default", "override", "automatic");
        assertThat(NodePresenter.json(node, true).get("automatic")).isEqualTo(node.get("automatic"));
    }

    @Test
    void merged_appliesChefsPrecedence_deeply() throws Exception {
        JsonNode node = json("""
                {"default": {"a": {"x": 1, "y": 1}, "list": [1, 2]},
                 "normal": {"a": {"y": 2}},
                 "override": {"a": {"z": 3}, "list": [9]},
                 "automatic": {"a": {"x": 4}}}
                """);

        assertThat(NodePresenter.merged(node)).isEqualTo(json("""
                {"a": {"x": 4, "y": 2, "z": 3}, "list": [9]}
                """));
    }
}
