package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.testing.ChefLabExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ChefLabExtension.class)
class SearchIT {
    static final int NODES = 25;

    @BeforeAll
    static void nodes(ChefClient chef) {
        for (int i = 0; i < NODES; i++) {
            String env = i % 5 == 0 ? "production" : "staging";
            chef.nodes().create(Node.named(String.format("s%02d", i)).withEnvironment(env)
                    .withRunList(RunList.of(i % 2 == 0 ? "role[web]" : "role[db]"))
                    .withNormal(Map.of("app", Map.of("port", 8000 + i))));
        }
    }

    @Test
    void stream_pagesUntilTotal_withoutDuplicates(ChefClient chef) {
        List<String> names = chef.search().query("node", "name:s*").pageSize(7).stream()
                .map(n -> n.path("name").asText()).toList();

        assertThat(names).hasSize(NODES).doesNotHaveDuplicates();
    }

    @Test
    void limitAndStart_returnTheRequestedWindow(ChefClient chef) {
        assertThat(chef.search().query("node", "name:s*").pageSize(4).limit(9).list()).hasSize(9);
        assertThat(chef.search().query("node", "name:s*").start(20).list()).hasSize(NODES - 20);
        assertThat(chef.search().query("node", "name:s*").total()).isEqualTo(NODES);
        assertThat(chef.search().query("node", "name:nothing-matches").total()).isZero();
    }

    @Test
    void query_filtersByRoleAndEnvironment(ChefClient chef) {
        List<Node> prodWeb = chef.search().query("node", "role:web AND chef_environment:production")
                .stream(Node.class).toList();

        assertThat(prodWeb).extracting(Node::name).containsExactlyInAnyOrder("s00", "s10", "s20");
    }

    @Test
    void partialSearch_returnsOnlyTheAskedAttributes(ChefClient chef) {
        List<JsonNode> rows = chef.search().query("node", "name:s03")
                .attribute("name", "name").attribute("port", "app.port").list();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("name").asText()).isEqualTo("s03");
        assertThat(rows.get(0).path("port").asInt()).isEqualTo(8003);
        assertThat(rows.get(0).has("automatic")).isFalse();
    }

    @Test
    void indexes_includeTheBuiltInOnesAndDataBags(ChefClient chef) {
        chef.dataBags().create("searchable");

        assertThat(chef.search().indexes()).contains("node", "role", "client", "environment", "searchable");
    }
}
