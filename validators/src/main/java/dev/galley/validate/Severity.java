package dev.galley.validate;

/**
 * How much a failed check matters, as Chef InSpec grades impact; high and critical failures block a GO.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Whether a failure of this severity blocks the go-ahead by default. */
    public boolean blocking() {
        return this == CRITICAL || this == HIGH;
    }
}
