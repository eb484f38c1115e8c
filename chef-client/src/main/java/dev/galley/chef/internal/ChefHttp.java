package dev.galley.chef.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.galley.chef.ChefServerUrl;
import dev.galley.chef.ChefTransportException;
import dev.galley.chef.ChefUnexpectedResponseException;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.SignedHeaders;
import dev.galley.chef.spi.Transport;
import dev.galley.chef.spi.TransportRequest;
import dev.galley.chef.spi.TransportResponse;
import dev.galley.core.Fault;
import dev.galley.core.GalleyVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Chef API request goes through here: URL, headers, signature, version negotiation, retries, and the
 * mapping of failures to typed exceptions with a message a user can act on.
 */
public final class ChefHttp implements AutoCloseable {
    public static final String API_VERSION_HEADER = "X-Ops-Server-API-Version";
    private static final Logger log = LoggerFactory.getLogger(ChefHttp.class);
    private static final String USER_AGENT = "galley/" + GalleyVersion.version() + " (Java "
            + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")";

    private final ChefServerUrl server;
    private final RequestSigner signer;
    private final Transport transport;
    private final RetryPolicy retry;
    private final Duration readTimeout;
    private final String chefVersionHeader;
    private final ApiVersionNegotiator versions = new ApiVersionNegotiator();
    private final ErrorMapper errors;

    public ChefHttp(ChefServerUrl server, RequestSigner signer, Transport transport, RetryPolicy retry,
            Duration readTimeout, String chefVersionHeader) {
        this.server = server;
        this.signer = signer;
        this.transport = transport;
        this.retry = retry;
        this.readTimeout = readTimeout;
        this.chefVersionHeader = chefVersionHeader;
        this.errors = new ErrorMapper(signer);
    }

    /** Whether a path is relative to the organization (nodes, roles, ...) or to the server root (users, ...). */
    public enum Scope { ORGANIZATION, GLOBAL }

    /**
     * One logical request; it may be sent several times.
     *
     * @param method     GET, HEAD, PUT, POST, DELETE
     * @param target     the absolute URL
     * @param body       the body bytes, empty for none
     * @param apiVersion a pinned server API version, or empty to negotiate
     * @param expectJson whether a 2xx answer must carry a JSON document
     */
    public record Call(String method, URI target, byte[] body, OptionalInt apiVersion, boolean expectJson) {
        public Call {
            body = body == null ? new byte[0] : body;
        }

        public Call withApiVersion(int version) {
            return new Call(method, target, body, OptionalInt.of(version), expectJson);
        }

        public Call withoutJsonCheck() {
            return new Call(method, target, body, apiVersion, false);
        }
    }

    public ChefServerUrl server() {
        return server;
    }

    public RequestSigner signer() {
        return signer;
    }

    public ApiVersionNegotiator versions() {
        return versions;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * Sends one request that is not a Chef API call, to a URL the server handed out (a sandbox upload URL, a
     * cookbook file URL), through the client's transport so its TLS trust, proxy and timeouts apply. Only the
     * User-Agent is added: no signature (pre-signed S3-style URLs must not carry one), no version negotiation, no
     * retries and no error mapping; the caller owns those.
     */
    public TransportResponse sendDirect(String method, URI target, Map<String, String> headers, byte[] body)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", USER_AGENT);
        all.putAll(headers);
        return transport.send(new TransportRequest(method, target, all, body, readTimeout));
    }

    /** A call to a path ("/nodes/web1?x=y") in the given scope; {@code body} is JSON-encoded unless bytes. */
    public Call call(String method, Scope scope, String pathAndQuery, Object body) {
        URI target = scope == Scope.GLOBAL ? server.resolveGlobal(pathAndQuery) : server.resolve(pathAndQuery);
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        return new Call(method, target, bytes, OptionalInt.empty(), !method.equals("HEAD") && !method.equals("DELETE"));
    }

    // ---- conveniences for the endpoint families ----

    public JsonNode get(String path) {
        return json(execute(call("GET", Scope.ORGANIZATION, path, null)));
    }

    public <T> T get(String path, Class<T> type) {
        return read(execute(call("GET", Scope.ORGANIZATION, path, null)), type);
    }

    public <T> T get(String path, TypeReference<T> type) {
        return read(execute(call("GET", Scope.ORGANIZATION, path, null)), type);
    }

    public JsonNode post(String path, Object body) {
        return json(execute(call("POST", Scope.ORGANIZATION, path, body)));
    }

    public JsonNode put(String path, Object body) {
        return json(execute(call("PUT", Scope.ORGANIZATION, path, body)));
    }

    public JsonNode delete(String path) {
        return json(execute(call("DELETE", Scope.ORGANIZATION, path, null)));
    }

    /** HEAD: true for 2xx, false for 404; other statuses raise. */
    public boolean exists(String path) {
        try {
            execute(call("HEAD", Scope.ORGANIZATION, path, null));
            return true;
        } catch (dev.galley.chef.ChefNotFoundException e) {
            return false;
        }
    }

    /** The body as a JSON tree; an empty body (a HEAD, a 204) is {@code null} JSON. */
    public static JsonNode json(Exchange exchange) {
        return exchange.response().body().length == 0 ? NullNode.getInstance() : exchange.tree();
    }

    public static <T> T read(Exchange exchange, Class<T> type) {
        try {
            return Json.MAPPER.readValue(exchange.response().body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw exchange.unexpected("a body that does not match the Chef API's " + type.getSimpleName()
                    + " document (" + firstLine(e.getMessage()) + ")");
        }
    }

    public static <T> T read(Exchange exchange, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(exchange.response().body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw exchange.unexpected("a body that does not match the expected document ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    /** A response together with the request it answers, so that later failures can name the request. */
    public record Exchange(Call call, TransportResponse response) {
        /** The body parsed as JSON. */
        public JsonNode tree() {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw unexpected("a body that is not JSON");
            }
        }

        ChefUnexpectedResponseException unexpected(String what) {
            return new ChefUnexpectedResponseException(call.method(), call.target(), response.status(),
                    ErrorMapper.excerpt(response.body()), call.method() + " " + call.target() + " answered "
                    + response.status() + " with " + what + ": " + ErrorMapper.excerpt(response.body()));
        }
    }

    /**
     * Sends a call, retrying what is safe to retry, and returns the successful exchange.
     *
     * @throws dev.galley.chef.ChefApiException       for an error status (typed for 401/403/404/409/412)
     * @throws ChefUnexpectedResponseException        for an answer that is not the Chef API's JSON
     * @throws ChefTransportException                 when no answer came back
     */
    public Exchange execute(Call call) {
        String requestId = requestId();
        boolean idempotent = !call.method().equals("POST");
        boolean renegotiated = false;
        for (int attempt = 1; ; attempt++) {
            int version = call.apiVersion().orElseGet(versions::current);
            Instant sentAt = signer.now();
            TransportRequest request = prepare(call, version, requestId);
            long started = System.nanoTime();
            TransportResponse response;
            try {
                response = transport.send(request);
            } catch (IOException e) {
                ChefTransportException failure = transportFailure(call, e, attempt);
                if (idempotent && attempt < retry.maxAttempts() && failure.fault() == Fault.UNAVAILABLE
                        && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) {
                    log.debug("{} {} failed ({}), retrying", call.method(), call.target(), e.toString());
                    pause(call, jitter(retry.backoff(attempt)), attempt);
                    continue;
                }
                throw failure;
            }
            log.debug("{} {} -> {} in {} ms (attempt {}, API v{})", call.method(), call.target(), response.status(),
                    (System.nanoTime() - started) / 1_000_000, attempt, version);
            versions.observe(version, response.header(API_VERSION_HEADER));
            int status = response.status();
            if (status == 406 && !renegotiated && call.apiVersion().isEmpty()) {
                Optional<Integer> next = versions.renegotiate(version, response.header(API_VERSION_HEADER),
                        ErrorMapper.parse(response.body()));
                if (next.isPresent()) {
                    renegotiated = true;
                    attempt--; // a version change is not a retry
                    continue;
                }
            }
            if (idempotent && retryable(status) && attempt < retry.maxAttempts()) {
                Optional<Duration> asked = retryAfter(response);
                if (asked.isEmpty() || asked.get().compareTo(retry.maxRetryAfter()) <= 0) {
                    Duration backoff = jitter(retry.backoff(attempt));
                    pause(call, asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff), attempt);
                    continue;
                }
            }
            Exchange exchange = new Exchange(call, response);
            if (status >= 400) {
                throw errors.map(call, response, attempt, sentAt);
            }
            if (status >= 300) {
                throw exchange.unexpected("a redirect to " + response.header("Location").orElse("nowhere")
                        + " (set chef_server_url to the address the server redirects to)");
            }
            if (call.expectJson() && status != 204) {
                errors.checkJson(exchange);
            }
            return exchange;
        }
    }

    /** A correlation id for the server's logs; not a secret, so no SecureRandom (which costs a syscall). */
    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong() & ~0xF000L | 0x4000L, r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                .toString();
    }

    private TransportRequest prepare(Call call, int version, String requestId) {
        SignedHeaders signed = signer.sign(call.method(), call.target().getRawPath(), call.body(), version);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Chef-Version", chefVersionHeader);
        headers.put("X-REMOTE-REQUEST-ID", requestId);
        if (call.body().length > 0) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(signed.headers());
        return new TransportRequest(call.method(), call.target(), headers, call.body(), readTimeout);
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private static Optional<Duration> retryAfter(TransportResponse response) {
        return response.header("Retry-After").flatMap(v -> {
            String t = v.strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(t))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant when = ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(Instant.now(), when);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Duration jitter(Duration backoff) {
        long ms = backoff.toMillis();
        return Duration.ofMillis(ms / 2 + (ms > 1 ? ThreadLocalRandom.current().nextLong(ms / 2 + 1) : 0));
    }

    private static void pause(Call call, Duration wait, int attempt) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChefTransportException(Fault.UNAVAILABLE, call.method(), call.target(), attempt,
                    call.method() + " " + call.target() + " was interrupted while waiting to retry", e);
        }
    }

    private ChefTransportException transportFailure(Call call, IOException e, int attempt) {
        String where = call.method() + " " + call.target();
        String after = attempt > 1 ? " (after " + attempt + " attempts)" : "";
        if (e instanceof UnknownHostException) {
            return new ChefTransportException(Fault.BAD_INPUT, call.method(), call.target(), attempt, where
                    + ": cannot resolve host '" + call.target().getHost() + "': check chef_server_url", e);
        }
        if (e instanceof SSLHandshakeException && rootCause(e).getClass().getName().contains("CertPath")
                || e instanceof SSLHandshakeException && String.valueOf(e.getMessage()).contains("PKIX")) {
            return new ChefTransportException(Fault.BAD_INPUT, call.method(), call.target(), attempt, where
                    + ": the server's TLS certificate is not trusted: run 'galley ssl fetch' to review and trust it, "
                    + "or add its CA to trusted_certs_dir (~/.chef/trusted_certs) or ssl_ca_file", e);
        }
        if (e instanceof SSLException) {
            return new ChefTransportException(Fault.BAD_INPUT, call.method(), call.target(), attempt, where
                    + ": TLS failed (" + firstLine(e.getMessage()) + "): check that the server speaks "
                    + call.target().getScheme() + " on that port", e);
        }
        if (e instanceof ConnectException) {
            return new ChefTransportException(Fault.UNAVAILABLE, call.method(), call.target(), attempt, where
                    + ": connection refused" + after + ": is the Chef server running and is chef_server_url right?", e);
        }
        if (e instanceof SocketTimeoutException) {
            boolean connect = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
            return new ChefTransportException(Fault.UNAVAILABLE, call.method(), call.target(), attempt, where
                    + (connect ? ": no connection within the connect timeout" : ": no answer within the read timeout of "
                    + readTimeout.toSeconds() + " s") + after + " (raise rest_timeout if the server is just slow)", e);
        }
        if (e instanceof NoRouteToHostException || e instanceof SocketException) {
            return new ChefTransportException(Fault.UNAVAILABLE, call.method(), call.target(), attempt, where
                    + ": the connection failed: " + firstLine(e.getMessage()) + after, e);
        }
        return new ChefTransportException(Fault.UNAVAILABLE, call.method(), call.target(), attempt, where
                + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + after, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    @Override
    public void close() {
        transport.close();
    }
}
