package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(ChefLabExtension.class)
class NodesIT {

    @ParameterizedTest
    @EnumSource(SigningVersion.class)
    void goiardiAcceptsEverySigningVersion_forReadsAndWrites(SigningVersion version, GoiardiServer server) {
        try (ChefClient chef = ChefLabExtension.adminBuilder(server).signing(version).build()) {
            String name = "signed-" + version.text().replace('.', '-');
            chef.nodes().create(Node.named(name).withRunList(RunList.of("recipe[base]")));

            assertThat(chef.nodes().list()).contains(name);
            assertThat(chef.nodes().get(name).runList().toStrings()).containsExactly("recipe[base]");
        }
    }

    @Test
    void createGetUpdateDelete_roundTripsTheNodeAsTheServerStoresIt(ChefClient chef) {
        Node node = Node.named("web1").withEnvironment("_default").withRunList(RunList.of("role[web]"))
                .withNormal(Map.of("app", Map.of("port", 8080)));
        chef.nodes().create(node);

        Node read = chef.nodes().get("web1");
        assertThat(read.attribute("app.port")).contains(8080);
        assertThat(chef.nodes().exists("web1")).isTrue();

        Node updated = chef.nodes().update(read.withRunList(RunList.of("role[web]", "recipe[extra]")));
        assertThat(updated.runList().toStrings()).containsExactly("role[web]", "recipe[extra]");

        assertThat(chef.nodes().delete("web1").name()).isEqualTo("web1");
        assertThat(chef.nodes().exists("web1")).isFalse();
        assertThat(chef.nodes().find("web1")).isEmpty();
    }

    @Test
    void get_unknownNode_raisesNotFoundWithTheServersMessage(ChefClient chef) {
        assertThatThrownBy(() -> chef.nodes().get("nope"))
                .isInstanceOf(ChefNotFoundException.class)
                .hasMessageContaining("GET " + chef.serverUrl() + "/nodes/nope answered 404 Not Found")
                .hasMessageContaining("nope");
    }

    @Test
    void create_existingNode_raisesConflict(ChefClient chef) {
        chef.nodes().create(Node.named("dup"));

        assertThatThrownBy(() -> chef.nodes().create(Node.named("dup")))
                .isInstanceOf(ChefConflictException.class)
                .hasMessageContaining("409");
    }

    @Test
    void updateRunList_addsAfterAnEntry_andVerifiesTheChangeStuck(ChefClient chef) {
        chef.nodes().create(Node.named("rl").withRunList(RunList.of("recipe[a]", "recipe[c]")));

        Node saved = chef.nodes().updateRunList("rl", rl -> rl.add(List.of(RunListItem.parse("recipe[b]")),
                Optional.of(RunListItem.parse("recipe[a]"))));

        assertThat(saved.runList().toStrings()).containsExactly("recipe[a]", "recipe[b]", "recipe[c]");
        assertThat(chef.nodes().get("rl").runList().toStrings()).containsExactly("recipe[a]", "recipe[b]", "recipe[c]");
    }

    @Test
    void setEnvironmentAndAttribute_keepEverythingElseOnTheNode(ChefClient chef) {
        chef.nodes().create(Node.named("env1").withNormal(Map.of("keep", "me")));

        chef.nodes().setEnvironment("env1", "staging");
        chef.nodes().setNormalAttribute("env1", "app.version", "2.0");

        Node n = chef.nodes().get("env1");
        assertThat(n.chefEnvironment()).isEqualTo("staging");
        assertThat(n.attribute("app.version")).contains("2.0");
        assertThat(n.attribute("keep")).contains("me");
    }
}
