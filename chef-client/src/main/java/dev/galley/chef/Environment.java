package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Chef environment: cookbook version constraints and attributes.
 *
 * @param name               the environment name
 * @param description        free text
 * @param cookbookVersions   constraints by cookbook ("nginx" to "= 1.2.0", "~> 2.0")
 * @param defaultAttributes  default attributes
 * @param overrideAttributes override attributes
 * @param jsonClass          "Chef::Environment"
 * @param chefType           "environment"
 * @param extra              any other top-level field of the server's document
 */
@JsonPropertyOrder({"name", "description", "cookbook_versions", "json_class", "chef_type", "default_attributes",
    "override_attributes"})
public record Environment(
        String name,
        String description,
        Map<String, String> cookbookVersions,
        Map<String, Object> defaultAttributes,
        Map<String, Object> overrideAttributes,
        String jsonClass,
        String chefType,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Environment {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        cookbookVersions = cookbookVersions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(cookbookVersions));
        defaultAttributes = Attributes.copy(defaultAttributes);
        overrideAttributes = Attributes.copy(overrideAttributes);
        jsonClass = jsonClass == null ? "Chef::Environment" : jsonClass;
        chefType = chefType == null ? "environment" : chefType;
        extra = Attributes.copy(extra);
    }

    public static Environment named(String name) {
        return new Environment(name, null, null, null, null, null, null, null);
    }

    public Environment withDescription(String text) {
        return new Environment(name, text, cookbookVersions, defaultAttributes, overrideAttributes, jsonClass,
                chefType, extra);
    }

    public Environment withCookbookVersions(Map<String, String> constraints) {
        return new Environment(name, description, constraints, defaultAttributes, overrideAttributes, jsonClass,
                chefType, extra);
    }
}
