package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A role: a run list (optionally one per environment) and attributes.
 *
 * @param name               the role name
 * @param description        free text
 * @param runList            the run list for environments without their own
 * @param envRunLists        run lists by environment name
 * @param defaultAttributes  default attributes the role sets
 * @param overrideAttributes override attributes the role sets
 * @param jsonClass          "Chef::Role"
 * @param chefType           "role"
 * @param extra              any other top-level field of the server's document
 */
@JsonPropertyOrder({"name", "description", "json_class", "chef_type", "default_attributes", "override_attributes",
    "run_list", "env_run_lists"})
public record Role(
        String name,
        String description,
        RunList runList,
        Map<String, RunList> envRunLists,
        Map<String, Object> defaultAttributes,
        Map<String, Object> overrideAttributes,
        String jsonClass,
        String chefType,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Role {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        runList = runList == null ? RunList.empty() : runList;
        envRunLists = envRunLists == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(envRunLists));
        defaultAttributes = Attributes.copy(defaultAttributes);
        overrideAttributes = Attributes.copy(overrideAttributes);
        jsonClass = jsonClass == null ? "Chef::Role" : jsonClass;
        chefType = chefType == null ? "role" : chefType;
        extra = Attributes.copy(extra);
    }

    public static Role named(String name) {
        return new Role(name, null, null, null, null, null, null, null, null);
    }

    public Role withRunList(RunList list) {
        return new Role(name, description, list, envRunLists, defaultAttributes, overrideAttributes, jsonClass,
                chefType, extra);
    }

    public Role withDescription(String text) {
        return new Role(name, text, runList, envRunLists, defaultAttributes, overrideAttributes, jsonClass, chefType,
                extra);
    }

    /** A copy with the run list of one environment replaced ({@code null} removes it). */
    public Role withEnvRunList(String environment, RunList list) {
        Map<String, RunList> m = new LinkedHashMap<>(envRunLists);
        if (list == null) {
            m.remove(environment);
        } else {
            m.put(environment, list);
        }
        return new Role(name, description, runList, m, defaultAttributes, overrideAttributes, jsonClass, chefType,
                extra);
    }

    /** The run list that applies in an environment: its own if it has one, else the role's. */
    public RunList runListFor(String environment) {
        return envRunLists.getOrDefault(environment, runList);
    }
}
