package dev.galley.chef.internal.databag;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key material one item's encryption or decryption needs, derived from the secret's bytes: the AES key of
 * versions 1 to 3, the HMAC key of version 2 and, on demand, the legacy key and IV of version 0. Closing it
 * clears what it derived; the secret's bytes belong to the caller.
 */
public final class DataBagKeys implements AutoCloseable {
    private static final int LEGACY_ITERATIONS = 2048;

    private final byte[] secret;
    private final byte[] aesKey;
    private byte[] legacyKeyAndIv;

    /** @param secret the secret as Chef uses it (a file's content stripped); not copied, not cleared here */
    public DataBagKeys(byte[] secret) {
        this.secret = secret;
        this.aesKey = digest("SHA-256").digest(secret);
    }

    /** SHA-256 of the secret: the AES-256 key of versions 1, 2 and 3. */
    byte[] aesKey() {
        return aesKey;
    }

    /** Version 2's HMAC-SHA256 of {@code data}, keyed as Chef keys it: with the secret itself, not the AES key. */
    byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not usable in this JDK: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Chef's hint for a wrong secret: a short secret with a slash is probably a file's path given as the secret. */
    boolean looksLikeAPath() {
        if (secret.length >= 255) {
            return false;
        }
        for (byte b : secret) {
            if (b == '/') {
                return true;
            }
        }
        return false;
    }

    /**
     * Version 0's key (32 bytes) and IV (16 bytes), as Ruby's {@code cipher.pkcs5_keyivgen(secret)} makes them:
     * OpenSSL's EVP_BytesToKey with MD5, no salt and 2048 rounds.
     */
    byte[] legacyKeyAndIv() {
        if (legacyKeyAndIv == null) {
            legacyKeyAndIv = evpBytesToKey(secret, 48);
        }
        return legacyKeyAndIv;
    }

    /** Each block is MD5(previous block, secret) hashed again 2047 times; blocks are concatenated. */
    private static byte[] evpBytesToKey(byte[] secret, int length) {
        MessageDigest md5 = digest("MD5");
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int filled = 0; filled < length; filled += block.length) {
            md5.update(block);
            md5.update(secret);
            block = md5.digest();
            for (int i = 1; i < LEGACY_ITERATIONS; i++) {
                block = md5.digest(block);
            }
            System.arraycopy(block, 0, out, filled, Math.min(block.length, length - filled));
        }
        return out;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(aesKey, (byte) 0);
        if (legacyKeyAndIv != null) {
            Arrays.fill(legacyKeyAndIv, (byte) 0);
        }
    }
}
