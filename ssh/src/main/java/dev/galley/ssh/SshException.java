package dev.galley.ssh;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.util.Objects;

/**
 * An SSH connection, authentication, host key check or transfer failed; the message is one line naming the host,
 * what failed and what to do, and {@link #kind()} says which of these it was.
 */
public class SshException extends GalleyException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The TCP connection failed: refused, no route, unknown host. */
        CONNECT(Fault.UNAVAILABLE),
        /** The host did not answer within the connect timeout. */
        TIMEOUT(Fault.UNAVAILABLE),
        /** The host key was refused (changed, unknown under "always", revoked). */
        HOST_KEY(Fault.UNAVAILABLE),
        /** The host did not accept our keys, or an identity file cannot be used. */
        AUTHENTICATION(Fault.BAD_INPUT),
        /** The SSH session or a channel failed after connecting. */
        PROTOCOL(Fault.UNAVAILABLE);

        private final Fault fault;

        Kind(Fault fault) {
            this.fault = fault;
        }
    }

    private final Kind kind;
    private final transient SshTarget target;

    public SshException(Kind kind, SshTarget target, String message, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind").fault, message, cause);
        this.kind = kind;
        this.target = target;
    }

    public Kind kind() {
        return kind;
    }

    /** The host it happened with; null for problems before any host (an unreadable identity file). */
    public SshTarget target() {
        return target;
    }
}
