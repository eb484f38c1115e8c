package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node object as the Chef server stores it. Fields this record does not name are kept in {@link #extra()} and
 * written back unchanged, so a read-modify-write never drops what a newer server or chef-client added.
 *
 * @param name            the node name
 * @param chefEnvironment the environment ("_default" when none)
 * @param runList         the node's own run list
 * @param normal          normal attributes (persisted, set by knife and recipes)
 * @param defaults        default attributes (JSON "default")
 * @param override        override attributes
 * @param automatic       automatic attributes (ohai data of the last run)
 * @param policyName      the Policyfile policy name, in policy mode
 * @param policyGroup     the Policyfile policy group, in policy mode
 * @param jsonClass       "Chef::Node"
 * @param chefType        "node"
 * @param extra           any other top-level field of the server's document
 */
@JsonPropertyOrder({"name", "chef_environment", "json_class", "chef_type", "run_list", "normal", "default",
    "override", "automatic", "policy_name", "policy_group"})
public record Node(
        String name,
        String chefEnvironment,
        RunList runList,
        Map<String, Object> normal,
        @JsonProperty("default") Map<String, Object> defaults,
        Map<String, Object> override,
        Map<String, Object> automatic,
        Optional<String> policyName,
        Optional<String> policyGroup,
        String jsonClass,
        String chefType,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Node {
        Objects.requireNonNull(name, "name");
        chefEnvironment = chefEnvironment == null ? "_default" : chefEnvironment;
        runList = runList == null ? RunList.empty() : runList;
        normal = Attributes.copy(normal);
        defaults = Attributes.copy(defaults);
        override = Attributes.copy(override);
        automatic = Attributes.copy(automatic);
        policyName = policyName == null ? Optional.empty() : policyName;
        policyGroup = policyGroup == null ? Optional.empty() : policyGroup;
        jsonClass = jsonClass == null ? "Chef::Node" : jsonClass;
        chefType = chefType == null ? "node" : chefType;
        extra = Attributes.copy(extra);
    }

    /** A new node with nothing but a name, in the _default environment. */
    public static Node named(String name) {
        return new Node(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Node withRunList(RunList list) {
        return new Node(name, chefEnvironment, list, normal, defaults, override, automatic, policyName, policyGroup,
                jsonClass, chefType, extra);
    }

    public Node withEnvironment(String environment) {
        return new Node(name, environment, runList, normal, defaults, override, automatic, policyName, policyGroup,
                jsonClass, chefType, extra);
    }

    public Node withNormal(Map<String, Object> attributes) {
        return new Node(name, chefEnvironment, runList, attributes, defaults, override, automatic, policyName,
                policyGroup, jsonClass, chefType, extra);
    }

    /** The merged value of an attribute at a dotted path, with Chef's precedence. */
    public Optional<Object> attribute(String dottedPath) {
        return Attributes.at(Attributes.merge(defaults, normal, override, automatic), dottedPath);
    }
}
