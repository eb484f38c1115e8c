package dev.galley.ssh;

import java.util.Objects;

/**
 * Where to connect and as whom.
 *
 * @param host a host name or IP address
 * @param port the SSH port (22 unless the host says otherwise)
 * @param user the user to log in as
 */
public record SshTarget(String host, int port, String user) {
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (host.isBlank()) {
            throw new IllegalArgumentException("an SSH host cannot be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    public static SshTarget of(String user, String host, int port) {
        return new SshTarget(host, port, user);
    }

    /** How known_hosts names this host: "host" on port 22, "[host]:port" otherwise. */
    public String knownHostsName() {
        return KnownHosts.lookupName(host, port);
    }

    /** "user@host:port", for messages. */
    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
