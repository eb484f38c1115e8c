package dev.galley.chef;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;

/**
 * A private key that cannot be used: missing, unreadable, encrypted, not RSA or malformed. Always bad input.
 */
public final class ChefKeyException extends GalleyException {
    private static final long serialVersionUID = 1L;

    public ChefKeyException(String message) {
        super(Fault.BAD_INPUT, message);
    }
}
