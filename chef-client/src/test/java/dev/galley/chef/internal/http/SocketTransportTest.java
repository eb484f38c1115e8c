package dev.galley.chef.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.ProxySettings;
import dev.galley.chef.TlsSettings;
import dev.galley.chef.spi.TransportRequest;
import dev.galley.chef.spi.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 framing of the transport, byte for byte, against a scripted loopback server: each accepted
 * connection answers requests with the next scripted answers and then does what the script says.
 */
class SocketTransportTest {
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    /** What one connection does: the answers to its requests in order; after them it closes. */
    record Script(List<String> answers) {
    }

    private URI serve(List<Script> connections) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        pool.submit(() -> {
            for (Script script : connections) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    for (String answer : script.answers()) {
                        String request = readRequest(in);
                        if (request == null) {
                            break;
                        }
                        requests.add(request);
                        s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    return null;
                }
            }
            return null;
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/nodes?x=1");
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static SocketTransport transport() {
        return new SocketTransport(Duration.ofSeconds(2), TrustStores.build(TlsSettings.defaults()), ProxySettings.none());
    }

    private static TransportRequest get(URI uri) {
        return new TransportRequest("GET", uri, Map.of("Accept", "application/json"), new byte[0], Duration.ofSeconds(5));
    }

    private static TransportRequest post(URI uri) {
        return new TransportRequest("POST", uri, Map.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
    }

    static final Function<String, String> OK = body -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n" + body;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        pool.shutdownNow();
    }

    @Test
    void sendsOriginFormWithHostAndLength_andReusesTheConnection() throws Exception {
        URI uri = serve(List.of(new Script(List.of(OK.apply("{}"), OK.apply("[1]")))));
        try (SocketTransport t = transport()) {
            assertThat(new String(t.send(get(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("{}");
            assertThat(new String(t.send(post(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("[1]");
        }
        assertThat(requests.get(0)).startsWith("GET /nodes?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\n")
                .contains("Accept: application/json\r\n").doesNotContain("Content-Length");
        assertThat(requests.get(1)).startsWith("POST /nodes?x=1 HTTP/1.1").contains("Content-Length: 7\r\n")
                .endsWith("\r\n\r\n{\"a\":1}");
    }

    @Test
    void readsChunkedBodies_skipsInterimAnswers_andKeepsRepeatedHeaders() throws Exception {
        String chunked = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n";
        URI uri = serve(List.of(new Script(List.of(chunked, OK.apply("{}")))));
        try (SocketTransport t = transport()) {
            TransportResponse r = t.send(get(uri));

            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            assertThat(r.headers().get("set-cookie")).containsExactly("a=1", "b=2");
            assertThat(t.send(get(uri)).status()).as("the chunked answer left the connection usable").isEqualTo(200);
        }
        assertThat(requests).hasSize(2);
    }

    @Test
    void aBodyUntilClose_andConnectionClose_areNotReused() throws Exception {
        URI uri = serve(List.of(
                new Script(List.of("HTTP/1.0 200 OK\r\n\r\nuntil the end")),
                new Script(List.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")),
                new Script(List.of(OK.apply("[]")))));
        try (SocketTransport t = transport()) {
            assertThat(new String(t.send(get(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("until the end");
            assertThat(new String(t.send(get(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("{}");
            assertThat(new String(t.send(get(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("[]");
        }
    }

    @Test
    void aKeptAliveConnectionTheServerClosed_isReplacedForAGet_butNotForAPost() throws Exception {
        URI uri = serve(List.of(new Script(List.of(OK.apply("{}"))), new Script(List.of(OK.apply("{\"again\":1}"))),
                new Script(List.of(OK.apply("{}"))), new Script(List.of())));
        try (SocketTransport t = transport()) {
            t.send(get(uri));
            assertThat(new String(t.send(get(uri)).body(), StandardCharsets.UTF_8)).isEqualTo("{\"again\":1}");

            // The third connection is pooled after this GET, then closed by the server: a POST must not be re-sent.
            t.send(get(uri));
            assertThatThrownBy(() -> t.send(post(uri))).isInstanceOf(IOException.class);
        }
        assertThat(requests.stream().filter(r -> r.startsWith("POST"))).isEmpty();
    }

    @Test
    void headAnswersHaveNoBody_evenWithALength() throws Exception {
        URI uri = serve(List.of(new Script(List.of("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n", OK.apply("{}")))));
        try (SocketTransport t = transport()) {
            TransportResponse head = t.send(new TransportRequest("HEAD", uri, Map.of(), new byte[0], Duration.ofSeconds(5)));

            assertThat(head.body()).isEmpty();
            assertThat(t.send(get(uri)).status()).isEqualTo(200);
        }
    }

    @Test
    void malformedAnswers_areIOExceptionsNamingTheProblem() throws Exception {
        List<String> bad = new ArrayList<>(List.of("SSH-2.0-OpenSSH_9.2\r\n", "HTTP/1.1 abc OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
        List<Script> scripts = bad.stream().map(a -> new Script(List.of(a))).toList();
        URI uri = serve(scripts);
        try (SocketTransport t = transport()) {
            assertThatThrownBy(() -> t.send(get(uri))).hasMessageContaining("not an HTTP answer");
            assertThatThrownBy(() -> t.send(get(uri))).hasMessageContaining("not an HTTP status");
            assertThatThrownBy(() -> t.send(get(uri))).hasMessageContaining("malformed Content-Length");
            assertThatThrownBy(() -> t.send(get(uri))).hasMessageContaining("malformed chunk size");
        }
    }
}
