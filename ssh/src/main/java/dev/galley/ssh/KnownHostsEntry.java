package dev.galley.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One line of a known_hosts file that holds a key.
 *
 * @param file    the file it is in
 * @param line    its line number (1-based)
 * @param marker  OpenSSH's marker: none, {@code @cert-authority} or {@code @revoked}
 * @param hosts   the host field as written (patterns, or a hashed name {@code |1|salt|hash})
 * @param key     the key
 */
public record KnownHostsEntry(Path file, int line, Marker marker, String hosts, SshPublicKey key) {
    /** The marker that may start a known_hosts line. */
    public enum Marker { NONE, CERT_AUTHORITY, REVOKED }

    public KnownHostsEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(key, "key");
    }

    /** "/home/u/.ssh/known_hosts line 3", for messages. */
    public String where() {
        return file + " line " + line;
    }
}
