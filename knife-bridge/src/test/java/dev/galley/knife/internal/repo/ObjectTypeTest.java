package dev.galley.knife.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ObjectTypeTest {

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) ChefJson.parse(text.getBytes());
    }

    @Test
    void role_normalize_fillsDefaultsInChefOrder_andSpellsOutRunLists() throws IOException {
        ObjectNode n = ObjectType.ROLE.normalize(json("{\"extra\":1,\"run_list\":[\"base\",\"recipe[base]\","
                + "\"role[x]\"],\"env_run_lists\":{\"prod\":[\"a\"]}}"), "web");

        assertThat(ChefJson.pretty(n).replaceAll("\\s+", "")).isEqualTo("{\"name\":\"web\",\"description\":\"\","
                + "\"json_class\":\"Chef::Role\",\"chef_type\":\"role\",\"default_attributes\":{},"
                + "\"override_attributes\":{},\"run_list\":[\"recipe[base]\",\"role[x]\"],"
                + "\"env_run_lists\":{\"prod\":[\"recipe[a]\"]},\"extra\":1}");
    }

    @Test
    void minimize_dropsWhatTheServerAddsByDefault_butKeepsTheName() throws IOException {
        ObjectNode fromServer = json("{\"chef_type\":\"environment\",\"cookbook_versions\":{},"
                + "\"default_attributes\":{},\"description\":\"\",\"json_class\":\"Chef::Environment\","
                + "\"name\":\"prod\",\"override_attributes\":{\"a\":1}}");

        assertThat(ChefJson.pretty(ObjectType.ENVIRONMENT.minimal(fromServer, "prod")))
                .isEqualTo("{\n  \"name\": \"prod\",\n  \"override_attributes\": {\n    \"a\": 1\n  }\n}");
        assertThat(ObjectType.NODE.minimal(json("{}"), "web1").toString()).isEqualTo("{\"name\":\"web1\"}");
    }

    @Test
    void dataBagItem_isUnwrappedFromRawData_andKeepsItsId() throws IOException {
        ObjectNode wrapped = json("{\"name\":\"data_bag_item_users_bob\",\"json_class\":\"Chef::DataBagItem\","
                + "\"chef_type\":\"data_bag_item\",\"data_bag\":\"users\",\"raw_data\":{\"uid\":2,\"id\":\"bob\"}}");

        assertThat(ObjectType.DATA_BAG_ITEM.minimal(wrapped, "bob").toString())
                .isEqualTo("{\"id\":\"bob\",\"uid\":2}");
        assertThat(ObjectType.DATA_BAG_ITEM.integrityProblem(ObjectType.DATA_BAG_ITEM.normalize(
                json("{\"id\":\"alice\"}"), "bob"), "bob")).contains("ID must be 'bob' (is 'alice')");
    }

    @Test
    void client_dropsJsonClass_andReadsOldStringFlags() throws IOException {
        ObjectNode fromServer = json("{\"admin\":\"true\",\"validator\":false,\"json_class\":\"Chef::ApiClient\","
                + "\"chef_type\":\"client\",\"name\":\"c1\",\"public_key\":\"K\"}");

        assertThat(ObjectType.CLIENT.minimal(fromServer, "c1").toString())
                .isEqualTo("{\"name\":\"c1\",\"admin\":true,\"public_key\":\"K\"}");
    }

    @Test
    void sameObject_differentlyWritten_comparesEqualAfterMinimizing() throws IOException {
        ObjectNode file = json("{\"name\":\"web\",\"run_list\":[\"demo\"]}");
        ObjectNode server = json("{\"name\":\"web\",\"description\":\"\",\"json_class\":\"Chef::Role\","
                + "\"chef_type\":\"role\",\"default_attributes\":{},\"override_attributes\":{},"
                + "\"run_list\":[\"recipe[demo]\"],\"env_run_lists\":{}}");

        assertThat(ChefJson.sameData(ObjectType.ROLE.minimal(file, "web"), ObjectType.ROLE.minimal(server, "web")))
                .isTrue();
        assertThat(ObjectType.ROLE.integrityProblem(ObjectType.ROLE.normalize(json("{\"name\":\"db\"}"), "web"),
                "web")).contains("Name must be 'web' (is 'db')");
    }
}
