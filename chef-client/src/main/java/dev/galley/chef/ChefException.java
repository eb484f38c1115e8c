package dev.galley.chef;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;

/**
 * The root of everything the Chef client raises.
 */
public class ChefException extends GalleyException {
    private static final long serialVersionUID = 1L;

    public ChefException(Fault fault, String message) {
        super(fault, message);
    }

    public ChefException(Fault fault, String message, Throwable cause) {
        super(fault, message, cause);
    }
}
