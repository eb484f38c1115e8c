package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefKey;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.spi.Transport;
import dev.galley.chef.spi.TransportRequest;
import dev.galley.chef.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A Chef server and file store in a function, for protocol tests: answers each request and records all of them. */
final class ScriptedTransport implements Transport {
    static final String SERVER = "https://chef.example.com/organizations/acme";
    static final String API = "/organizations/acme";

    final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<TransportRequest, TransportResponse> handler;

    ScriptedTransport(Function<TransportRequest, TransportResponse> handler) {
        this.handler = handler;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
        requests.add(request);
        return handler.apply(request);
    }

    @Override
    public void close() {
    }

    /** A client of {@link #SERVER} as "alice", sending through this transport, with quick retries. */
    ChefClient client() {
        return ChefClient.builder().serverUrl(SERVER).user("alice").key(testKey()).signing(SigningVersion.V1_3)
                .proxy(ProxySettings.none()).transport(this)
                .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
                .build();
    }

    static ChefKey testKey() {
        try (InputStream in = ScriptedTransport.class.getResourceAsStream("/oracle/test-key.pem")) {
            return ChefKey.fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII), "test-key.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Chef API answer: JSON, with the API version header of a server supporting 0..maxApi. */
    static TransportResponse json(int status, String body, int maxApi) {
        return new TransportResponse(status, Map.of("Content-Type", List.of("application/json"),
                "X-Ops-Server-API-Version", List.of("{\"min_version\":\"0\",\"max_version\":\"" + maxApi
                        + "\",\"request_version\":\"" + maxApi + "\",\"response_version\":\"" + maxApi + "\"}")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A file store answer. */
    static TransportResponse raw(int status, String contentType, byte[] body) {
        return new TransportResponse(status, Map.of("Content-Type", List.of(contentType)), body);
    }

    List<TransportRequest> to(String method, String urlPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.uri().toString().startsWith(urlPrefix))
                .toList();
    }

    static boolean hasChefSignature(TransportRequest r) {
        return r.headers().keySet().stream().anyMatch(h -> h.startsWith("X-Ops-"));
    }
}
