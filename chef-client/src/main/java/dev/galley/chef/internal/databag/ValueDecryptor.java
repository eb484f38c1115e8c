package dev.galley.chef.internal.databag;

import static dev.galley.chef.EncryptedDataBagException.Reason.BELOW_MINIMUM_VERSION;
import static dev.galley.chef.EncryptedDataBagException.Reason.CIPHER_MISMATCH;
import static dev.galley.chef.EncryptedDataBagException.Reason.MALFORMED;
import static dev.galley.chef.EncryptedDataBagException.Reason.TAMPERED;
import static dev.galley.chef.EncryptedDataBagException.Reason.UNSUPPORTED_VERSION;
import static dev.galley.chef.EncryptedDataBagException.Reason.WRONG_SECRET;

import dev.galley.chef.EncryptedDataBagException;
import dev.galley.chef.EncryptedDataBagVersion;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;

/**
 * Decrypts one value at a time as Chef's {@code Decryptor.for(value, secret).for_decrypted_item} does: the
 * format version from the value's shape, the minimum version enforced, then versions 0 to 3.
 */
public final class ValueDecryptor {
    private final DataBagKeys keys;
    private final EncryptedDataBagVersion minimum;
    private final String secretOrigin;

    /** @param secretOrigin where the secret came from ({@code Secret.origin()}), named when it seems wrong */
    public ValueDecryptor(DataBagKeys keys, EncryptedDataBagVersion minimum, String secretOrigin) {
        this.keys = keys;
        this.minimum = minimum;
        this.secretOrigin = secretOrigin;
    }

    /**
     * The plain value of {@code stored}, the {@code key} field of item {@code itemId}.
     *
     * @throws EncryptedDataBagException naming the item and key, never the secret or the plaintext
     */
    public Object decrypt(String itemId, String key, Object stored) {
        ValueLocation at = new ValueLocation(itemId, key);
        if (!(stored instanceof Map<?, ?> value)) {
            // Chef: anything that is not a hash is format version 0.
            requireMinimum(at, BigInteger.ZERO, " (a bare string)");
            return legacy(at, stored);
        }
        BigInteger version = versionOf(at, value);
        requireMinimum(at, version, "");
        ValueFormat format = formatOf(at, version);
        return switch (format) {
            case V1 -> cbc(at, value, format);
            case V2 -> {
                verifyHmac(at, value);
                yield cbc(at, value, format);
            }
            case V3 -> gcm(at, value);
        };
    }

    private void requireMinimum(ValueLocation at, BigInteger version, String what) {
        if (version.compareTo(BigInteger.valueOf(minimum.number())) < 0) {
            throw at.fail(BELOW_MINIMUM_VERSION, "it uses encrypted data bag format version " + version + what
                    + ", below the required minimum " + minimum.number() + " (data_bag_decrypt_minimum_version); "
                    + "re-encrypt the item with version " + minimum.number() + " or later, or lower the minimum");
        }
    }

    private static BigInteger versionOf(ValueLocation at, Map<?, ?> value) {
        Object v = value.get("version");
        if (v == null) {
            throw at.fail(MALFORMED, "it is a JSON object without a \"version\", so not an encrypted value; "
                    + "check that the item is encrypted (an encrypted value has encrypted_data, iv, version, "
                    + "cipher)");
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        throw at.fail(UNSUPPORTED_VERSION, "its \"version\" is " + jsonType(v) + ", not an integer; the item is "
                + "damaged or not a Chef encrypted data bag item");
    }

    private static ValueFormat formatOf(ValueLocation at, BigInteger version) {
        for (ValueFormat f : ValueFormat.values()) {
            if (BigInteger.valueOf(f.version().number()).equals(version)) {
                return f;
            }
        }
        throw at.fail(UNSUPPORTED_VERSION, "encrypted data bag format version " + version + " is not one Chef "
                + "writes (Galley reads 0 to 3, version 0 as a bare string); re-encrypt the item with version 3");
    }

    private Object legacy(ValueLocation at, Object stored) {
        if (!(stored instanceof String text)) {
            throw at.fail(MALFORMED, "it is " + jsonType(stored) + ", not an encrypted value (a JSON object, or "
                    + "a Base64 string in format version 0); check that the item is encrypted");
        }
        byte[] ciphertext = base64(at, "value", text);
        byte[] keyAndIv = keys.legacyKeyAndIv();
        byte[] key = Arrays.copyOfRange(keyAndIv, 0, 32);
        byte[] plaintext = null;
        try {
            plaintext = Aes.cbcDecrypt(key, Arrays.copyOfRange(keyAndIv, 32, 48), ciphertext);
            return LegacyYaml.read(plaintext);
        } catch (BadPaddingException | NotChefPlaintext e) {
            throw wrongSecret(at);
        } catch (IllegalBlockSizeException e) {
            throw at.fail(MALFORMED, "the string is not AES-256-CBC ciphertext (format version 0), so the item "
                    + "is not encrypted or is damaged; check that the item is encrypted");
        } finally {
            clear(plaintext);
            clear(key);
        }
    }

    private Object cbc(ValueLocation at, Map<?, ?> value, ValueFormat format) {
        requireCipher(at, value, format);
        byte[] ciphertext = base64(at, "encrypted_data", field(at, value, "encrypted_data", format));
        byte[] iv = iv(at, value, format);
        byte[] plaintext = null;
        try {
            plaintext = Aes.cbcDecrypt(keys.aesKey(), iv, ciphertext);
            return JsonWrapper.unwrap(plaintext);
        } catch (BadPaddingException | NotChefPlaintext e) {
            throw wrongSecret(at);
        } catch (IllegalBlockSizeException e) {
            throw at.fail(MALFORMED, "its \"encrypted_data\" is not a whole number of AES blocks; the item is "
                    + "damaged: restore it or encrypt it again");
        } finally {
            clear(plaintext);
        }
    }

    private Object gcm(ValueLocation at, Map<?, ?> value) {
        ValueFormat format = ValueFormat.V3;
        requireCipher(at, value, format);
        byte[] ciphertext = base64(at, "encrypted_data", field(at, value, "encrypted_data", format));
        byte[] iv = iv(at, value, format);
        byte[] tag = base64(at, "auth_tag", field(at, value, "auth_tag", format));
        if (tag.length != ValueFormat.GCM_TAG_BYTES) {
            // OpenSSL would check a shortened tag only as far as it goes; a full tag or nothing.
            throw at.fail(TAMPERED, "its \"auth_tag\" is " + tag.length + " bytes long instead of "
                    + ValueFormat.GCM_TAG_BYTES + ", so the item was modified or damaged; restore it or encrypt "
                    + "it again");
        }
        byte[] plaintext = null;
        try {
            plaintext = Aes.gcmDecrypt(keys.aesKey(), iv, ciphertext, tag);
            return JsonWrapper.unwrap(plaintext);
        } catch (AEADBadTagException e) {
            throw at.fail(TAMPERED, "its GCM authentication tag does not match, so the item was modified after "
                    + "it was encrypted or the secret is wrong; " + checkTheSecret());
        } catch (NotChefPlaintext e) {
            // Authenticated but not Chef's plaintext: whoever wrote it had the secret.
            throw at.fail(MALFORMED, "it decrypts, but not to Chef's {\"json_wrapper\": ...}; the item was not "
                    + "written by Chef or Galley: encrypt it again");
        } finally {
            clear(plaintext);
        }
    }

    private void verifyHmac(ValueLocation at, Map<?, ?> value) {
        // Over the Base64 text exactly as stored, line breaks included, as Chef computes it.
        String text = field(at, value, "encrypted_data", ValueFormat.V2);
        byte[] expected = keys.hmac(text.getBytes(StandardCharsets.UTF_8));
        byte[] candidate;
        try {
            candidate = ChefBase64.decode64(field(at, value, "hmac", ValueFormat.V2));
        } catch (IllegalArgumentException e) {
            candidate = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, candidate)) {
            throw at.fail(TAMPERED, "its HMAC does not match, so the item was modified after it was encrypted "
                    + "or the secret is wrong; " + checkTheSecret());
        }
    }

    private static void requireCipher(ValueLocation at, Map<?, ?> value, ValueFormat format) {
        Object cipher = value.get("cipher");
        if (!format.cipher().equals(cipher)) {
            throw at.fail(CIPHER_MISMATCH, "format version " + format.version().number() + " needs cipher '"
                    + format.cipher() + "' but the value names " + cipherName(cipher) + "; Chef writes only "
                    + "aes-256-cbc (versions 1 and 2) and aes-256-gcm (version 3): the item is damaged or was not "
                    + "written by Chef");
        }
    }

    private static String field(ValueLocation at, Map<?, ?> value, String name, ValueFormat format) {
        Object v = value.get(name);
        if (v instanceof String s) {
            return s;
        }
        throw at.fail(MALFORMED, "its \"" + name + "\" is " + (v == null ? "missing" : jsonType(v)
                + " instead of a string") + " (format version " + format.version().number() + " has "
                + String.join(", ", format.fields()) + "); the item is damaged: restore it or encrypt it again");
    }

    private static byte[] iv(ValueLocation at, Map<?, ?> value, ValueFormat format) {
        byte[] iv = base64(at, "iv", field(at, value, "iv", format));
        if (iv.length != format.ivBytes()) {
            throw at.fail(MALFORMED, "its \"iv\" is " + iv.length + " bytes long instead of " + format.ivBytes()
                    + " (" + format.cipher() + "); the item is damaged: restore it or encrypt it again");
        }
        return iv;
    }

    private static byte[] base64(ValueLocation at, String name, String text) {
        try {
            return ChefBase64.decode64(text);
        } catch (IllegalArgumentException e) {
            throw at.fail(MALFORMED, "its " + (name.equals("value") ? "string" : "\"" + name + "\"")
                    + " is not valid Base64; the item is not encrypted or is damaged");
        }
    }

    private EncryptedDataBagException wrongSecret(ValueLocation at) {
        return at.fail(WRONG_SECRET, "wrong secret? " + checkTheSecret()
                + (keys.looksLikeAPath() ? "; if the secret is a file's path, give it as a secret file "
                        + "(--secret-file) instead" : ""));
    }

    private String checkTheSecret() {
        return "check that the secret from " + secretOrigin + " is the one the item was encrypted with";
    }

    /** The cipher field as found, quoted only if it looks like a cipher name: never echo arbitrary content. */
    private static String cipherName(Object cipher) {
        if (cipher == null) {
            return "no cipher";
        }
        if (cipher instanceof String s && s.matches("[A-Za-z0-9-]{1,40}")) {
            return "'" + s + "'";
        }
        return jsonType(cipher);
    }

    private static String jsonType(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof List<?> || v instanceof Object[]) {
            return "an array";
        }
        return v instanceof Map<?, ?> ? "an object" : "a " + v.getClass().getSimpleName();
    }

    private static void clear(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
