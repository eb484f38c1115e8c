package dev.galley.chef;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server did not accept the request's signature (401). When the cause is clock skew, {@link #clockSkew()} says by how much.
 */
public final class ChefUnauthorizedException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    private final transient Duration clockSkew;

    public ChefUnauthorizedException(String method, URI url, List<String> serverMessages, String bodyExcerpt, String message,
            Duration clockSkew) {
        super(method, url, 401, serverMessages, bodyExcerpt, message);
        this.clockSkew = clockSkew;
    }

    /**
     * How far the server's clock (its Date header) was ahead of ours when it refused us; negative when behind.
     * Empty when the server sent no Date.
     */
    public Optional<Duration> clockSkew() {
        return Optional.ofNullable(clockSkew);
    }
}
