package dev.galley.chef.testing;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * The X-Ops-* signature of a request a stub server received, checked as erchef's chef_authn checks it: the canonical
 * string rebuilt from what arrived (method, path, body, headers) and verified with the signer's public key.
 *
 * <p>Written from the protocol description (reference §1), not from {@code RequestSigner}, so that a signer bug
 * cannot hide behind the same bug here.</p>
 *
 * @param protocol   "1.0", "1.1" or "1.3", from X-Ops-Sign
 * @param method     the HTTP method
 * @param path       the path the signature covers (canonicalised), e.g. /organizations/acme/nodes
 * @param apiVersion the X-Ops-Server-API-Version sent (1.3 signs it)
 * @param userId     the X-Ops-Userid sent
 */
public record ChefSignature(String protocol, String method, String path, int apiVersion, String userId) {
    /** chef_authn's default allowed clock difference. */
    private static final Duration SKEW = Duration.ofMinutes(15);

    /**
     * Verifies the request's signature.
     *
     * @throws AssertionError saying what does not verify
     */
    public static ChefSignature verify(LoggedRequest request, RSAPublicKey key) {
        String what = request.getMethod().getName() + " " + request.getUrl();
        Map<String, String> sign = signDescription(header(request, "X-Ops-Sign", what));
        String protocol = sign.getOrDefault("version", "");
        String algorithm = sign.getOrDefault("algorithm", protocol.equals("1.3") ? "sha256" : "sha1");
        boolean v13 = protocol.equals("1.3");
        if (!protocol.matches("1\\.[013]") || !algorithm.equals(v13 ? "sha256" : "sha1")) {
            throw new AssertionError(what + ": X-Ops-Sign '" + sign + "' is not a protocol erchef accepts");
        }
        String userId = header(request, "X-Ops-Userid", what);
        String timestamp = header(request, "X-Ops-Timestamp", what);
        checkTimestamp(timestamp, what);
        String apiHeader = header(request, "X-Ops-Server-API-Version", what);
        if (!apiHeader.matches("\\d+")) {
            throw new AssertionError(what + ": X-Ops-Server-API-Version '" + apiHeader + "' is not an integer");
        }
        String digest = v13 ? "SHA-256" : "SHA-1";
        String contentHash = base64(digest(digest, request.getBody()));
        if (!contentHash.equals(header(request, "X-Ops-Content-Hash", what))) {
            throw new AssertionError(what + ": X-Ops-Content-Hash does not match the body received");
        }
        String method = request.getMethod().getName().toUpperCase(Locale.ROOT);
        String path = canonicalPath(request.getUrl());
        String canonical = v13
                ? "Method:" + method + "\nPath:" + path + "\nX-Ops-Content-Hash:" + contentHash
                        + "\nX-Ops-Sign:version=1.3\nX-Ops-Timestamp:" + timestamp + "\nX-Ops-UserId:" + userId
                        + "\nX-Ops-Server-API-Version:" + apiHeader
                : "Method:" + method + "\nHashed Path:" + base64(digest(digest, bytes(path)))
                        + "\nX-Ops-Content-Hash:" + contentHash + "\nX-Ops-Timestamp:" + timestamp
                        + "\nX-Ops-UserId:" + (protocol.equals("1.1") ? base64(digest(digest, bytes(userId))) : userId);
        byte[] signature = Base64.getDecoder().decode(authorization(request, what));
        boolean valid;
        try {
            if (v13) {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update(bytes(canonical));
                valid = verifier.verify(signature);
            } else {
                Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, key);
                valid = Arrays.equals(rsa.doFinal(signature), bytes(canonical));
            }
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new AssertionError(what + ": the protocol " + protocol + " signature does not verify for path "
                    + path + ", API version " + apiHeader + " and user " + userId);
        }
        return new ChefSignature(protocol, method, path, Integer.parseInt(apiHeader), userId);
    }

    /** mixlib/chef_authn: no query string, runs of slashes collapsed, one trailing slash dropped. */
    static String canonicalPath(String url) {
        int q = url.indexOf('?');
        String p = (q >= 0 ? url.substring(0, q) : url).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** X-Ops-Authorization-1..N joined, each line but the last exactly 60 characters as Ruby's encode64 cuts them. */
    private static String authorization(LoggedRequest request, String what) {
        StringBuilder b = new StringBuilder();
        for (int n = 1; request.containsHeader("X-Ops-Authorization-" + n); n++) {
            String line = request.getHeader("X-Ops-Authorization-" + n);
            if (line.length() > 60 || (b.length() % 60 != 0)) {
                throw new AssertionError(what + ": X-Ops-Authorization-" + n + " breaks the 60-character lines");
            }
            b.append(line);
        }
        if (b.isEmpty()) {
            throw new AssertionError(what + ": no X-Ops-Authorization-1 header");
        }
        return b.toString();
    }

    private static void checkTimestamp(String timestamp, String what) {
        if (!timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")) {
            throw new AssertionError(what + ": X-Ops-Timestamp '" + timestamp + "' is not yyyy-MM-ddTHH:mm:ssZ");
        }
        try {
            if (Duration.between(Instant.parse(timestamp), Instant.now()).abs().compareTo(SKEW) >= 0) {
                throw new AssertionError(what + ": X-Ops-Timestamp " + timestamp + " is 15 minutes or more off");
            }
        } catch (DateTimeParseException e) {
            throw new AssertionError(what + ": X-Ops-Timestamp '" + timestamp + "' is not a time");
        }
    }

    private static Map<String, String> signDescription(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : value.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static String header(LoggedRequest request, String name, String what) {
        if (!request.containsHeader(name)) {
            throw new AssertionError(what + ": no " + name + " header");
        }
        return request.getHeader(name);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
