package dev.galley.knife;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a command runs in: its output streams, input, environment, working and home directories. Tests give their
 * own; the galley command gives the process's.
 *
 * @param out      results (stdout)
 * @param err      messages and progress (stderr)
 * @param in       input for prompts
 * @param env      environment variables
 * @param cwd      the working directory
 * @param home     the user's home directory
 * @param terminal whether stdout is a terminal (colours, progress)
 */
public record Console(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path cwd, Path home,
        boolean terminal) {

    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(home, "home");
    }

    /** The process's own streams and environment. */
    public static Console system(PrintWriter out, PrintWriter err) {
        return new Console(out, err, System.in, System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")), stdoutIsTerminal());
    }

    /** Whether file descriptor 1 is a terminal (Linux: /proc/self/fd/1 points at a tty or pty). */
    public static boolean stdoutIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
