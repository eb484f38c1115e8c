package dev.galley.chef;

import dev.galley.core.Fault;
import java.net.URI;

/**
 * No HTTP answer came back: the connection was refused or reset, timed out, or TLS failed.
 */
public class ChefTransportException extends ChefException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI url;
    private final int attempts;

    public ChefTransportException(Fault fault, String method, URI url, int attempts, String message, Throwable cause) {
        super(fault, message, cause);
        this.method = method;
        this.url = url;
        this.attempts = attempts;
    }

    public String method() {
        return method;
    }

    public URI url() {
        return url;
    }

    /** How many times the request was sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
