package dev.galley.chef.spi;

import java.io.IOException;

/**
 * Sends prepared HTTP requests: the one seam between the Chef client and the network.
 *
 * <p>The client signs, retries, negotiates versions and maps errors; a transport only moves bytes, honouring
 * the timeouts, TLS trust and proxy settings it was built with. Implementations must be safe for concurrent use
 * and reuse connections.</p>
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends one request and reads the whole response.
     *
     * @throws IOException when no HTTP response was received (refused, reset, timed out, TLS failure)
     */
    TransportResponse send(TransportRequest request) throws IOException;

    /** Releases pooled connections; idempotent. */
    @Override
    void close();
}
