package dev.galley.knife;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.TlsSettings;
import dev.galley.core.GalleyException;
import dev.galley.knife.internal.tls.CertificateFacts;
import dev.galley.knife.internal.tls.TlsProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code galley ssl check|fetch [URL]}: whether the Chef server's certificate is trusted, and trusting it, as
 * {@code knife ssl check} and {@code knife ssl fetch}.
 */
@Command(name = "ssl", description = "Check and fetch the Chef server's TLS certificates (knife ssl).",
        subcommands = {SslCommand.Check.class, SslCommand.Fetch.class})
public final class SslCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** {@code galley ssl check [URL]}. */
    @Command(name = "check", description = {"Connect with the configured trust (the JDK's CAs, ssl_ca_file, "
            + "trusted_certs_dir) and report whether the server's chain is trusted and its name matches, with each "
            + "certificate's subject, issuer, validity and SHA-256 fingerprint (knife ssl check).",
        "Exits 3 when the certificate is not trusted or not valid for the host name."})
    public static final class Check extends KnifeCommand {
        @Parameters(arity = "0..1", paramLabel = "URL", description = "The server (default: chef_server_url).")
        String url;

        @Override
        protected int run(KnifeSession session) {
            KnifeConfig config = session.config();
            URI uri = target(url, config);
            TlsProbe probe = probe(uri);
            PrintWriter out = session.console().out();
            boolean json = session.output().format() == OutputFormat.JSON
                    || session.output().format() == OutputFormat.YAML;
            if (!json) {
                out.println("Connecting to host " + probe.host() + ":" + probe.port());
            }
            List<X509Certificate> chain = probe.chain();
            TlsProbe.Verdict trusted = probe.verify(config.tls(), false);
            TlsProbe.Verdict named = trusted.ok() ? probe.verify(config.tls(), true) : trusted;
            if (json) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                doc.put("url", uri.toString());
                doc.put("trusted", trusted.ok());
                doc.put("hostname_matches", trusted.ok() && named.ok());
                trusted.failure().or(named::failure).ifPresent(f -> doc.put("problem", f));
                doc.put("ssl_ca_file", config.tls().caFile().map(Path::toString).orElse(null));
                doc.put("trusted_certs_dir", config.tls().trustedCertsDir().map(Path::toString).orElse(null));
                doc.set("certificates", certificates(chain));
                session.output().print(doc);
            } else {
                describe(session, chain);
            }
            if (!trusted.ok()) {
                untrusted(session, probe, config.tls(), trusted.failure().orElseThrow(), uri);
                return 3;
            }
            if (!named.ok()) {
                String cn = CertificateFacts.commonName(chain.get(0)).orElse("(no common name)");
                session.info("ERROR: The SSL cert is signed by a trusted authority but is not valid for the given "
                        + "hostname (" + named.failure().orElseThrow() + ")");
                session.info("ERROR: You are attempting to connect to:   '" + probe.host() + "'");
                session.info("ERROR: The server's certificate belongs to '" + cn + "'");
                session.info("To fix this, use a chef_server_url with one of the names the certificate covers, or "
                        + "give the server a certificate for " + probe.host() + ".");
                return 3;
            }
            if (!json) {
                out.println("Successfully verified certificates from `" + probe.host() + "'");
                out.flush();
            }
            return 0;
        }

        private static void untrusted(KnifeSession session, TlsProbe probe, TlsSettings tls, String failure, URI uri) {
            session.info("ERROR: The SSL certificate of " + probe.host() + " could not be verified: " + failure);
            session.info("Trusted here: the JDK's CAs; ssl_ca_file " + tls.caFile().map(Path::toString)
                    .orElse("(none)") + "; trusted_certs_dir " + tls.trustedCertsDir().map(Path::toString)
                    .orElse("(none)") + ".");
            session.info("To fix this, check the SHA-256 fingerprint above with the server's administrator, then "
                    + "run 'galley ssl fetch " + uri + "' (or copy the server's CA certificate into "
                    + "trusted_certs_dir) and check again.");
        }
    }

    /** {@code galley ssl fetch [URL]}. */
    @Command(name = "fetch", description = {"Fetch the server's certificate chain without verifying it, show each "
            + "certificate's subject and SHA-256 fingerprint, and after you confirm (or with -y) store them in "
            + "trusted_certs_dir, one PEM file per certificate named after its CN (knife ssl fetch).",
        "Check the fingerprints with the server's administrator: nothing here can tell a real certificate from a "
                + "forged one."})
    public static final class Fetch extends KnifeCommand {
        @Parameters(arity = "0..1", paramLabel = "URL", description = "The server (default: chef_server_url).")
        String url;

        @Override
        protected int run(KnifeSession session) throws IOException {
            KnifeConfig config = session.config();
            URI uri = target(url, config);
            TlsProbe probe = probe(uri);
            Path dir = config.tls().trustedCertsDir().orElseThrow(() -> GalleyException.badInput(
                    "no trusted_certs_dir is configured: set trusted_certs_dir in config.rb"));
            List<X509Certificate> chain = probe.chain();
            session.info("WARNING: Certificates from " + probe.host() + " will be fetched and placed in your "
                    + "trusted_certs_dir (" + dir + "). Galley has no means to verify these are the correct "
                    + "certificates: check their fingerprints with the server's administrator.");
            describe(session, chain);
            session.confirm("Do you really want to trust " + (chain.size() == 1 ? "this certificate"
                    : "these " + chain.size() + " certificates") + " from " + probe.host());
            Files.createDirectories(dir);
            PrintWriter out = session.console().out();
            for (X509Certificate c : chain) {
                String base = CertificateFacts.commonName(c).map(CertificateFacts::fileName)
                        .orElse(CertificateFacts.fileName(probe.host()) + "_"
                                + CertificateFacts.fingerprint(c).replace(":", "").substring(0, 16)
                                .toLowerCase(Locale.ROOT));
                Path file = dir.resolve(base + ".crt");
                Files.writeString(file, CertificateFacts.pem(c));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the default permissions stand.
                }
                out.println("Adding certificate for " + CertificateFacts.commonName(c).orElse(base) + " in " + file);
            }
            out.flush();
            return 0;
        }
    }

    static URI target(String url, KnifeConfig config) {
        URI uri;
        if (url == null) {
            uri = config.chefServerUrl().url();
        } else {
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw GalleyException.badInput("Given URI: `" + url + "' is invalid: " + e.getReason());
            }
        }
        if (uri.getHost() == null) {
            throw GalleyException.badInput("Given URI: `" + uri + "' is invalid: give https://HOST[:PORT]");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw GalleyException.badInput("Given URI: `" + uri + "' is not https, so there is no TLS certificate "
                    + "to check: did you mean https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort()
                    : "") + "?");
        }
        return uri;
    }

    static TlsProbe probe(URI uri) {
        return new TlsProbe(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 443, TIMEOUT);
    }

    /** Each certificate, server's first, as "key: value" facts on stdout. */
    static void describe(KnifeSession session, List<X509Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            CertificateFacts f = CertificateFacts.of(chain.get(i));
            LinkedHashMap<String, String> facts = new LinkedHashMap<>();
            facts.put("certificate", (i + 1) + " of " + chain.size() + (i == 0 ? " (the server's)" : "")
                    + (f.ca() ? ", a CA" : ""));
            facts.put("subject", f.subject());
            facts.put("issuer", f.issuer());
            facts.put("valid", f.notBefore() + " to " + f.notAfter());
            facts.put("sha256", f.sha256());
            if (!f.names().isEmpty()) {
                facts.put("names", String.join(", ", f.names()));
            }
            session.output().printFacts(facts);
        }
    }

    private static ArrayNode certificates(List<X509Certificate> chain) {
        ArrayNode certs = JsonNodeFactory.instance.arrayNode();
        for (X509Certificate c : chain) {
            CertificateFacts f = CertificateFacts.of(c);
            ObjectNode n = certs.addObject();
            n.put("subject", f.subject());
            n.put("issuer", f.issuer());
            n.put("not_before", f.notBefore().toString());
            n.put("not_after", f.notAfter().toString());
            n.put("sha256", f.sha256());
            ArrayNode names = n.putArray("subject_alt_names");
            f.names().forEach(names::add);
            n.put("ca", f.ca());
        }
        return certs;
    }
}
