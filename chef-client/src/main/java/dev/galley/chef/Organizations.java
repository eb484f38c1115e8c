package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Organization endpoints of Chef Server 12+ ({@code /organizations}, global) and an organization's users
 * (associations). goiardi has no organizations.
 */
public interface Organizations {

    List<String> list();

    JsonNode get(String name);

    /** Creates an organization; the answer holds its validator's private key. */
    ActorCredentials create(String name, String fullName);

    JsonNode delete(String name);

    /** User names associated with the organization. */
    List<String> users(String organization);

    /** Associates a user directly (server admins only). */
    void addUser(String organization, String user);

    void removeUser(String organization, String user);

    /** Invites a user ({@code POST association_requests}). */
    void invite(String organization, String user);
}
