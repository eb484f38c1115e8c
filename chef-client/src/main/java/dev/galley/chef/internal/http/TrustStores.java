package dev.galley.chef.internal.http;

import dev.galley.chef.TlsSettings;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS trust of one client from {@link TlsSettings}: the JDK's CAs plus the user's, or (only when asked,
 * and only for that client) no verification at all.
 */
public final class TrustStores {

    /** The socket factory and host name check for one client; nulls mean the JDK defaults. */
    public record Trust(SSLSocketFactory socketFactory, HostnameVerifier hostnameVerifier) {
    }

    private TrustStores() {
    }

    public static Trust build(TlsSettings tls) {
        try {
            if (!tls.verifyPeer()) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustEverything()}, null);
                return new Trust(ctx.getSocketFactory(), (host, session) -> true);
            }
            List<X509Certificate> extra = new ArrayList<>();
            tls.caFile().ifPresent(f -> extra.addAll(readCertificates(f, "ssl_ca_file")));
            tls.trustedCertsDir().filter(Files::isDirectory).ifPresent(d -> extra.addAll(readDirectory(d)));
            if (extra.isEmpty()) {
                return new Trust(null, null);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int i = 0;
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            for (X509Certificate c : extra) {
                store.setCertificateEntry("user-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new Trust(ctx.getSocketFactory(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** Every certificate in a PEM or DER file (a bundle may hold several). */
    public static List<X509Certificate> readCertificates(Path file, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw GalleyException.badInput(setting + " " + file + " holds no certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw GalleyException.badInput(setting + " " + file + " is not a PEM or DER certificate file: "
                    + e.getMessage());
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read " + setting + " " + file + ": " + e.getMessage());
        }
    }

    private static List<X509Certificate> readDirectory(Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{crt,pem,cer}")) {
            for (Path f : files) {
                out.addAll(readCertificates(f, "trusted_certs_dir file"));
            }
        } catch (IOException e) {
            throw GalleyException.badInput("cannot list trusted_certs_dir " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** For --insecure / verify_none only: accepts any certificate, and is installed on one client's sockets. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
