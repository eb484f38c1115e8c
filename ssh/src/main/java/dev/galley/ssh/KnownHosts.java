package dev.galley.ssh;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import dev.galley.ssh.internal.KnownHostsFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenSSH known_hosts files: the user's file (read and written) and global files (read only), consulted as OpenSSH
 * and net-ssh do. New entries are written atomically (a whole new file renamed over the old one), so a crash or a
 * concurrent reader never sees half a line.
 */
public final class KnownHosts {
    private static final Logger log = LoggerFactory.getLogger(KnownHosts.class);
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Path GLOBAL = Path.of("/etc/ssh/ssh_known_hosts");

    private final Path userFile;
    private final List<Path> globalFiles;
    private final boolean hashNewEntries;

    private KnownHosts(Path userFile, List<Path> globalFiles, boolean hashNewEntries) {
        this.userFile = Objects.requireNonNull(userFile, "userFile").toAbsolutePath().normalize();
        this.globalFiles = List.copyOf(globalFiles);
        this.hashNewEntries = hashNewEntries;
    }

    /** {@code ~/.ssh/known_hosts} of this home, and {@code /etc/ssh/ssh_known_hosts}. */
    public static KnownHosts forHome(Path home) {
        return new KnownHosts(home.resolve(".ssh").resolve("known_hosts"), List.of(GLOBAL), false);
    }

    /** One file only, read and written. */
    public static KnownHosts file(Path file) {
        return new KnownHosts(file, List.of(), false);
    }

    /** The same files, writing new entries hashed (as OpenSSH's HashKnownHosts yes). */
    public KnownHosts hashingNewEntries() {
        return new KnownHosts(userFile, globalFiles, true);
    }

    public Path userFile() {
        return userFile;
    }

    /** How known_hosts names a host: "host" on port 22, "[host]:port" otherwise (lower case). */
    public static String lookupName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /** Every entry that names this host (any marker), user file first. */
    public List<KnownHostsEntry> entriesFor(String host, int port) {
        String name = lookupName(host, port);
        List<KnownHostsEntry> out = new ArrayList<>();
        for (Path f : files()) {
            for (KnownHostsEntry e : read(f)) {
                if (KnownHostsFormat.matches(e.hosts(), name)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * What known_hosts says about {@code offered} for this host, under {@code policy}; with
     * {@link HostKeyPolicy#ACCEPT_NEW} an unknown host is added, checked again under the file's lock so that two
     * connections to one new host add it once.
     */
    public HostKeyVerdict verify(String host, int port, SshPublicKey offered, HostKeyPolicy policy) {
        String name = lookupName(host, port);
        if (policy == HostKeyPolicy.NEVER) {
            // Callers warn the user once; a line per host would bury the output of a fan-out.
            log.info("not checking the host key of {} ({}): host key verification is off", name, offered.describe());
            return new HostKeyVerdict.Unchecked(name, offered);
        }
        HostKeyVerdict v = judge(host, port, offered);
        if (!(v instanceof HostKeyVerdict.Unknown) || policy == HostKeyPolicy.ALWAYS) {
            return v;
        }
        synchronized (LOCKS.computeIfAbsent(userFile, p -> new Object())) {
            v = judge(host, port, offered);
            if (v instanceof HostKeyVerdict.Unknown) {
                append(KnownHostsFormat.line(name, offered, hashNewEntries));
                log.info("added host key of {} ({}) to {}", name, offered.describe(), userFile);
                return new HostKeyVerdict.Added(name, offered, userFile);
            }
            return v;
        }
    }

    private HostKeyVerdict judge(String host, int port, SshPublicKey offered) {
        String name = lookupName(host, port);
        List<KnownHostsEntry> entries = entriesFor(host, port);
        for (KnownHostsEntry e : entries) {
            if (e.marker() == KnownHostsEntry.Marker.REVOKED && e.key().equals(offered)) {
                return new HostKeyVerdict.Revoked(name, offered, e);
            }
        }
        List<KnownHostsEntry> plain = entries.stream().filter(e -> e.marker() == KnownHostsEntry.Marker.NONE)
                .toList();
        Optional<KnownHostsEntry> same = plain.stream().filter(e -> e.key().equals(offered)).findFirst();
        if (same.isPresent()) {
            return new HostKeyVerdict.Known(name, offered, same.get());
        }
        if (!plain.isEmpty()) {
            // As net-ssh: known with other keys and none matches is a change, even if their types differ
            // (the client prefers the types it knows, so a host offering only a new type has changed).
            return new HostKeyVerdict.Changed(name, offered, plain);
        }
        return new HostKeyVerdict.Unknown(name, port, host, offered, userFile);
    }

    private List<Path> files() {
        List<Path> all = new ArrayList<>();
        all.add(userFile);
        all.addAll(globalFiles);
        return all;
    }

    private static List<KnownHostsEntry> read(Path file) {
        try {
            return KnownHostsFormat.parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new GalleyException(Fault.BAD_INPUT, "cannot read known hosts file " + file + ": " + e.getMessage()
                    + ": fix its permissions", e);
        } catch (java.io.UncheckedIOException e) {
            throw new GalleyException(Fault.BAD_INPUT, "known hosts file " + file + " is not text: "
                    + e.getCause().getMessage(), e);
        }
    }

    /** Adds a line: the old content and the line go to a new file in the same directory, renamed over the old. */
    private void append(String line) {
        try {
            Path target = Files.isSymbolicLink(userFile) ? userFile.toRealPath() : userFile;
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            byte[] old = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
            Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            StringBuilder text = new StringBuilder(new String(old, StandardCharsets.UTF_8));
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(line).append('\n');
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(tmp, mode);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new GalleyException(Fault.BAD_INPUT, "cannot add a host key to " + userFile + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "known_hosts " + files();
    }
}
