package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Group endpoints of an organization ({@code /groups}).
 */
public interface Groups {

    List<String> list();

    /** {name, groupname, orgname, actors, users, clients, groups}. */
    JsonNode get(String name);

    JsonNode create(String name);

    /** Replaces the members: users, clients and nested groups. */
    JsonNode update(String name, List<String> users, List<String> clients, List<String> groups);

    JsonNode delete(String name);
}
