package dev.galley.lab;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;

/**
 * A lab component could not be installed, started or stopped; the message says why (exit code, log tail,
 * the command to run).
 */
public final class LabException extends GalleyException {
    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(Fault.UNAVAILABLE, message);
    }

    public LabException(String message, Throwable cause) {
        super(Fault.UNAVAILABLE, message, cause);
    }
}
