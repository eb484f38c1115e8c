package dev.galley.ssh;

import java.util.Objects;

/**
 * One line a remote command wrote, without its line end.
 *
 * @param stream which stream it came on
 * @param text   the line, decoded as UTF-8
 */
public record OutputLine(Stream stream, String text) {
    /** The remote command's output streams. */
    public enum Stream { STDOUT, STDERR }

    public OutputLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
