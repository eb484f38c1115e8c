package dev.galley.chef;

import dev.galley.core.Fault;

/**
 * A private key that cannot be used: missing, unreadable, encrypted, not RSA or malformed. Always bad input.
 */
public final class ChefKeyException extends ChefException {
    private static final long serialVersionUID = 1L;

    public ChefKeyException(String message) {
        super(Fault.BAD_INPUT, message);
    }
}
