package dev.galley.knife.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChefJsonTest {

    private static String roundTrip(String json) throws IOException {
        return ChefJson.pretty(ChefJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pretty_writesYajlLayout_emptyContainersWithABlankLine_noFinalNewline() throws IOException {
        assertThat(roundTrip("{\"name\":\"web\",\"default_attributes\":{},\"run_list\":[],\"env\":{\"a\":[1,\"x\"]}}"))
                .isEqualTo("""
                        {
                          "name": "web",
                          "default_attributes": {

                          },
                          "run_list": [

                          ],
                          "env": {
                            "a": [
                              1,
                              "x"
                            ]
                          }
                        }""");
        assertThat(roundTrip("{}")).isEqualTo("{\n\n}");
    }

    @Test
    void pretty_keepsKeyOrder_andWritesFloatsAsRubyDoes() throws IOException {
        assertThat(roundTrip("{\"z\":1.50,\"a\":1e3,\"m\":-0.25,\"i\":12345678901234,\"s\":\"a/b \\\"q\\\" é\\n\"}"))
                .isEqualTo("{\n  \"z\": 1.5,\n  \"a\": 1000.0,\n  \"m\": -0.25,\n  \"i\": 12345678901234,\n"
                        + "  \"s\": \"a/b \\\"q\\\" é\\n\"\n}");
    }

    @Test
    void sameData_ignoresKeyOrder_andComparesNumbersByValue() throws IOException {
        assertThat(ChefJson.sameData(ChefJson.parse("{\"a\":1,\"b\":[1,2]}".getBytes()),
                ChefJson.parse("{\"b\":[1.0,2],\"a\":1.00}".getBytes()))).isTrue();
        assertThat(ChefJson.sameData(ChefJson.parse("{\"b\":[1,2]}".getBytes()),
                ChefJson.parse("{\"b\":[2,1]}".getBytes()))).isFalse();
    }

    @Test
    void parse_rejectsEmptyAndTrailingGarbage() {
        assertThatThrownBy(() -> ChefJson.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> ChefJson.parse("{} x".getBytes())).isInstanceOf(IOException.class);
    }
}
