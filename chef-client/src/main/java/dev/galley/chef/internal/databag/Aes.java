package dev.galley.chef.internal.databag;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ciphers Chef uses, as OpenSSL runs them for Ruby: AES-256-CBC with PKCS#7 padding, and AES-256-GCM
 * with a 16-byte tag and no additional data. Failures a wrong secret or a modified item cause are thrown as
 * such; anything else means this JDK lacks AES and is an internal error.
 */
final class Aes {
    private static final int TAG_BITS = ValueFormat.GCM_TAG_BYTES * 8;

    private Aes() {
    }

    static byte[] cbcEncrypt(byte[] key, byte[] iv, byte[] plaintext) {
        try {
            return cbc(Cipher.ENCRYPT_MODE, key, iv).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw missing("AES/CBC", e);
        }
    }

    /**
     * @throws BadPaddingException when the padding is wrong, which a wrong key causes 255 times in 256
     * @throws IllegalBlockSizeException when the ciphertext is not a whole number of blocks
     */
    static byte[] cbcDecrypt(byte[] key, byte[] iv, byte[] ciphertext)
            throws BadPaddingException, IllegalBlockSizeException {
        // Padding makes at least one block; an empty ciphertext would otherwise pass as an empty plaintext.
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw new IllegalBlockSizeException(ciphertext.length + " bytes");
        }
        Cipher c = cbc(Cipher.DECRYPT_MODE, key, iv);
        return c.doFinal(ciphertext);
    }

    /** The ciphertext followed by the 16-byte tag, as the JDK returns them. */
    static byte[] gcmEncrypt(byte[] key, byte[] iv, byte[] plaintext) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw missing("AES/GCM", e);
        }
    }

    /** @throws AEADBadTagException when the tag does not match: a modified item or a wrong key */
    static byte[] gcmDecrypt(byte[] key, byte[] iv, byte[] ciphertext, byte[] tag) throws AEADBadTagException {
        byte[] both = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, both, 0, ciphertext.length);
        System.arraycopy(tag, 0, both, ciphertext.length, tag.length);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            return c.doFinal(both);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw missing("AES/GCM", e);
        }
    }

    private static Cipher cbc(int mode, byte[] key, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw missing("AES/CBC", e);
        }
    }

    private static IllegalStateException missing(String what, GeneralSecurityException e) {
        return new IllegalStateException(what + " is not usable in this JDK: " + e.getClass().getSimpleName(), e);
    }
}
