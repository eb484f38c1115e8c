package dev.galley.chef.internal.cookbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.ChefException;
import dev.galley.chef.ChefForbiddenException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.ChefServerUrl;
import dev.galley.chef.ChefTransportException;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.internal.ChefHttp;
import dev.galley.chef.internal.Json;
import dev.galley.chef.spi.TransportResponse;
import dev.galley.core.Fault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves cookbook file contents to and from the URLs a Chef server hands out (sandbox upload URLs, file URLs in a
 * manifest), with the client's transport, retries of these idempotent PUTs and GETs, and errors that name the file.
 *
 * <p>Those URLs are erchef's pre-signed bookshelf/S3 URLs or goiardi's {@code /file_store}. A Chef signature means
 * nothing to S3 and must not be handed to a third party, so only an upload to a URL under {@code chef_server_url}
 * is signed, as Chef's uploader signs every PUT it sends there; downloads are never signed. Query strings of these
 * URLs hold the pre-signature, so messages and logs leave them out.</p>
 */
final class FileTransfers {
    private static final Logger log = LoggerFactory.getLogger(FileTransfers.class);
    private static final int EXCERPT = 200;

    private final ChefHttp http;

    FileTransfers(ChefHttp http) {
        this.http = http;
    }

    /** Uploads one file's content as Chef does: raw bytes, application/x-binary, Content-MD5 of the checksum. */
    void upload(URI url, byte[] content, String checksum, String what) {
        boolean sign = underChefServerUrl(url, http.server());
        send("PUT", url, content, what, () -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            headers.put("Content-Type", "application/x-binary");
            headers.put("Content-MD5", Checksums.contentMd5(checksum));
            if (sign) {
                headers.putAll(http.signer().sign("PUT", url.getRawPath(), content, http.versions().current())
                        .headers());
            }
            return headers;
        });
    }

    /** Downloads one file's content, unsigned. */
    byte[] download(URI url, String what) {
        return send("GET", url, new byte[0], what, Map::of).body();
    }

    private TransportResponse send(String method, URI url, byte[] body, String what,
            Supplier<Map<String, String>> headers) {
        String scheme = String.valueOf(url.getScheme());
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https") || url.getHost() == null) {
            throw new ChefException(Fault.UNAVAILABLE, "the server gave a " + scheme + ": URL for " + what
                    + ", not an http(s) one: refusing to use it; the server's answer is corrupt or its file store "
                    + "is misconfigured");
        }
        RetryPolicy retry = http.retryPolicy();
        String where = method + " " + redact(url) + " (" + what + ")";
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.maxAttempts();
            String after = attempt > 1 ? " (after " + attempt + " attempts)" : "";
            TransportResponse response;
            try {
                // Built per attempt: a signature holds a timestamp.
                response = http.sendDirect(method, url, headers.get(), body);
            } catch (IOException e) {
                boolean interrupted = e instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
                if (!last && !interrupted) {
                    log.debug("{} failed ({}), retrying", where, e.toString());
                    pause(where, url, method, attempt, backoff(retry, attempt));
                    continue;
                }
                throw new ChefTransportException(Fault.UNAVAILABLE, method, redact(url), attempt, where + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
                        + after + ": check the network path to the server's file store", e);
            }
            int status = response.status();
            log.debug("{} -> {} (attempt {})", where, status, attempt);
            if (status >= 200 && status < 300) {
                return response;
            }
            if (!last && retryable(status)) {
                Optional<Duration> asked = retryAfter(response);
                if (asked.isEmpty() || asked.get().compareTo(retry.maxRetryAfter()) <= 0) {
                    Duration backoff = backoff(retry, attempt);
                    pause(where, url, method, attempt, asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff));
                    continue;
                }
            }
            throw failure(method, url, where, response, after);
        }
    }

    private static ChefApiException failure(String method, URI url, String where, TransportResponse response,
            String after) {
        int status = response.status();
        String excerpt = excerpt(response.body());
        List<String> messages = serverMessages(response.body());
        String said = messages.isEmpty() ? (excerpt.isEmpty() ? "" : ": " + excerpt) : ": " + String.join("; ", messages);
        String advice = method.equals("PUT")
                ? "; run the upload again, and if it keeps failing check the server's file store (bookshelf or S3)"
                : "; the server's file store may have lost this file: re-upload the cookbook";
        String message = where + " answered " + status + said + after + advice;
        URI shown = redact(url);
        return switch (status) {
            case 403 -> new ChefForbiddenException(method, shown, messages, excerpt, message);
            case 404 -> new ChefNotFoundException(method, shown, messages, excerpt, message);
            default -> new ChefApiException(method, shown, status, messages, excerpt, message);
        };
    }

    /** Whether a URL lies under the organization's chef_server_url (same scheme, host, port and path prefix). */
    static boolean underChefServerUrl(URI url, ChefServerUrl server) {
        URI base = server.url();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return base.getScheme().equalsIgnoreCase(String.valueOf(url.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
                && port(base) == port(url)
                && path.startsWith(basePath + "/");
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The URL without its query (a pre-signature) and user info, fit for messages and logs. */
    static URI redact(URI url) {
        String port = url.getPort() >= 0 ? ":" + url.getPort() : "";
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return URI.create(url.getScheme() + "://" + url.getHost() + port + path);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500 && status != 501;
    }

    private static Optional<Duration> retryAfter(TransportResponse response) {
        return response.header("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip()))));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    private static Duration backoff(RetryPolicy retry, int attempt) {
        long ms = retry.backoff(attempt).toMillis();
        return Duration.ofMillis(ms / 2 + (ms > 1 ? ThreadLocalRandom.current().nextLong(ms / 2 + 1) : 0));
    }

    private static void pause(String where, URI url, String method, int attempt, Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChefTransportException(Fault.UNAVAILABLE, method, redact(url), attempt, where
                    + " was interrupted while waiting to retry", e);
        }
    }

    private static List<String> serverMessages(byte[] body) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode doc = Json.MAPPER.readTree(body);
            JsonNode error = doc == null ? null : doc.path("error");
            if (error != null && error.isArray()) {
                error.forEach(e -> out.add(e.asText()));
            } else if (error != null && error.isTextual()) {
                out.add(error.asText());
            }
        } catch (IOException notJson) {
            // S3 answers XML, proxies HTML: the excerpt shows those.
        }
        return out;
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, EXCERPT * 2), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "..." : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
