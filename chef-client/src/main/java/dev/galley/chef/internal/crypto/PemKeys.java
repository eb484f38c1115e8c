package dev.galley.chef.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes RSA keys in the PEM forms Chef uses: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what Chef servers
 * hand out) and PKCS#8 ({@code BEGIN PRIVATE KEY}), public keys in X.509 ({@code BEGIN PUBLIC KEY}) and PKCS#1.
 *
 * <p>The JDK reads PKCS#8 and X.509 natively; PKCS#1 is wrapped into PKCS#8 here (a fixed DER prefix), so no
 * extra library is loaded on the start-up path of the CLI. Every failure is a {@link KeyFormatException} whose
 * message says what the text holds and what to do, without any key material.</p>
 */
public final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemKeys() {
    }

    /** Why a text is not a usable key; carries no key material. */
    public static final class KeyFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyFormatException(String message) {
            super(message);
        }
    }

    /** Parses an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM. */
    public static RSAPrivateCrtKey privateKey(String pem) throws KeyFormatException {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new KeyFormatException(describeNonPem(pem));
        }
        String type = m.group(1);
        String body = m.group(2);
        switch (type) {
            case "RSA PRIVATE KEY" -> {
                if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
                    throw new KeyFormatException("is encrypted with a passphrase, which Chef keys cannot be: write an "
                            + "unencrypted copy with 'openssl rsa -in KEY -out KEY.pem' and use that");
                }
                return fromPkcs8(wrapPkcs1(decode(body)));
            }
            case "PRIVATE KEY" -> {
                return fromPkcs8(decode(body));
            }
            case "ENCRYPTED PRIVATE KEY" -> throw new KeyFormatException("is an encrypted PKCS#8 key, which Chef keys "
                    + "cannot be: write an unencrypted copy with 'openssl pkey -in KEY -out KEY.pem' and use that");
            case "OPENSSH PRIVATE KEY" -> throw new KeyFormatException("is an OpenSSH-format key, not PEM: convert a copy "
                    + "with 'ssh-keygen -p -N \"\" -m PEM -f COPY' or use the key the Chef server issued");
            case "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new KeyFormatException("is a "
                    + type.substring(0, type.indexOf(' ')) + " key; Chef signs requests with RSA keys only");
            case "PUBLIC KEY", "RSA PUBLIC KEY" -> throw new KeyFormatException("holds a public key; signing needs the "
                    + "private key (BEGIN RSA PRIVATE KEY)");
            case "CERTIFICATE" -> throw new KeyFormatException("holds a certificate, not a private key");
            default -> throw new KeyFormatException("holds a PEM block of type '" + type
                    + "', not an RSA private key");
        }
    }

    /** Parses an RSA public key in X.509 ({@code BEGIN PUBLIC KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}) PEM. */
    public static RSAPublicKey publicKey(String pem) throws KeyFormatException {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new KeyFormatException(describeNonPem(pem));
        }
        byte[] der = decode(m.group(2));
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            return switch (m.group(1)) {
                case "PUBLIC KEY" -> (RSAPublicKey) kf.generatePublic(new X509EncodedKeySpec(der));
                case "RSA PUBLIC KEY" -> (RSAPublicKey) kf.generatePublic(new X509EncodedKeySpec(
                        Der.encode(Der.SEQUENCE, Der.RSA_ALGORITHM_IDENTIFIER, Der.encode(Der.BIT_STRING, prepend0(der)))));
                default -> throw new KeyFormatException("holds a PEM block of type '" + m.group(1)
                        + "', not an RSA public key");
            };
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new KeyFormatException("is not a well-formed RSA public key");
        }
    }

    /** The public half of a private key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot derive an RSA public key", e);
        }
    }

    /** X.509 SubjectPublicKeyInfo PEM, the form Chef servers store ({@code BEGIN PUBLIC KEY}). */
    public static String publicKeyPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), the form knife and chef-client write. */
    public static String privateKeyPkcs1Pem(RSAPrivateCrtKey key) {
        List<Der.Element> info = Der.readSequence(key.getEncoded());
        return pem("RSA PRIVATE KEY", info.get(2).content());
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static RSAPrivateCrtKey fromPkcs8(byte[] pkcs8) throws KeyFormatException {
        try {
            List<Der.Element> info = Der.readSequence(pkcs8);
            if (info.size() < 3 || !java.util.Arrays.equals(Der.encode(Der.SEQUENCE, info.get(1).content()),
                    Der.RSA_ALGORITHM_IDENTIFIER)) {
                throw new KeyFormatException("is a PKCS#8 key for an algorithm other than RSA; "
                        + "Chef signs requests with RSA keys only");
            }
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new KeyFormatException("is not a well-formed RSA private key (the PEM body does not decode to one)");
        }
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        return Der.encode(Der.SEQUENCE, new byte[] {Der.INTEGER, 1, 0}, Der.RSA_ALGORITHM_IDENTIFIER,
                Der.encode(Der.OCTET_STRING, pkcs1));
    }

    private static byte[] prepend0(byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static byte[] decode(String body) throws KeyFormatException {
        StringBuilder b64 = new StringBuilder(body.length());
        for (String line : body.split("\\r?\\n")) {
            if (!line.contains(":")) {
                b64.append(line.strip());
            }
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("has a PEM body that is not valid Base64 (the file is damaged or truncated)");
        }
    }

    private static String describeNonPem(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "is empty";
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("ssh-rsa ")) {
            return "holds an OpenSSH public key, not a PEM private key";
        }
        if (t.contains("-----BEGIN")) {
            return "has a PEM header without a matching END line (the file is truncated)";
        }
        return "does not contain a PEM private key (expected a '-----BEGIN RSA PRIVATE KEY-----' block, found "
                + t.length() + " characters of other text)";
    }
}
