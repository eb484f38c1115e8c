package dev.galley.core;

import java.util.Objects;

/**
 * The root of every exception Galley raises; its message is one line a user can act on.
 */
public class GalleyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Fault fault;

    public GalleyException(Fault fault, String message) {
        this(fault, message, null);
    }

    public GalleyException(Fault fault, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /** A problem with what the user gave us: a file, a flag, a value. */
    public static GalleyException badInput(String message) {
        return new GalleyException(Fault.BAD_INPUT, message);
    }

    public Fault fault() {
        return fault;
    }
}
