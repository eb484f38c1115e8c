package dev.galley.chef.internal.crypto;

/**
 * The two RSA private-key operations Chef's signing protocols use, bound to one key.
 */
public sealed interface RsaPrivateKeyOps permits JdkRsa, OpenSslRsa {

    /** Protocols 1.0 and 1.1: RSA "private encrypt" of the raw input with PKCS#1 v1.5 type-1 padding. */
    byte[] privateEncrypt(byte[] input);

    /** Protocol 1.3: RSASSA-PKCS1-v1_5 with SHA-256 over the message. */
    byte[] signSha256(byte[] message);

    /** Which implementation does the work, for diagnostics ("OpenSSL 3.0.17 1 Jul 2025", "JDK SunRsaSign"). */
    String engine();
}
