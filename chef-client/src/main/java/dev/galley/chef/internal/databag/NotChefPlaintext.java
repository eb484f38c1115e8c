package dev.galley.chef.internal.databag;

/**
 * Decrypted bytes that are not what Chef encrypts: the sign of a wrong secret when the cipher has no
 * integrity check. Carries no message and no cause, so the bytes cannot leak through it.
 */
final class NotChefPlaintext extends Exception {
    private static final long serialVersionUID = 1L;

    NotChefPlaintext() {
        super(null, null, false, false);
    }
}
