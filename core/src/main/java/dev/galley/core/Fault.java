package dev.galley.core;

/**
 * Whose problem an exception is, so that a command can map it to an exit code in one place.
 */
public enum Fault {
    /** The user's input or configuration is wrong; fixing it is the user's move (exit code 2). */
    BAD_INPUT,
    /** Something outside Galley (a server, the network, a host) failed or did not answer (exit code 4). */
    UNAVAILABLE,
    /** Galley itself is wrong: a bug (exit code 1). */
    INTERNAL
}
