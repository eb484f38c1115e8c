package dev.galley.chef;

/**
 * A format version of Chef's encrypted data bag values, numbered as Chef's {@code data_bag_encrypt_version} and
 * {@code data_bag_decrypt_minimum_version} settings number them.
 */
public enum EncryptedDataBagVersion {
    /** Legacy (Chef 10): bare Base64 of AES-256-CBC over YAML, key and IV derived from the secret; read only. */
    V0(0),
    /** AES-256-CBC with a random IV over JSON, no integrity check. */
    V1(1),
    /** Version 1 plus an HMAC-SHA256 of the ciphertext. */
    V2(2),
    /** AES-256-GCM, authenticated; Chef's default since Chef 13. */
    V3(3);

    private final int number;

    EncryptedDataBagVersion(int number) {
        this.number = number;
    }

    /** The number Chef writes in a value's {@code "version"} field and in its configuration. */
    public int number() {
        return number;
    }

    /**
     * The version with Chef's number, as a knife or client configuration gives it.
     *
     * @throws EncryptedDataBagException (unsupported version) for a number other than 0 to 3
     */
    public static EncryptedDataBagVersion of(int number) {
        for (EncryptedDataBagVersion v : values()) {
            if (v.number == number) {
                return v;
            }
        }
        throw new EncryptedDataBagException(EncryptedDataBagException.Reason.UNSUPPORTED_VERSION, null, null,
                "encrypted data bag format version " + number + " does not exist: use 1, 2 or 3 to encrypt, "
                        + "0 to 3 as a minimum for decryption");
    }
}
