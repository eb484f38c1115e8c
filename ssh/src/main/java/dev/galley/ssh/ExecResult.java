package dev.galley.ssh;

import dev.galley.ssh.internal.Durations;
import java.time.Duration;

/**
 * How a remote command ended: with an exit status, killed by a signal, or stopped at its deadline.
 */
public sealed interface ExecResult {
    /** How long the command ran, from the channel's opening to its end. */
    Duration elapsed();

    /** Whether the command exited with status 0. */
    default boolean succeeded() {
        return this instanceof Exited e && e.exitStatus() == 0;
    }

    /** "exit 1", "killed by TERM", "timed out after 5 s", for summaries. */
    String describe();

    /** The command exited. */
    record Exited(int exitStatus, Duration elapsed) implements ExecResult {
        public String describe() {
            return "exit " + exitStatus;
        }
    }

    /** The command was killed by a signal ("TERM", "KILL", ...). */
    record Signalled(String signal, Duration elapsed) implements ExecResult {
        public String describe() {
            return "killed by " + signal;
        }
    }

    /**
     * The deadline passed: the command's process group was sent TERM and the channel was closed. OpenSSH refuses
     * signals on sessions of root logins ("session signalling requires privilege separation"), so there, and on
     * servers without signal support, what the command started may run on until it ends by itself.
     */
    record TimedOut(Duration deadline, Duration elapsed) implements ExecResult {
        public String describe() {
            return "timed out after " + Durations.text(deadline);
        }
    }

    /** The channel closed without an exit status or a signal (the connection dropped). */
    record Lost(Duration elapsed) implements ExecResult {
        public String describe() {
            return "connection lost before the command ended";
        }
    }
}
