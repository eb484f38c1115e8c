package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Acls;
import dev.galley.chef.ChefException;
import dev.galley.core.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ACLs of the configured organization's objects ({@code /organizations/ORG/TYPE/NAME/_acl}). */
final class DefaultAcls extends Endpoint implements Acls {
    /** The object types erchef keeps ACLs for (its {@code /TYPE/NAME/_acl} routes), as knife acl names them. */
    static final List<String> TYPES = List.of("clients", "containers", "cookbooks", "data", "environments", "groups",
            "nodes", "policies", "policy_groups", "roles");
    static final List<String> PERMISSIONS = List.of("create", "read", "update", "delete", "grant");
    private static final Set<String> TYPE_SET = Set.copyOf(TYPES);

    DefaultAcls(ChefHttp http) {
        super(http);
    }

    @Override
    public JsonNode get(String type, String name) {
        return http.get(aclPath(type, name));
    }

    @Override
    public void update(String type, String name, String permission, List<String> actors, List<String> groups) {
        String path = aclPath(type, name);
        if (!PERMISSIONS.contains(permission)) {
            throw new ChefException(Fault.BAD_INPUT, "'" + permission + "' is not a Chef ACL permission (ACL of "
                    + type + "/" + name + "): use one of " + String.join(", ", PERMISSIONS));
        }
        Map<String, Object> ace = new LinkedHashMap<>();
        ace.put("actors", List.copyOf(actors));
        ace.put("groups", List.copyOf(groups));
        http.put(path + Paths.of(permission), Map.of(permission, ace));
    }

    private static String aclPath(String type, String name) {
        if (type == null || !TYPE_SET.contains(type)) {
            throw new ChefException(Fault.BAD_INPUT, "'" + type + "' is not a type of object with an ACL (ACL of "
                    + type + "/" + name + "): use one of " + String.join(", ", TYPES));
        }
        return Paths.of(type, name, "_acl");
    }
}
