package dev.galley.chef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs Chef API requests with protocol 1.0, 1.1 or 1.3 exactly as mixlib-authentication does, byte for byte.
 *
 * <p>The clock is injected so signatures can be pinned in tests and skew reproduced. The
 * {@code X-Ops-Server-API-Version} header is always part of the result: protocol 1.3 signs it, and servers differ
 * on what a missing one means (erchef reads 0, goiardi signs the empty string).</p>
 */
public final class RequestSigner {
    /** The timestamp form every Chef server parses: UTC, whole seconds, a literal Z. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Pattern SLASHES = Pattern.compile("/+");
    private static final int SIGNATURE_LINE = 60;

    private final String userId;
    private final ChefKey key;
    private final SigningVersion version;
    private final Clock clock;

    public RequestSigner(String userId, ChefKey key, SigningVersion version, Clock clock) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.key = Objects.requireNonNull(key, "key");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("the user id must not be blank");
        }
    }

    public String userId() {
        return userId;
    }

    public SigningVersion version() {
        return version;
    }

    public ChefKey key() {
        return key;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Signs one request.
     *
     * @param method           the HTTP method, any case
     * @param path             the URL path as sent (query string, if any, is not signed)
     * @param body             the exact body bytes sent, empty for none
     * @param serverApiVersion the value sent in {@code X-Ops-Server-API-Version}
     */
    public SignedHeaders sign(String method, String path, byte[] body, int serverApiVersion) {
        String timestamp = TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String contentHash = base64(digest(body));
        String canonical = canonicalRequest(method, path, contentHash, timestamp, serverApiVersion);
        byte[] toSign = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] signature = switch (version) {
            case V1_0, V1_1 -> {
                int max = key.bits() / 8 - 11;
                if (toSign.length > max) {
                    throw new ChefKeyException("the request to sign is " + toSign.length + " bytes, more than protocol "
                            + version + " can sign with a " + key.bits() + "-bit key (" + max + "): use signing "
                            + "protocol 1.3 (--signing 1.3)");
                }
                yield key.ops().privateEncrypt(toSign);
            }
            case V1_3 -> key.ops().signSha256(toSign);
        };
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Ops-Server-API-Version", Integer.toString(serverApiVersion));
        headers.put("X-Ops-Sign", version.signHeader());
        headers.put("X-Ops-Userid", userId);
        headers.put("X-Ops-Timestamp", timestamp);
        headers.put("X-Ops-Content-Hash", contentHash);
        String b64 = base64(signature);
        for (int i = 0, n = 1; i < b64.length(); i += SIGNATURE_LINE, n++) {
            headers.put("X-Ops-Authorization-" + n, b64.substring(i, Math.min(b64.length(), i + SIGNATURE_LINE)));
        }
        return new SignedHeaders(headers);
    }

    /** The string that is signed, as mixlib-authentication builds it for this signer's protocol version. */
    String canonicalRequest(String method, String path, String contentHash, String timestamp, int serverApiVersion) {
        String m = method.toUpperCase(Locale.ROOT);
        String p = canonicalPath(path);
        return switch (version) {
            case V1_0 -> "Method:" + m + "\nHashed Path:" + base64(digest(p)) + "\nX-Ops-Content-Hash:" + contentHash
                    + "\nX-Ops-Timestamp:" + timestamp + "\nX-Ops-UserId:" + userId;
            case V1_1 -> "Method:" + m + "\nHashed Path:" + base64(digest(p)) + "\nX-Ops-Content-Hash:" + contentHash
                    + "\nX-Ops-Timestamp:" + timestamp + "\nX-Ops-UserId:" + base64(digest(userId));
            case V1_3 -> "Method:" + m + "\nPath:" + p + "\nX-Ops-Content-Hash:" + contentHash
                    + "\nX-Ops-Sign:version=1.3\nX-Ops-Timestamp:" + timestamp + "\nX-Ops-UserId:" + userId
                    + "\nX-Ops-Server-API-Version:" + serverApiVersion;
        };
    }

    /**
     * The path as signed: no query string, runs of slashes collapsed, one trailing slash removed (unless the path
     * is "/"), as mixlib-authentication and chef_authn do.
     */
    public static String canonicalPath(String path) {
        int q = path.indexOf('?');
        String p = SLASHES.matcher(q >= 0 ? path.substring(0, q) : path).replaceAll("/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The time the signer's clock reads now, formatted as a Chef timestamp (for skew diagnostics). */
    public Instant now() {
        return clock.instant();
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(version == SigningVersion.V1_3 ? "SHA-256" : "SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks a standard digest", e);
        }
    }

    private byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "RequestSigner[user=" + userId + ", protocol=" + version + ", key=" + key + "]";
    }
}
