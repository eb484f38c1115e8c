package dev.galley.chef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user endpoints ({@code /users}, global: under the server root, not an organization).
 */
public interface Users {

    List<String> list();

    /** @throws ChefNotFoundException if there is no such user */
    User get(String name);

    Optional<User> find(String name);

    /**
     * Creates a user with the fields the server's schema wants (Chef 12+: username, display_name, email,
     * first_name, last_name, password; Chef 11/goiardi: name, password, admin).
     */
    ActorCredentials create(Map<String, Object> fields);

    User delete(String name);

    /** Checks a user's password ({@code POST /authenticate_user}). */
    boolean authenticate(String name, String password);

    /** The keys API of one user ({@code /users/NAME/keys}, server API v1). */
    ActorKeys keys(String name);
}
