package dev.galley.ssh;

import dev.galley.ssh.internal.JschConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opens SSH sessions with one set of identities, one known_hosts and one host key policy; built once, used for any
 * number of hosts at once, closed when done (which forgets the loaded keys).
 *
 * <pre>{@code
 * try (SshClient ssh = SshClient.builder().identityFile(key).knownHosts(KnownHosts.forHome(home))
 *         .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).build();
 *      SshSession s = ssh.connect(SshTarget.of("root", "web1", 22))) {
 *     ExecResult r = s.exec("uptime", line -> System.out.println(line.text()), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class SshClient implements AutoCloseable {
    private final JschConnector connector;
    private final Settings settings;

    private SshClient(Settings settings) {
        this.settings = settings;
        this.connector = new JschConnector(settings.identityFiles(), settings.knownHosts(), settings.hostKeyPolicy(),
                settings.connectTimeout());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects, checks the host key and authenticates, all within the connect timeout.
     *
     * @throws SshException saying which step failed and what to do
     */
    public SshSession connect(SshTarget target) {
        return connector.connect(target);
    }

    public Settings settings() {
        return settings;
    }

    /** Forgets the loaded keys; sessions already open stay open. Idempotent. */
    @Override
    public void close() {
        connector.close();
    }

    /**
     * What a client was built with.
     *
     * @param identityFiles  private keys to offer, in order (OpenSSH or PEM; ed25519, ECDSA, RSA)
     * @param knownHosts     where host keys are checked and added
     * @param hostKeyPolicy  how host keys are checked
     * @param connectTimeout the budget for TCP connect, key exchange and authentication together
     */
    public record Settings(List<Path> identityFiles, KnownHosts knownHosts, HostKeyPolicy hostKeyPolicy,
            Duration connectTimeout) {
        public Settings {
            identityFiles = List.copyOf(identityFiles);
            Objects.requireNonNull(knownHosts, "knownHosts");
            Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("the connect timeout must be positive: " + connectTimeout);
            }
        }
    }

    /** Builds an {@link SshClient}; defaults: the user's default keys and known_hosts, ALWAYS, 30 s. */
    public static final class Builder {
        private final List<Path> identities = new ArrayList<>();
        private Path home = Path.of(System.getProperty("user.home"));
        private KnownHosts knownHosts;
        private HostKeyPolicy policy = HostKeyPolicy.ALWAYS;
        private Duration connectTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Offer this private key (repeatable). Without any, the home's id_ed25519, id_ecdsa and id_rsa are used. */
        public Builder identityFile(Path key) {
            identities.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The home whose ~/.ssh holds the default keys and known_hosts (default: user.home). */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        public Builder knownHosts(KnownHosts knownHosts) {
            this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
            return this;
        }

        public Builder hostKeyPolicy(HostKeyPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Loads the keys.
         *
         * @throws SshException (authentication) when a key file is missing, unreadable, encrypted or not a key,
         *                      or when no key was given and the home has none
         */
        public SshClient build() {
            List<Path> keys = new ArrayList<>(identities);
            if (keys.isEmpty()) {
                for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                    Path p = home.resolve(".ssh").resolve(name);
                    if (Files.isRegularFile(p)) {
                        keys.add(p);
                    }
                }
                if (keys.isEmpty()) {
                    throw new SshException(SshException.Kind.AUTHENTICATION, null, "no SSH identity: give a private "
                            + "key file (-i), or create one with 'ssh-keygen -t ed25519' in " + home.resolve(".ssh"),
                            null);
                }
            }
            return new SshClient(new Settings(keys, knownHosts != null ? knownHosts : KnownHosts.forHome(home), policy,
                    connectTimeout));
        }
    }
}
