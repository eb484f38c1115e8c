package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.testing.ChefStubServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Groups and ACLs of the organization, in erchef's request and answer shapes. */
class GroupsAclsWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final String GROUPS = "/organizations/acme/groups";

    @Test
    void groups_listGetCreateDelete_inTheOrganization() {
        chef.wiremock().stubFor(get(urlPathEqualTo(GROUPS)).willReturn(erchef(json(Map.of(
                "admins", chef.orgUrl() + "/groups/admins", "users", chef.orgUrl() + "/groups/users")))));
        chef.wiremock().stubFor(get(urlPathEqualTo(GROUPS + "/admins")).willReturn(erchef(json(Map.of(
                "name", "admins", "groupname", "admins", "orgname", "acme",
                "actors", List.of("pivotal", "alice"), "users", List.of("pivotal", "alice"),
                "clients", List.of(), "groups", List.of())))));
        chef.wiremock().stubFor(post(urlPathEqualTo(GROUPS)).withRequestBody(equalToJson("{\"groupname\":\"ops\"}"))
                .willReturn(erchef(201, json(Map.of("uri", chef.orgUrl() + "/groups/ops")))));
        chef.wiremock().stubFor(delete(urlPathEqualTo(GROUPS + "/ops")).willReturn(erchef("{\"name\":\"ops\"}")));
        ChefClient client = chef.client();

        assertThat(client.groups().list()).containsExactly("admins", "users");
        assertThat(client.groups().get("admins").path("users")).extracting(JsonNode::asText)
                .containsExactly("pivotal", "alice");
        assertThat(client.groups().create("ops").path("uri").asText()).endsWith("/organizations/acme/groups/ops");
        assertThat(client.groups().delete("ops").path("name").asText()).isEqualTo("ops");

        assertThat(chef.requests()).extracting(r -> chef.verify(r).path())
                .allSatisfy(p -> assertThat(p).startsWith(GROUPS));
    }

    @Test
    void groupUpdate_replacesAllThreeKindsOfMember() {
        chef.wiremock().stubFor(put(urlPathEqualTo(GROUPS + "/ops"))
                .withRequestBody(equalToJson("{\"groupname\":\"ops\",\"actors\":{\"users\":[\"alice\"],"
                        + "\"clients\":[\"ci\"],\"groups\":[]}}"))
                .willReturn(erchef(json(Map.of("name", "ops", "groupname", "ops", "orgname", "acme",
                        "actors", List.of("alice", "ci"), "users", List.of("alice"), "clients", List.of("ci"),
                        "groups", List.of())))));

        JsonNode updated = chef.client().groups().update("ops", List.of("alice"), List.of("ci"), List.of());

        assertThat(updated.path("clients")).extracting(JsonNode::asText).containsExactly("ci");
        assertThat(chef.verify(chef.onlyRequest()).method()).isEqualTo("PUT");
    }

    @Test
    void aclGet_readsEveryPermission() {
        Map<String, Object> ace = Map.of("actors", List.of("pivotal"), "groups", List.of("admins"));
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/nodes/web1/_acl")).willReturn(erchef(json(
                Map.of("create", ace, "read", ace, "update", ace, "delete", ace, "grant", ace)))));

        JsonNode acl = chef.client().acls().get("nodes", "web1");

        assertThat(acl.fieldNames()).toIterable().containsExactlyInAnyOrder("create", "read", "update", "delete",
                "grant");
        assertThat(acl.path("read").path("groups").get(0).asText()).isEqualTo("admins");
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/organizations/acme/nodes/web1/_acl");
    }

    @Test
    void aclUpdate_putsOnePermission_underItsOwnName() {
        chef.wiremock().stubFor(put(urlPathEqualTo("/organizations/acme/data/secrets/_acl/read"))
                .withRequestBody(equalToJson("{\"read\":{\"actors\":[\"alice\",\"web1\"],\"groups\":[\"admins\"]}}"))
                .willReturn(erchef("{}")));

        chef.client().acls().update("data", "secrets", "read", List.of("alice", "web1"), List.of("admins"));

        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/organizations/acme/data/secrets/_acl/read");
    }

    @Test
    void acl_ofATypeWithoutAcls_isRefusedNamingTheTypesThatHaveThem() {
        assertThatThrownBy(() -> chef.client().acls().get("users", "alice"))
                .isInstanceOf(ChefException.class)
                .hasMessageStartingWith("'users' is not a type of object with an ACL")
                .hasMessageContaining("nodes")
                .hasMessageContaining("policy_groups");
        assertThat(chef.requests()).isEmpty();
    }

    @Test
    void aclUpdate_ofAnUnknownPermission_isRefusedNamingThePermissions() {
        assertThatThrownBy(() -> chef.client().acls().update("nodes", "web1", "write", List.of(), List.of()))
                .isInstanceOf(ChefException.class)
                .hasMessageContaining("'write' is not a Chef ACL permission")
                .hasMessageContaining("create, read, update, delete, grant");
        assertThat(chef.requests()).isEmpty();
    }
}
