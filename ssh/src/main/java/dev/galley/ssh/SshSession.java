package dev.galley.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One authenticated SSH connection to a host: run commands, copy files. Closing is idempotent.
 */
public interface SshSession extends AutoCloseable {
    SshTarget target();

    /** What the host key check decided when connecting. */
    HostKeyVerdict hostKey();

    /**
     * Runs {@code command} (through the login shell, as ssh does) and hands each line of its output to
     * {@code lines} as it arrives, stdout and stderr lines one at a time, never concurrently. When {@code deadline}
     * passes, the command is sent TERM, the channel is closed, and the result says it timed out.
     *
     * @throws SshException when the channel cannot be opened (the session broke)
     */
    ExecResult exec(String command, Consumer<OutputLine> lines, Duration deadline);

    /** Runs a command and keeps its output; for short commands whose output is small. */
    default Captured run(String command, Duration deadline) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ExecResult r = exec(command, l -> (l.stream() == OutputLine.Stream.STDOUT ? out : err).append(l.text())
                .append('\n'), deadline);
        return new Captured(r, out.toString(), err.toString());
    }

    /** A finished command and its output. */
    record Captured(ExecResult result, String stdout, String stderr) {
    }

    /**
     * Copies a local file to {@code remotePath} over SFTP with the given mode (0644, 0600, ...). The content goes to a
     * temporary name first and is renamed into place, so the file never exists with the wrong mode or half written.
     *
     * @throws SshException when the transfer fails or the deadline passes
     */
    void upload(Path local, String remotePath, int mode, Duration deadline);

    /** As {@link #upload(Path, String, int, Duration)}, from bytes in memory. */
    void upload(byte[] content, String remotePath, int mode, Duration deadline);

    @Override
    void close();
}
