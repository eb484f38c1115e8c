package dev.galley.chef;

import java.net.URI;
import java.util.Optional;

/**
 * What the server returns when it creates a client or user, or rotates its key: the new private key exists only
 * here and in the server's answer, so the caller must store it. {@code toString()} never shows it.
 *
 * @param name       the client or user name
 * @param uri        its URL
 * @param privateKey the new private key, when the server generated one
 * @param publicKey  the public key PEM, when returned
 */
public record ActorCredentials(String name, URI uri, Optional<ChefKey> privateKey, Optional<String> publicKey) {

    public ActorCredentials {
        privateKey = privateKey == null ? Optional.empty() : privateKey;
        publicKey = publicKey == null ? Optional.empty() : publicKey;
    }

    @Override
    public String toString() {
        return "ActorCredentials[" + name + ", " + uri + privateKey.map(k -> ", with a new private key").orElse("") + "]";
    }
}
