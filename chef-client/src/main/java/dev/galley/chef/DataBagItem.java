package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * One data bag item: a free-form JSON object with an {@code "id"}.
 *
 * @param content the item's JSON object, {@code id} included, in the server's order
 */
public record DataBagItem(Map<String, Object> content) {

    @JsonCreator
    public DataBagItem {
        content = Attributes.copy(content);
        Object id = content.get("id");
        if (!(id instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("a data bag item needs a string \"id\"");
        }
    }

    /** An item from its id and the other fields. */
    public static DataBagItem of(String id, Map<String, Object> fields) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", Objects.requireNonNull(id, "id"));
        fields.forEach((k, v) -> {
            if (!k.equals("id")) {
                m.put(k, v);
            }
        });
        return new DataBagItem(m);
    }

    public String id() {
        return (String) content.get("id");
    }

    @JsonValue
    public Map<String, Object> json() {
        return content;
    }
}
