package dev.galley.knife.internal.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What a user needs to know about one certificate: who it is for, who issued it, when it is valid, its SHA-256
 * fingerprint and the names it covers; and its PEM text, for trusted_certs_dir.
 *
 * @param subject   the subject's distinguished name
 * @param issuer    the issuer's distinguished name
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param sha256    the SHA-256 fingerprint, colon-separated upper-case hex, as openssl prints it
 * @param names     subject alternative names ("DNS:chef.example.com", "IP:10.0.0.1")
 * @param ca        whether it is a CA certificate
 */
public record CertificateFacts(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256,
        List<String> names, boolean ca) {

    public static CertificateFacts of(X509Certificate c) {
        return new CertificateFacts(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), fingerprint(c), alternativeNames(c),
                c.getBasicConstraints() >= 0);
    }

    /** The subject's common name (CN), if it has one. */
    public static Optional<String> commonName(X509Certificate c) {
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** knife ssl fetch's file name for a CN: "*" becomes "wildcard", anything but letters, digits and "-" "_". */
    public static String fileName(String commonName) {
        return commonName.replace("*", "wildcard").replaceAll("[^\\p{Alnum}\\-]", "_");
    }

    public static String fingerprint(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate as PEM, 64 characters a line, as OpenSSL writes it. */
    public static String pem(X509Certificate c) {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(c.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate: " + e.getMessage(), e);
        }
    }

    private static List<String> alternativeNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    String kind = switch ((Integer) san.get(0)) {
                        case 2 -> "DNS";
                        case 7 -> "IP";
                        case 1 -> "email";
                        case 6 -> "URI";
                        default -> "other";
                    };
                    out.add(kind + ":" + String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }
}
