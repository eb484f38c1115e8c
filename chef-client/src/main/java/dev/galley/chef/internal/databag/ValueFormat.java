package dev.galley.chef.internal.databag;

import dev.galley.chef.EncryptedDataBagVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes of encrypted values, versions 1 to 3: their fields in Chef's order, cipher and IV length; and
 * Chef's {@code CheckEncrypted} test of whether an item looks encrypted.
 */
public enum ValueFormat {
    V1(EncryptedDataBagVersion.V1, "aes-256-cbc", 16, List.of("encrypted_data", "iv", "version", "cipher")),
    V2(EncryptedDataBagVersion.V2, "aes-256-cbc", 16, List.of("encrypted_data", "hmac", "iv", "version", "cipher")),
    V3(EncryptedDataBagVersion.V3, "aes-256-gcm", 12,
            List.of("encrypted_data", "iv", "auth_tag", "version", "cipher"));

    public static final int GCM_TAG_BYTES = 16;

    private final EncryptedDataBagVersion version;
    private final String cipher;
    private final int ivBytes;
    private final List<String> fields;

    ValueFormat(EncryptedDataBagVersion version, String cipher, int ivBytes, List<String> fields) {
        this.version = version;
        this.cipher = cipher;
        this.ivBytes = ivBytes;
        this.fields = fields;
    }

    public EncryptedDataBagVersion version() {
        return version;
    }

    /** The OpenSSL cipher name Chef writes in the {@code "cipher"} field and insists on when reading. */
    public String cipher() {
        return cipher;
    }

    public int ivBytes() {
        return ivBytes;
    }

    /** The value's fields in the order Chef's encryptor writes them. */
    public List<String> fields() {
        return fields;
    }

    /** The format of a version that has one; version 0 has no JSON shape. */
    public static Optional<ValueFormat> of(EncryptedDataBagVersion version) {
        for (ValueFormat f : values()) {
            if (f.version == version) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Chef's {@code CheckEncrypted#encrypted?}: at least one value besides {@code "id"}, and every such value an
     * object whose field set is exactly that of the version it names. Version 0 items (bare strings) do not count,
     * as in Chef.
     */
    public static boolean itemLooksEncrypted(Map<String, Object> content) {
        boolean any = false;
        for (Map.Entry<String, Object> e : content.entrySet()) {
            if (e.getKey().equals("id")) {
                continue;
            }
            if (!looksEncrypted(e.getValue())) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static boolean looksEncrypted(Object value) {
        if (!(value instanceof Map<?, ?> m) || !m.containsKey("version")) {
            return false;
        }
        // Chef tests the version with Ruby's case/when, where 1 also matches 1.0.
        Optional<Integer> number = wholeNumber(m.get("version"));
        for (ValueFormat f : values()) {
            if (number.isPresent() && number.get() == f.version.number()) {
                return m.keySet().equals(Set.copyOf(f.fields));
            }
        }
        return false;
    }

    private static Optional<Integer> wholeNumber(Object v) {
        if (!(v instanceof Number n)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(n.toString()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
