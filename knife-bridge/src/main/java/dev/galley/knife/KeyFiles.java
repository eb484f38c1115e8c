package dev.galley.knife;

import dev.galley.chef.ChefKey;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Hands a new private key to the user: into a file only they can read, or on stdout when they gave no file.
 */
final class KeyFiles {
    private KeyFiles() {
    }

    /**
     * Checks before anything is created that the key can be written, so that a new key is never lost (knife's
     * {@code file_is_writable!}).
     */
    static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw GalleyException.badInput("directory " + dir + " does not exist: create it, or write the key "
                    + "elsewhere");
        }
        if (!Files.isWritable(dir)) {
            throw GalleyException.badInput("directory " + dir + " is not writable: check its permissions");
        }
        if (Files.isDirectory(file)) {
            throw GalleyException.badInput(file + " is a directory: give a file name for the key");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw GalleyException.badInput("file " + file + " is not writable: check its permissions");
        }
    }

    /** Writes the key to {@code target} (mode 0600, replaced atomically), or prints it on stdout. */
    static void deliver(KnifeSession session, ChefKey key, Optional<Path> target) {
        String pem = key.privateKeyPem();
        if (target.isEmpty()) {
            session.console().out().print(pem.endsWith("\n") ? pem : pem + "\n");
            session.console().out().flush();
            return;
        }
        Path file = target.get().toAbsolutePath();
        try {
            // Created private, then moved into place: the key is never readable by others, not even briefly.
            Path tmp = Files.createTempFile(file.getParent(), ".galley-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, pem);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new GalleyException(Fault.UNAVAILABLE, "cannot write the new private key to " + file + " ("
                    + e.getMessage()
                    + "); the server already holds its public half, so regenerate the key once the file can be "
                    + "written");
        }
        session.info("Wrote the private key to " + file + " (mode 0600)");
    }
}
