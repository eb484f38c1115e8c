package dev.galley.chef;

import java.util.List;
import java.util.Optional;

/**
 * The API client endpoints ({@code /clients}), for both server API v0 (keys in the client object) and v1 (keys
 * API); the negotiated version picks the form.
 */
public interface Clients {

    List<String> list();

    /** @throws ChefNotFoundException if there is no such client */
    ApiClient get(String name);

    Optional<ApiClient> find(String name);

    /**
     * Creates a client; the server generates its key pair unless {@code publicKeyPem} is given.
     *
     * @throws ChefConflictException if a client of that name exists
     */
    ActorCredentials create(String name, boolean validator, Optional<String> publicKeyPem);

    ApiClient delete(String name);

    /** Replaces the client's default key with a new server-generated one ({@code knife client key regenerate}). */
    ActorCredentials regenerateKey(String name);

    /** The keys API of one client ({@code /clients/NAME/keys}, server API v1). */
    ActorKeys keys(String name);
}
