package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectViewsTest {
    static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void listing_isSortedNames_orTheServersListingWithUris() throws Exception {
        JsonNode listing = json("{\"web2\": \"http://s/nodes/web2\", \"db1\": \"http://s/nodes/db1\"}");

        assertThat(ObjectViews.listing(listing, false)).isEqualTo(json("[\"db1\", \"web2\"]"));
        assertThat(ObjectViews.listing(listing, true)).isSameAs(listing);
    }

    @Test
    void extract_followsObjectsAndArrayIndexes_firstStepFromTheFirstTreeElseTheDocument() throws Exception {
        JsonNode merged = json("{\"net\": {\"ifaces\": [\"lo\", \"eth0\"]}, \"name\": \"shadowed\"}");
        JsonNode doc = json("{\"name\": \"web1\", \"chef_environment\": \"prod\"}");

        assertThat(ObjectViews.extract(merged, doc, "net.ifaces.1", ".").asText()).isEqualTo("eth0");
        assertThat(ObjectViews.extract(merged, doc, "net.ifaces.-1", ".").asText()).isEqualTo("eth0");
        assertThat(ObjectViews.extract(merged, doc, "chef_environment", ".").asText()).isEqualTo("prod");
        assertThat(ObjectViews.extract(merged, doc, "name", ".").asText()).isEqualTo("shadowed");
        assertThat(ObjectViews.extract(merged, doc, "net:ifaces:0", ":").asText()).isEqualTo("lo");
        assertThat(ObjectViews.extract(merged, doc, "net.nothing.deeper", ".").isNull()).isTrue();
        assertThat(ObjectViews.extract(merged, doc, "net.ifaces.x", ".").isNull()).isTrue();
    }

    @Test
    void attributes_areKeyedByTheObjectsName_thenByPath() throws Exception {
        JsonNode doc = json("{\"name\": \"web\", \"default_attributes\": {\"port\": 80}}");

        assertThat(ObjectViews.attributes("web", null, doc, List.of("default_attributes.port", "nope"), "."))
                .isEqualTo(json("{\"web\": {\"default_attributes.port\": 80, \"nope\": null}}"));
    }
}
