package dev.galley.chef;

import dev.galley.core.Fault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A local file the user gave that cannot be used: knife configuration that does not parse, a setting with a wrong
 * value, a profile that does not exist, cookbook metadata or a cookbook directory that is not one. Names the file
 * and line when there is one. Always bad input.
 */
public final class ChefConfigException extends ChefException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    public ChefConfigException(String message) {
        this(null, 0, message);
    }

    /**
     * @param file the file at fault, if any
     * @param line its 1-based line, or 0 when the problem is not on one line
     */
    public ChefConfigException(Path file, int line, String message) {
        super(Fault.BAD_INPUT, (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message);
        this.file = file;
        this.line = line;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public int line() {
        return line;
    }
}
