package dev.galley.chef;

import dev.galley.core.GalleyException;

/**
 * The versions of Chef's signed-header authentication protocol (mixlib-authentication), and what each hashes with.
 */
public enum SigningVersion {
    /** SHA-1 hashes, RSA private-encrypt of the canonical string; the user id in clear. */
    V1_0("1.0", "sha1"),
    /** As 1.0, but the user id is hashed, so long names fit (knife's default). */
    V1_1("1.1", "sha1"),
    /** SHA-256 hashes and an RSASSA-PKCS1-v1_5/SHA-256 signature that also covers the server API version. */
    V1_3("1.3", "sha256");

    private final String text;
    private final String algorithm;

    SigningVersion(String text, String algorithm) {
        this.text = text;
        this.algorithm = algorithm;
    }

    /** "1.0", "1.1" or "1.3", as knife's {@code authentication_protocol_version} setting writes it. */
    public String text() {
        return text;
    }

    /** The X-Ops-Sign header value, exactly as mixlib sends it (with the trailing semicolon). */
    public String signHeader() {
        return "algorithm=" + algorithm + ";version=" + text + ";";
    }

    /**
     * Parses "1.0", "1.1" or "1.3".
     *
     * @throws GalleyException (bad input) naming the accepted values
     */
    public static SigningVersion parse(String text) {
        for (SigningVersion v : values()) {
            if (v.text.equals(text == null ? null : text.strip())) {
                return v;
            }
        }
        throw GalleyException.badInput("unknown signing protocol version '" + text + "': use 1.0, 1.1 or 1.3");
    }

    @Override
    public String toString() {
        return text;
    }
}
