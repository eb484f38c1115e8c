package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Roles, environments, data bags, clients and users against goiardi. */
@ExtendWith(ChefLabExtension.class)
class ObjectsIT {

    @Test
    void roles_withPerEnvironmentRunLists(ChefClient chef) {
        chef.environments().create(Environment.named("production"));
        chef.roles().create(Role.named("web").withDescription("front end").withRunList(RunList.of("recipe[nginx]"))
                .withEnvRunList("production", RunList.of("recipe[nginx@1.2.0]", "recipe[hardening]")));

        Role web = chef.roles().get("web");
        assertThat(web.description()).isEqualTo("front end");
        assertThat(chef.roles().environments("web")).contains("_default", "production");
        assertThat(chef.roles().runListFor("web", "production").toStrings())
                .containsExactly("recipe[nginx@1.2.0]", "recipe[hardening]");
        assertThat(chef.roles().runListFor("web", "_default").toStrings()).containsExactly("recipe[nginx]");

        chef.roles().update("web", r -> r.withEnvRunList("production", null));
        assertThat(chef.roles().get("web").envRunLists()).doesNotContainKey("production");
        assertThat(chef.roles().delete("web").name()).isEqualTo("web");
        assertThat(chef.roles().find("web")).isEmpty();
    }

    @Test
    void environments_withCookbookConstraintsAndNodes(ChefClient chef) {
        chef.environments().create(Environment.named("qa").withDescription("QA")
                .withCookbookVersions(Map.of("nginx", "= 1.2.0")));
        chef.nodes().create(Node.named("qa1").withEnvironment("qa"));

        assertThat(chef.environments().list()).contains("_default", "qa");
        assertThat(chef.environments().get("qa").cookbookVersions()).containsEntry("nginx", "= 1.2.0");
        assertThat(chef.environments().nodes("qa")).containsExactly("qa1");

        chef.environments().update("qa", e -> e.withDescription("quality"));
        assertThat(chef.environments().get("qa").description()).isEqualTo("quality");
    }

    @Test
    void dataBags_itemsKeepTheirJson(ChefClient chef) {
        chef.dataBags().create("apps");
        chef.dataBags().createItem("apps", DataBagItem.of("shop",
                Map.of("port", 8080, "hosts", java.util.List.of("a", "b"), "tls", Map.of("on", true))));

        assertThat(chef.dataBags().list()).contains("apps");
        assertThat(chef.dataBags().items("apps")).containsExactly("shop");
        DataBagItem item = chef.dataBags().item("apps", "shop");
        assertThat(item.content()).containsEntry("port", 8080).containsEntry("tls", Map.of("on", true));

        chef.dataBags().updateItem("apps", DataBagItem.of("shop", Map.of("port", 9090)));
        assertThat(chef.dataBags().item("apps", "shop").content()).containsEntry("port", 9090).doesNotContainKey("tls");

        chef.dataBags().deleteItem("apps", "shop");
        assertThat(chef.dataBags().findItem("apps", "shop")).isEmpty();
        chef.dataBags().delete("apps");
        assertThat(chef.dataBags().list()).doesNotContain("apps");
    }

    @Test
    void clients_createReturnsAWorkingKey_andRegenerateReplacesIt(ChefClient chef, GoiardiServer server) {
        ActorCredentials created = chef.clients().create("ci-runner", false, Optional.empty());
        assertThat(created.privateKey()).isPresent();
        assertThat(created.toString()).doesNotContain("PRIVATE KEY");

        try (ChefClient asClient = ChefLabExtension.adminBuilder(server).user("ci-runner")
                .key(created.privateKey().orElseThrow()).build()) {
            assertThat(asClient.nodes().list()).isNotNull();
        }

        ActorCredentials rotated = chef.clients().regenerateKey("ci-runner");
        try (ChefClient oldKey = ChefLabExtension.adminBuilder(server).user("ci-runner")
                .key(created.privateKey().orElseThrow()).retry(RetryPolicy.none()).build();
             ChefClient newKey = ChefLabExtension.adminBuilder(server).user("ci-runner")
                     .key(rotated.privateKey().orElseThrow()).build()) {
            assertThatThrownBy(() -> oldKey.nodes().list()).isInstanceOf(ChefUnauthorizedException.class);
            assertThat(newKey.nodes().list()).isNotNull();
        }
        assertThat(chef.clients().list()).contains("ci-runner", GoiardiServer.VALIDATOR);
        assertThat(chef.clients().delete("ci-runner").name()).isEqualTo("ci-runner");
    }

    @Test
    void users_chef11Schema_createAuthenticateDelete(ChefClient chef) {
        ActorCredentials alice = chef.users().create(Map.of("name", "alice", "password", "correct horse", "admin", false));
        assertThat(alice.privateKey()).isPresent();

        assertThat(chef.users().list()).contains("admin", "alice");
        assertThat(chef.users().get("alice").username()).isEqualTo("alice");
        assertThat(chef.users().authenticate("alice", "correct horse")).isTrue();
        assertThat(chef.users().authenticate("alice", "wrong")).isFalse();
        chef.users().delete("alice");
        assertThat(chef.users().find("alice")).isEmpty();
    }

    @Test
    void raw_joinsPathsAsKnifeDoes_andRefusesOtherServers(ChefClient chef) {
        assertThat(chef.raw().request("GET", "environments/_default", new byte[0]).json().path("name").asText())
                .isEqualTo("_default");
        assertThat(chef.raw().request("GET", "/environments", new byte[0]).status()).isEqualTo(200);

        assertThatThrownBy(() -> chef.raw().request("GET", "https://elsewhere.example/nodes", new byte[0]))
                .hasMessageContaining("is not on the configured Chef server");
    }

    @Test
    void serverInfo_learnsGoiardisApiVersionRange(ChefClient chef) {
        assertThat(chef.serverInfo().apiVersions()).isEqualTo(new ApiVersionRange(0, 1));
        assertThat(chef.apiVersion()).isEqualTo(1);
    }
}
