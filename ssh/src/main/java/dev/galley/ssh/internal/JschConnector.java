package dev.galley.ssh.internal;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import dev.galley.core.Deadline;
import dev.galley.ssh.HostKeyPolicy;
import dev.galley.ssh.HostKeyVerdict;
import dev.galley.ssh.KnownHosts;
import dev.galley.ssh.SshException;
import dev.galley.ssh.SshSession;
import dev.galley.ssh.SshTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Opens JSch sessions: key-only authentication with the loaded identities, host keys checked by {@link HostKeyGate},
 * and one deadline for the TCP connect, key exchange and authentication together.
 */
public final class JschConnector implements AutoCloseable {
    private static final Duration SERVER_ALIVE_INTERVAL = Duration.ofSeconds(15);
    private static final int SERVER_ALIVE_COUNT_MAX = 4;

    private final JSch jsch = new JSch();
    private final List<Path> identityFiles;
    private final KnownHosts knownHosts;
    private final HostKeyPolicy policy;
    private final Duration connectTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    public JschConnector(List<Path> identityFiles, KnownHosts knownHosts, HostKeyPolicy policy,
            Duration connectTimeout) {
        this.identityFiles = List.copyOf(identityFiles);
        this.knownHosts = knownHosts;
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        for (Path key : identityFiles) {
            load(key);
        }
    }

    private void load(Path key) {
        if (!Files.isRegularFile(key)) {
            throw noIdentity(key, "does not exist");
        }
        if (!Files.isReadable(key)) {
            throw noIdentity(key, "cannot be read: check its permissions");
        }
        KeyPair pair;
        try {
            pair = KeyPair.load(jsch, key.toString());
        } catch (JSchException e) {
            throw noIdentity(key, "is not a private key JSch can read (" + e.getMessage() + ")");
        }
        try {
            if (pair.isEncrypted()) {
                throw noIdentity(key, "is protected by a passphrase: Galley needs a key without one");
            }
            jsch.addIdentity(key.toString());
        } catch (JSchException e) {
            throw noIdentity(key, "cannot be used (" + e.getMessage() + ")");
        } finally {
            pair.dispose();
        }
    }

    private static SshException noIdentity(Path key, String why) {
        return new SshException(SshException.Kind.AUTHENTICATION, null, "SSH identity file " + key + " " + why, null);
    }

    public SshSession connect(SshTarget target) {
        if (closed.get()) {
            throw new IllegalStateException("this SSH client is closed");
        }
        Deadline deadline = Deadline.after(connectTimeout);
        HostKeyGate gate = new HostKeyGate(knownHosts, policy, target);
        Session session;
        try {
            session = jsch.getSession(target.user(), target.host(), target.port());
        } catch (JSchException e) {
            throw new SshException(SshException.Kind.CONNECT, target, "cannot connect to " + target + ": "
                    + e.getMessage(), e);
        }
        session.setHostKeyRepository(gate);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.setConfig("prefer_known_host_key_types", "yes");
        session.setDaemonThread(true);
        WatchedSockets sockets = new WatchedSockets(deadline);
        session.setSocketFactory(sockets);
        try (Watchdog watchdog = Watchdog.start("ssh-connect-" + target, connectTimeout, () -> {
            sockets.closeAll();
            session.disconnect();
        })) {
            try {
                session.connect(Math.max(1, (int) deadline.remaining().toMillis()));
                session.setServerAliveInterval((int) SERVER_ALIVE_INTERVAL.toMillis());
                session.setServerAliveCountMax(SERVER_ALIVE_COUNT_MAX);
            } catch (JSchException e) {
                session.disconnect();
                throw failure(target, e, gate.verdict(), watchdog.fired() || deadline.expired());
            }
        }
        return new JschSession(session, target, gate.verdict(), connectTimeout);
    }

    private SshException failure(SshTarget target, JSchException e, HostKeyVerdict verdict, boolean timedOut) {
        if (verdict != null && !verdict.accepted()) {
            return new SshException(SshException.Kind.HOST_KEY, target, verdict.message(), e);
        }
        if (e instanceof JSchHostKeyException) {
            return new SshException(SshException.Kind.HOST_KEY, target, "host key of " + target + " refused: "
                    + e.getMessage(), e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof ConnectException) {
            return new SshException(SshException.Kind.CONNECT, target, "cannot connect to " + target
                    + ": connection refused (is sshd listening on port " + target.port() + "?)", e);
        }
        if (cause instanceof UnknownHostException) {
            return new SshException(SshException.Kind.CONNECT, target, "cannot connect to " + target
                    + ": unknown host " + target.host(), e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new SshException(SshException.Kind.CONNECT, target, "cannot connect to " + target
                    + ": no route to host", e);
        }
        String message = String.valueOf(e.getMessage());
        if (timedOut || cause instanceof SocketTimeoutException || message.startsWith("timeout")) {
            return new SshException(SshException.Kind.TIMEOUT, target, target + " did not complete the SSH handshake "
                    + "within " + Durations.text(connectTimeout) + " (connect timeout)", e);
        }
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            String keys = identityFiles.stream().map(Path::toString).collect(Collectors.joining(", "));
            return new SshException(SshException.Kind.AUTHENTICATION, target, target + " did not accept our keys ("
                    + keys + "): add the public key to ~" + target.user() + "/.ssh/authorized_keys there, or use "
                    + "another identity file or user", e);
        }
        return new SshException(SshException.Kind.PROTOCOL, target, "SSH connection to " + target + " failed: "
                + (cause != e ? cause.toString() : message), e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /** Forgets the identities. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                jsch.removeAllIdentity();
            } catch (JSchException e) {
                // nothing held that needs more than forgetting
            }
        }
    }

    /** Sockets connected within the deadline and closed by the watchdog if the handshake outlives it. */
    private static final class WatchedSockets implements SocketFactory {
        private final Deadline deadline;
        private final AtomicReference<Socket> socket = new AtomicReference<>();

        WatchedSockets(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = new Socket();
            socket.set(s);
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), Math.max(1, (int) deadline.remaining().toMillis()));
            return s;
        }

        @Override
        public InputStream getInputStream(Socket s) throws IOException {
            return s.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket s) throws IOException {
            return s.getOutputStream();
        }

        void closeAll() {
            Socket s = socket.get();
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing to interrupt a handshake; nothing else to do
                }
            }
        }
    }
}
