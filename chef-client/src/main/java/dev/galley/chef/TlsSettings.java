package dev.galley.chef;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a client trusts the Chef server's certificate: verification is on unless a user turns it off for this
 * one client; extra CAs come from a file ({@code ssl_ca_file}) and from knife's {@code trusted_certs_dir}.
 *
 * @param verifyPeer      false only for {@code ssl_verify_mode :verify_none} or {@code --insecure}, scoped to
 *                        the client built with it (never JVM-wide)
 * @param caFile          a PEM file of CA certificates trusted in addition to the JDK's
 * @param trustedCertsDir a directory of PEM certificates trusted in addition to the JDK's (knife's
 *                        {@code ~/.chef/trusted_certs}, filled by {@code galley ssl fetch})
 */
public record TlsSettings(boolean verifyPeer, Optional<Path> caFile, Optional<Path> trustedCertsDir) {

    public TlsSettings {
        caFile = caFile == null ? Optional.empty() : caFile;
        trustedCertsDir = trustedCertsDir == null ? Optional.empty() : trustedCertsDir;
    }

    /** Verification on, the JDK's trusted CAs only. */
    public static TlsSettings defaults() {
        return new TlsSettings(true, Optional.empty(), Optional.empty());
    }

    public TlsSettings withVerifyPeer(boolean verify) {
        return new TlsSettings(verify, caFile, trustedCertsDir);
    }

    public TlsSettings withCaFile(Path file) {
        return new TlsSettings(verifyPeer, Optional.ofNullable(file), trustedCertsDir);
    }

    public TlsSettings withTrustedCertsDir(Path dir) {
        return new TlsSettings(verifyPeer, caFile, Optional.ofNullable(dir));
    }
}
