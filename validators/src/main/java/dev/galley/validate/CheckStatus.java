package dev.galley.validate;

/**
 * The outcome of a check for one target, from worst to best as reports sort them.
 */
public enum CheckStatus {
    /** The target is not ready. */
    FAIL,
    /** The check could not run (a server did not answer, it timed out): never counted as a pass. */
    ERROR,
    /** Ready with a reservation worth reading; a failure under --strict. */
    WARN,
    /** Not applicable here, or not asked for; says why. */
    SKIP,
    /** Ready. */
    PASS
}
