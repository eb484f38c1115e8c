package dev.galley.chef.internal.config;

import dev.galley.chef.ChefConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ~/.chef/context}: the credentials profile chosen with {@code knife config use-profile}, used when neither
 * {@code --profile} nor {@code $CHEF_PROFILE} chooses one.
 */
public final class ProfileContext {
    private final Path file;

    /** The context file of the user whose home directory is {@code home}. */
    public ProfileContext(Path home) {
        this.file = home.resolve(".chef").resolve("context");
    }

    public Path path() {
        return file;
    }

    /**
     * The profile name the file holds, stripped, if the file exists and is not blank.
     *
     * @throws ChefConfigException when the file exists but cannot be read
     */
    public Optional<String> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            throw new ChefConfigException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Writes {@code profile} and a newline, as knife does, creating {@code ~/.chef} if needed. The name goes to a
     * temporary file that is then moved over the old one, so a reader never sees half a name.
     *
     * @return the context file
     * @throws ChefConfigException when the directory or the file cannot be written
     */
    public Path write(String profile) {
        Path dir = file.getParent();
        Path temp = dir.resolve(".context." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            // CREATE_NEW with default permissions (not createTempFile's 0600): the file is as knife would leave it.
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write((profile + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new ChefConfigException(file, 0, "cannot be written (" + e.getMessage() + "): check that "
                    + dir + " is a directory you can write to");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Only a failed write leaves the temporary file; the error above already says what went wrong.
            }
        }
    }
}
