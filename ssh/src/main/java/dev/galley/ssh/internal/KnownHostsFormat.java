package dev.galley.ssh.internal;

import dev.galley.ssh.KnownHostsEntry;
import dev.galley.ssh.SshPublicKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenSSH's known_hosts format (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): parsing, host pattern matching with
 * wildcards and negation, hashed names ({@code |1|salt|hash}, HMAC-SHA1), and writing new lines.
 */
public final class KnownHostsFormat {
    private static final Logger log = LoggerFactory.getLogger(KnownHostsFormat.class);
    private static final String HASH_MAGIC = "|1|";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KnownHostsFormat() {
    }

    /** The entries of a file's text; lines that are not entries (comments, blank, malformed) are skipped. */
    public static List<KnownHostsEntry> parse(Path file, String text) {
        List<KnownHostsEntry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            KnownHostsEntry e = parseLine(file, i + 1, lines[i]);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    static KnownHostsEntry parseLine(Path file, int lineNo, String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] f = line.split("[ \t]+");
        int i = 0;
        KnownHostsEntry.Marker marker = KnownHostsEntry.Marker.NONE;
        if (f[0].startsWith("@")) {
            marker = switch (f[0]) {
                case "@cert-authority" -> KnownHostsEntry.Marker.CERT_AUTHORITY;
                case "@revoked" -> KnownHostsEntry.Marker.REVOKED;
                default -> null;
            };
            if (marker == null) {
                log.debug("{} line {}: unknown marker {}, line skipped", file, lineNo, f[0]);
                return null;
            }
            i = 1;
        }
        if (f.length < i + 3) {
            log.debug("{} line {}: not a key line, skipped", file, lineNo);
            return null;
        }
        try {
            return new KnownHostsEntry(file, lineNo, marker, f[i], SshPublicKey.parse(f[i + 1], f[i + 2]));
        } catch (IllegalArgumentException e) {
            log.debug("{} line {}: {}, line skipped", file, lineNo, e.getMessage());
            return null;
        }
    }

    /**
     * Whether a host field matches a lookup name ("host", or "[host]:port" off port 22), as OpenSSH decides: a
     * hashed name by its HMAC; otherwise comma-separated patterns with {@code *} and {@code ?}, any match wins
     * unless a negated ({@code !}) pattern matches too. Names compare without case.
     */
    public static boolean matches(String hostsField, String lookupName) {
        String name = lookupName.toLowerCase(Locale.ROOT);
        if (hostsField.startsWith(HASH_MAGIC)) {
            return hashedMatches(hostsField, name);
        }
        boolean found = false;
        for (String p : hostsField.split(",")) {
            boolean negated = p.startsWith("!");
            String pattern = (negated ? p.substring(1) : p).toLowerCase(Locale.ROOT);
            if (!pattern.isEmpty() && wildcard(pattern, 0, name, 0)) {
                if (negated) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    private static boolean wildcard(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (wildcard(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.substring(HASH_MAGIC.length()).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(hmac(salt, name), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A hashed host field for a name, with a fresh salt, as {@code ssh-keygen -H} writes it. */
    public static String hash(String lookupName) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        return hash(lookupName, salt);
    }

    static String hash(String lookupName, byte[] salt) {
        Base64.Encoder b64 = Base64.getEncoder();
        return HASH_MAGIC + b64.encodeToString(salt) + "|"
                + b64.encodeToString(hmac(salt, lookupName.toLowerCase(Locale.ROOT)));
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1", e);
        }
    }

    /** A known_hosts line for a host and key. */
    public static String line(String lookupName, SshPublicKey key, boolean hashed) {
        return (hashed ? hash(lookupName) : lookupName.toLowerCase(Locale.ROOT)) + " " + key.type() + " "
                + key.base64();
    }
}
