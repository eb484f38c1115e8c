package dev.galley.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key as SSH sends it (the wire-format blob) with its type, for host key checks and fingerprints.
 *
 * @param type the key type named in the blob ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256")
 * @param blob the key in SSH wire format, as in known_hosts after Base64 decoding
 */
public record SshPublicKey(String type, byte[] blob) {
    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        blob = Objects.requireNonNull(blob, "blob").clone();
        if (blob.length == 0) {
            throw new IllegalArgumentException("an SSH public key cannot be empty");
        }
    }

    /**
     * Reads the type from the blob itself (its first string).
     *
     * @throws IllegalArgumentException when the blob does not start with a type name
     */
    public static SshPublicKey fromBlob(byte[] blob) {
        return new SshPublicKey(typeOf(blob), blob);
    }

    /**
     * A key as written in known_hosts or authorized_keys: a type and Base64 text.
     *
     * @throws IllegalArgumentException when the text is not Base64, or names another type than its blob
     */
    public static SshPublicKey parse(String type, String base64) {
        byte[] blob = Base64.getDecoder().decode(base64);
        String inner = typeOf(blob);
        if (!inner.equals(type)) {
            throw new IllegalArgumentException("key says it is " + type + " but holds " + inner);
        }
        return new SshPublicKey(type, blob);
    }

    private static String typeOf(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("not an SSH public key: " + blob.length + " bytes");
        }
        int len = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (len <= 0 || len > 64 || 4 + len > blob.length) {
            throw new IllegalArgumentException("not an SSH public key: bad type length " + len);
        }
        String type = new String(blob, 4, len, StandardCharsets.US_ASCII);
        if (!type.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("not an SSH public key: the type is not printable");
        }
        return type;
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The key's Base64 text, as known_hosts holds it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    /** OpenSSH's fingerprint: "SHA256:" and the unpadded Base64 of the blob's SHA-256. */
    public String fingerprint() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** "ssh-ed25519 SHA256:...", how messages name a key. */
    public String describe() {
        return type + " " + fingerprint();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && type.equals(k.type) && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return describe();
    }
}
