package dev.galley.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What known_hosts says about the key a host offered, under a {@link HostKeyPolicy}; a refused verdict carries the
 * one-line message a user acts on.
 */
public sealed interface HostKeyVerdict {
    /** The key the host offered. */
    SshPublicKey offered();

    /** Whether the connection may go on. */
    boolean accepted();

    /** One line saying what was decided and, when refused, what to do. */
    String message();

    /** The key is in known_hosts for this host. */
    record Known(String host, SshPublicKey offered, KnownHostsEntry entry) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public String message() {
            return "host key of " + host + " (" + offered.describe() + ") is known (" + entry.where() + ")";
        }
    }

    /** The host was new and its key was added to known_hosts ({@link HostKeyPolicy#ACCEPT_NEW}). */
    record Added(String host, SshPublicKey offered, Path file) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public String message() {
            return "added host key of " + host + " (" + offered.describe() + ") to " + file;
        }
    }

    /** Not checked ({@link HostKeyPolicy#NEVER}). */
    record Unchecked(String host, SshPublicKey offered) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public String message() {
            return "host key of " + host + " (" + offered.describe() + ") was not checked (verification is off)";
        }
    }

    /** The host is not in known_hosts and the policy wants it there ({@link HostKeyPolicy#ALWAYS}). */
    record Unknown(String host, int port, String address, SshPublicKey offered, Path file) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public String message() {
            return "host key of " + host + " is not known: it offers " + offered.describe() + ", which is not in "
                    + file + "; check that fingerprint with the host's owner, then add it ('ssh-keyscan"
                    + (port == 22 ? "" : " -p " + port) + " " + address + " >> " + file
                    + "') or let new hosts in with accept_new";
        }
    }

    /** known_hosts holds other keys for this host: it changed, or someone is in between. Never accepted. */
    record Changed(String host, SshPublicKey offered, List<KnownHostsEntry> known) implements HostKeyVerdict {
        public Changed {
            known = List.copyOf(known);
        }

        public boolean accepted() {
            return false;
        }

        public String message() {
            String was = known.stream().map(e -> e.key().describe() + " (" + e.where() + ")")
                    .collect(Collectors.joining(", "));
            Path file = known.get(0).file();
            return "host key of " + host + " has changed: it offers " + offered.describe() + " but known_hosts has "
                    + was + "; someone may be intercepting the connection, or the host was rebuilt: if you know it "
                    + "was, remove the old key with 'ssh-keygen -R \"" + host + "\" -f " + file + "' and connect again";
        }
    }

    /** The key is marked {@code @revoked}. Never accepted. */
    record Revoked(String host, SshPublicKey offered, KnownHostsEntry entry) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public String message() {
            return "host key of " + host + " (" + offered.describe() + ") is marked @revoked in " + entry.where()
                    + ": refusing to connect";
        }
    }
}
