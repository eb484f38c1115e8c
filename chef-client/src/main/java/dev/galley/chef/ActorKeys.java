package dev.galley.chef;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one client or user (server API v1 keys API): several named keys, each may expire.
 */
public interface ActorKeys {

    /**
     * A key in a listing.
     *
     * @param name    the key name ("default")
     * @param uri     its URL
     * @param expired whether it has expired
     */
    record Summary(String name, String uri, boolean expired) {
    }

    /**
     * One key.
     *
     * @param name           the key name
     * @param publicKey      its public key PEM
     * @param expirationDate "infinity" or an ISO-8601 UTC time
     */
    record Key(String name, String publicKey, String expirationDate) {
    }

    List<Summary> list();

    Key get(String keyName);

    /**
     * Adds a key: the given public key, or one the server generates (then returned as the private key).
     *
     * @param expiration when it expires; empty for never
     */
    ActorCredentials create(String keyName, Optional<String> publicKeyPem, Optional<Instant> expiration);

    void delete(String keyName);
}
