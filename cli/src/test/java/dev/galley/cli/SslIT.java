package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley ssl check|fetch} against goiardi serving HTTPS with a certificate from the lab's own CA. */
class SslIT {
    @RegisterExtension
    static final ChefLabExtension CHEF = new ChefLabExtension(GoiardiServer.Options.defaults().withTls());

    /** A config.rb in ~/.chef with no ssl_ca_file: only the JDK's CAs and ~/.chef/trusted_certs are trusted. */
    private static void configWithoutTheLabCa(Path home, GoiardiServer server) {
        ChefRepos.write(home.resolve(".chef/config.rb"), "node_name \"admin\"\n"
                + "client_key \"" + server.adminKey() + "\"\n"
                + "chef_server_url \"" + server.url() + "\"\n");
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String sha256(X509Certificate c) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(c.getEncoded()));
    }

    @Test
    void checkFailsBeforeFetch_fetchStoresTheChain_thenCheckAndRequestsPass(GoiardiServer server, @TempDir Path home)
            throws Exception {
        configWithoutTheLabCa(home, server);
        X509Certificate serverCert = certificate(server.directory().resolve("server.crt"));
        Path trusted = home.resolve(".chef/trusted_certs");
        String hostPort = "127.0.0.1:" + server.port();

        CliRun before = CliRun.galley(home, "ssl", "check");
        CliRun rawBefore = CliRun.galley(home, "raw", "/nodes");

        assertThat(before.exitCode).as(before.toString()).isEqualTo(3);
        assertThat(before.out).startsWith("Connecting to host " + hostPort + "\n")
                .contains("subject:     CN=127.0.0.1\n")
                .contains("issuer:      CN=Galley lab CA\n")
                .contains("sha256:      " + sha256(serverCert) + "\n")
                .contains("names:       IP:127.0.0.1, DNS:localhost\n")
                .contains("valid:       " + serverCert.getNotBefore().toInstant() + " to "
                        + serverCert.getNotAfter().toInstant() + "\n")
                .doesNotContain("Successfully");
        assertThat(before.err).startsWith("ERROR: The SSL certificate of 127.0.0.1 could not be verified: ")
                .contains("trusted_certs_dir " + trusted).contains("galley ssl fetch " + server.url());
        assertThat(rawBefore.exitCode).isNotZero();

        CliRun unconfirmed = CliRun.galley(home, "ssl", "fetch");

        assertThat(unconfirmed.exitCode).isEqualTo(2);
        assertThat(unconfirmed.out).contains("sha256:      " + sha256(serverCert));
        assertThat(unconfirmed.err).contains("WARNING: Certificates from 127.0.0.1 will be fetched")
                .contains("Do you really want to trust this certificate from 127.0.0.1? (Y/N)");
        assertThat(trusted).doesNotExist();

        CliRun fetch = CliRun.galley(home, "ssl", "fetch", "-y");

        Path stored = trusted.resolve("127_0_0_1.crt");
        assertThat(fetch.exitCode).as(fetch.toString()).isZero();
        assertThat(fetch.out).endsWith("Adding certificate for 127.0.0.1 in " + stored + "\n");
        assertThat(certificate(stored)).isEqualTo(serverCert);
        assertThat(Files.readString(stored)).startsWith("-----BEGIN CERTIFICATE-----\n");

        CliRun after = CliRun.galley(home, "ssl", "check");
        CliRun json = CliRun.galley(home, "ssl", "check", "-F", "json");
        CliRun raw = CliRun.galley(home, "raw", "/nodes");

        assertThat(after.exitCode).as(after.toString()).isZero();
        assertThat(after.out).endsWith("Successfully verified certificates from `127.0.0.1'\n");
        assertThat(after.err).isEmpty();
        assertThat(json.out).contains("\"trusted\": true").contains("\"hostname_matches\": true")
                .contains("\"sha256\": \"" + sha256(serverCert) + "\"");
        assertThat(raw.exitCode).as(raw.toString()).isZero();
        assertThat(raw.out.strip()).isEqualTo("{}");
    }

    @Test
    void check_ofATrustedCertificateForAnotherName_saysTheNameDoesNotMatch(@TempDir Path home) throws Exception {
        Path keystore = home.resolve("other.p12");
        Path trusted = home.resolve(".chef/trusted_certs");
        Files.createDirectories(trusted);
        keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=other.example",
                "-ext", "SAN=dns:other.example", "-validity", "2", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", trusted.resolve("other.crt").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (SSLSocket s = (SSLSocket) listener.accept()) {
                        s.setSoTimeout(10_000);
                        s.startHandshake();
                    } catch (IOException e) {
                        // a client that gives up on the certificate ends its handshake early
                    }
                }
            });
            ChefRepos.write(home.resolve(".chef/config.rb"), "node_name \"admin\"\nclient_key \"/nonexistent.pem\"\n"
                    + "chef_server_url \"https://127.0.0.1:" + listener.getLocalPort() + "\"\n");

            CliRun run = CliRun.galley(home, "ssl", "check");

            assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
            assertThat(run.out).contains("subject:     CN=other.example\n").contains("names:       DNS:other.example");
            assertThat(run.err).startsWith("ERROR: The SSL cert is signed by a trusted authority but is not valid for "
                    + "the given hostname").contains("ERROR: You are attempting to connect to:   '127.0.0.1'\n")
                    .contains("ERROR: The server's certificate belongs to 'other.example'\n");
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void check_ofAPlainHttpUrl_isOneLineAndExit2(@TempDir Path home, GoiardiServer server) {
        configWithoutTheLabCa(home, server);

        CliRun run = CliRun.galley(home, "ssl", "check", "http://127.0.0.1:" + server.port());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).doesNotContain("\n").contains("is not https")
                .contains("did you mean https://127.0.0.1:" + server.port());
    }
}
