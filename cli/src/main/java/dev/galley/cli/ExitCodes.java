package dev.galley.cli;

import dev.galley.core.Fault;

/**
 * The exit codes of every galley command, in one place (DESIGN.md, "Commands").
 */
public final class ExitCodes {
    /** Success, or GO. */
    public static final int OK = 0;
    /** An internal error: a bug in Galley. */
    public static final int INTERNAL = 1;
    /** Bad input or usage: nothing was changed. */
    public static final int BAD_INPUT = 2;
    /** A check or a run failed (NO-GO). */
    public static final int FAILED = 3;
    /** Incomplete: something outside Galley did not answer, so the command could not finish. */
    public static final int INCOMPLETE = 4;

    private ExitCodes() {
    }

    static int of(Fault fault) {
        return switch (fault) {
            case BAD_INPUT -> BAD_INPUT;
            case UNAVAILABLE -> INCOMPLETE;
            case INTERNAL -> INTERNAL;
        };
    }
}
