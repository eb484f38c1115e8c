package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.Json;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    static final String NODE = """
            {"name":"web1","chef_environment":"production","json_class":"Chef::Node","chef_type":"node",
             "run_list":["recipe[base]","role[web]"],
             "normal":{"tags":["a"],"app":{"port":8080,"ratio":1.50,"nothing":null}},
             "default":{"x":1},"override":{},"automatic":{"fqdn":"web1.example.com"},
             "policy_name":null,"policy_group":null,
             "future_field":{"kept":true}}
            """;

    @Test
    void node_roundTripsUnknownFieldsNullsAndExactNumbers() throws Exception {
        Node node = Json.MAPPER.readValue(NODE, Node.class);

        JsonNode back = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(node));

        assertThat(node.runList().toStrings()).containsExactly("recipe[base]", "role[web]");
        assertThat(node.defaults()).containsEntry("x", 1);
        assertThat(back.path("future_field").path("kept").asBoolean()).isTrue();
        assertThat(back.path("normal").path("app").path("ratio").toString()).isEqualTo("1.50");
        assertThat(back.path("normal").path("app").has("nothing")).isTrue();
        assertThat(back.path("default").path("x").asInt()).isEqualTo(1);
        assertThat(back.has("policy_name")).isFalse();
        assertThat(back.path("chef_environment").asText()).isEqualTo("production");
    }

    @Test
    void node_attribute_appliesChefPrecedence() throws Exception {
        Node node = Json.MAPPER.readValue("""
                {"name":"n","default":{"a":{"b":1,"c":1}},"normal":{"a":{"b":2}},"automatic":{"a":{"d":4}}}
                """, Node.class);

        assertThat(node.attribute("a.b")).contains(2);
        assertThat(node.attribute("a.c")).contains(1);
        assertThat(node.attribute("a.d")).contains(4);
        assertThat(node.attribute("a.zz")).isEmpty();
    }

    @Test
    void role_keepsEnvironmentRunLists() throws Exception {
        Role role = Json.MAPPER.readValue("""
                {"name":"web","run_list":["recipe[nginx]"],"env_run_lists":{"production":["recipe[nginx@1.2.0]"]}}
                """, Role.class);

        assertThat(role.runListFor("production").toStrings()).containsExactly("recipe[nginx@1.2.0]");
        assertThat(role.runListFor("staging").toStrings()).containsExactly("recipe[nginx]");
        assertThat(Json.tree(role).path("env_run_lists").path("production").get(0).asText())
                .isEqualTo("recipe[nginx@1.2.0]");
    }
}
