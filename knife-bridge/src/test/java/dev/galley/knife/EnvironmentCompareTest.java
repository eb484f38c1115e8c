package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCompareTest {
    static Map<String, JsonNode> constraints() throws Exception {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("prod", Json.MAPPER.readTree("{\"nginx\": \"= 1.2.0\", \"app\": \"= 3.0.0\"}"));
        m.put("staging", Json.MAPPER.readTree("{\"nginx\": \"= 1.3.0\", \"app\": \"= 3.0.0\"}"));
        m.put("dev", Json.MAPPER.readTree("{}"));
        return m;
    }

    @Test
    void matrix_hasAHeaderRow_andLatestWhereAnEnvironmentHasNoConstraint() throws Exception {
        String out = Columns.across(EnvironmentCommand.Compare.matrix(constraints(), List.of("nginx", "app", "zlib"),
                false), 4, false);

        assertThat(out).isEqualTo("""
                       prod     staging  dev
                nginx  = 1.2.0  = 1.3.0  latest
                app    = 3.0.0  = 3.0.0  latest
                zlib   latest   latest   latest
                """);
    }

    @Test
    void matrix_mismatchOnly_keepsRowsThatDiffer_inYellow() throws Exception {
        List<Columns.Cell> cells = EnvironmentCommand.Compare.matrix(constraints(), List.of("nginx", "zlib"), true);

        assertThat(Columns.across(cells, 4, false)).isEqualTo("""
                       prod     staging  dev
                nginx  = 1.2.0  = 1.3.0  latest
                """);
        assertThat(cells.get(5)).isEqualTo(new Columns.Cell("= 1.2.0", "\u001b[33m"));
    }
}
