package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Access control lists of organization objects ({@code /TYPE/NAME/_acl}).
 */
public interface Acls {

    /** The ACL of an object: permission ("create", "read", ...) to actors and groups. {@code type}: "nodes", ... */
    JsonNode get(String type, String name);

    /** Replaces one permission's actors and groups. */
    void update(String type, String name, String permission, List<String> actors, List<String> groups);
}
