package dev.galley.chef.internal.cookbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Chef's cookbook file checksums: MD5, lower-case hex in manifests, Base64 in the Content-MD5 header. */
final class Checksums {
    private Checksums() {
    }

    static String md5Hex(byte[] content) {
        return HexFormat.of().formatHex(md5().digest(content));
    }

    /** Streams the file, so large cookbook files are not held in memory just to be checksummed. */
    static String md5Hex(Path file) throws IOException {
        MessageDigest md5 = md5();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The Content-MD5 header value for a hex checksum, as Chef computes it ({@code [hex].pack("H*")}, Base64). */
    static String contentMd5(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5, which every Java platform must provide", e);
        }
    }
}
