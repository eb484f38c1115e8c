package dev.galley.knife.internal.tls;

import dev.galley.chef.TlsSettings;
import dev.galley.chef.internal.http.TrustStores;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS handshakes with one server for {@code galley ssl check} and {@code fetch}: the chain it presents (read without
 * verifying, on this one connection only), and whether the configured trust accepts it and its host name.
 *
 * @param host    the server's host name or address
 * @param port    its port
 * @param timeout for connecting and for each read
 */
public record TlsProbe(String host, int port, Duration timeout) {

    /** What a verifying handshake found: nothing wrong, or the reason it failed. */
    public record Verdict(Optional<String> failure) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /**
     * The certificates the server presents, server's first, accepted without any check (only read, never trusted).
     *
     * @throws GalleyException (unavailable) when nothing answers; (bad input) when it does not speak TLS
     */
    public List<X509Certificate> chain() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new ReadOnly()}, null);
            try (SSLSocket socket = open(ctx.getSocketFactory(), false)) {
                socket.startHandshake();
                List<X509Certificate> out = new ArrayList<>();
                for (Certificate c : socket.getSession().getPeerCertificates()) {
                    out.add((X509Certificate) c);
                }
                return out;
            }
        } catch (SSLException e) {
            throw GalleyException.badInput("the service at " + host + ":" + port + " does not accept TLS "
                    + "connections (" + e.getMessage() + "): check the URL's scheme and port");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * A handshake that verifies the chain against {@code tls} (the JDK's CAs, ssl_ca_file, trusted_certs_dir), and
     * the host name too when {@code checkHostName}.
     */
    public Verdict verify(TlsSettings tls, boolean checkHostName) {
        SSLSocketFactory factory = TrustStores.build(tls.withVerifyPeer(true)).socketFactory();
        if (factory == null) {
            factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (SSLSocket socket = open(factory, checkHostName)) {
            socket.startHandshake();
            return new Verdict(Optional.empty());
        } catch (SSLHandshakeException e) {
            return new Verdict(Optional.of(rootMessage(e)));
        } catch (SSLException e) {
            return new Verdict(Optional.of(rootMessage(e)));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private SSLSocket open(SSLSocketFactory factory, boolean checkHostName) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true);
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm(checkHostName ? "HTTPS" : null);
            socket.setSSLParameters(params);
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private GalleyException unreachable(IOException e) {
        String why = e instanceof SocketTimeoutException ? "no answer within " + timeout.toSeconds() + " s"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GalleyException(Fault.UNAVAILABLE, "cannot connect to " + host + ":" + port + ": " + why
                + "; check the URL and that the server is up");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Accepts any chain: installed on the one socket that only reads the chain to show or store it. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client certificates are not checked here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // The chain is shown (and stored only after the user confirms), never used to send anything.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
