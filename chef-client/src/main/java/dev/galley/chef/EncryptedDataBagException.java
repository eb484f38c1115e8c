package dev.galley.chef;

import dev.galley.core.Fault;
import java.util.Optional;

/**
 * An encrypted data bag value that cannot be encrypted or decrypted: wrong secret, modified item, unknown or
 * refused format version. Its message names the item and value, never the secret or the plaintext.
 */
public final class EncryptedDataBagException extends ChefException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that act on it (a command maps WRONG_SECRET to a hint, say). */
    public enum Reason {
        /** The value decrypted to garbage or failed its padding check: almost always the wrong secret. */
        WRONG_SECRET,
        /** The v2 HMAC or the v3 GCM tag does not match: the item was modified, or the secret is wrong. */
        TAMPERED,
        /** The format version is not one Chef ever wrote (or not an integer). */
        UNSUPPORTED_VERSION,
        /** The format version is below the configured minimum ({@code data_bag_decrypt_minimum_version}). */
        BELOW_MINIMUM_VERSION,
        /** The {@code "cipher"} field does not name the cipher of the value's format version. */
        CIPHER_MISMATCH,
        /** A field is missing, of the wrong type, not Base64, or of the wrong length: damaged or not encrypted. */
        MALFORMED,
        /** The secret is empty; Chef refuses it too. */
        EMPTY_SECRET
    }

    private final Reason reason;
    private final String itemId;
    private final String key;

    /**
     * @param itemId the item's id, or null when the problem is not with one item
     * @param key the value's key in the item, or null when the problem is not with one value
     */
    public EncryptedDataBagException(Reason reason, String itemId, String key, String message) {
        super(Fault.BAD_INPUT, message);
        this.reason = reason;
        this.itemId = itemId;
        this.key = key;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<String> itemId() {
        return Optional.ofNullable(itemId);
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
