package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.galley.chef.ApiVersionRange;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.ChefConflictException;
import dev.galley.chef.ChefForbiddenException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.ChefPreconditionFailedException;
import dev.galley.chef.ChefUnauthorizedException;
import dev.galley.chef.ChefUnexpectedResponseException;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.spi.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns error answers into typed exceptions in one place, each with one line saying what happened, where, and
 * what to do: the server's own messages, clock skew on a 401, HTML pages and empty bodies named as such.
 */
final class ErrorMapper {
    /** Chef servers refuse signatures timestamped more than 15 minutes from their clock. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);
    private static final int EXCERPT = 200;
    /** A PEM private key, also when cut off before its END line, in JSON ("\\n") or raw form. */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern ORGANIZATION = Pattern.compile("/organizations/([^/]+)");

    private final RequestSigner signer;

    ErrorMapper(RequestSigner signer) {
        this.signer = signer;
    }

    ChefApiException map(ChefHttp.Call call, TransportResponse response, int attempts, Instant sentAt) {
        int status = response.status();
        String where = call.method() + " " + call.target();
        String excerpt = excerpt(response.body());
        if (isHtml(response)) {
            String msg = where + " answered " + status + " with an HTML page, not a Chef API error: check "
                    + "chef_server_url" + organization(call.target()).map(o -> " and its organization '" + o
                    + "' (does it exist, is it spelled right?)").orElse("") + "; the URL may also point at a web "
                    + "server or proxy rather than the Chef API";
            return status == 404 ? new ChefNotFoundException(call.method(), call.target(), List.of(), excerpt, msg)
                    : new ChefUnexpectedResponseException(call.method(), call.target(), status, excerpt, msg);
        }
        List<String> messages = messages(parse(response.body()));
        String server = messages.isEmpty() ? (excerpt.isBlank() ? "" : ": " + excerpt) : ": " + String.join("; ", messages);
        String head = where + " answered " + status + " " + reason(status) + server;
        String after = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        return switch (status) {
            case 401 -> unauthorized(call, response, messages, excerpt, head, sentAt);
            case 403 -> new ChefForbiddenException(call.method(), call.target(), messages, excerpt, head
                    + " ('" + signer.userId() + "' may not do this: use a key with the rights, or ask an administrator)");
            case 404 -> new ChefNotFoundException(call.method(), call.target(), messages, excerpt, head);
            case 409 -> new ChefConflictException(call.method(), call.target(), messages, excerpt, head);
            case 412 -> new ChefPreconditionFailedException(call.method(), call.target(), messages, excerpt, head);
            case 413 -> new ChefApiException(call.method(), call.target(), status, messages, excerpt, head
                    + " (the server refused a body of " + call.body().length + " bytes as too large)");
            case 405 -> new ChefApiException(call.method(), call.target(), status, messages, excerpt, head
                    + " (this server does not support " + call.method() + " here)");
            case 406 -> new ChefApiException(call.method(), call.target(), status, messages, excerpt, head
                    + noCommonVersion(call, response));
            default -> new ChefApiException(call.method(), call.target(), status, messages, excerpt,
                    head + (status >= 500 ? after : ""));
        };
    }

    /** Names both sides' versions: the server's from its header or error document, Galley's or the call's pin. */
    private static String noCommonVersion(ChefHttp.Call call, TransportResponse response) {
        String server = response.header(ChefHttp.API_VERSION_HEADER).flatMap(ApiVersionNegotiator::parseHeader)
                .or(() -> ApiVersionNegotiator.rangeFrom(parse(response.body())))
                .map(r -> "the server speaks " + r).orElse("the server did not say which it speaks");
        if (call.apiVersion().isPresent()) {
            return " (this operation needs server API version " + call.apiVersion().getAsInt() + " and " + server
                    + ": it cannot be done on this server)";
        }
        return " (no server API version in common: " + server + ", Galley speaks " + ApiVersionRange.CLIENT
                + ": use a Chef server release that supports one of Galley's versions)";
    }

    private static Optional<String> organization(URI target) {
        Matcher m = ORGANIZATION.matcher(target.getRawPath() == null ? "" : target.getRawPath());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private ChefUnauthorizedException unauthorized(ChefHttp.Call call, TransportResponse response,
            List<String> messages, String excerpt, String head, Instant sentAt) {
        Optional<Instant> serverTime = response.header("Date").flatMap(ErrorMapper::httpDate);
        Duration skew = serverTime.map(t -> Duration.between(sentAt, t)).orElse(null);
        String advice;
        if (skew != null && skew.abs().compareTo(ALLOWED_SKEW.minusMinutes(1)) >= 0) {
            advice = " (this machine's clock is " + describe(skew) + " the server's, and Chef servers refuse "
                    + "signatures more than 15 minutes off: set the clock right, e.g. with NTP)";
        } else {
            advice = " (the server did not accept the signature of '" + signer.userId() + "' made with the key from "
                    + signer.key().source() + ": check that the key belongs to that user or client"
                    + (skew != null && skew.abs().getSeconds() > 60 ? "; note the clocks also differ by "
                    + skew.abs().getSeconds() + " s" : "") + ")";
        }
        return new ChefUnauthorizedException(call.method(), call.target(), messages, excerpt, head + advice, skew);
    }

    private static String describe(Duration skew) {
        long minutes = Math.round(skew.abs().getSeconds() / 60.0);
        return minutes + (minutes == 1 ? " minute " : " minutes ") + (skew.isNegative() ? "ahead of" : "behind");
    }

    /** Fails a 2xx answer that should carry JSON but does not. */
    void checkJson(ChefHttp.Exchange exchange) {
        TransportResponse r = exchange.response();
        ChefHttp.Call call = exchange.call();
        if (r.body().length == 0) {
            throw unimplemented(exchange, "JSON");
        }
        if (isHtml(r)) {
            throw new ChefUnexpectedResponseException(call.method(), call.target(), r.status(), excerpt(r.body()),
                    call.method() + " " + call.target() + " answered " + r.status() + " with an HTML page instead of "
                            + "the Chef API's JSON: chef_server_url probably points at a web page or a proxy");
        }
        if (!startsLikeJson(r.body())) {
            throw exchange.unexpected("a body that is not JSON");
        }
    }

    /** A cheap look at the first byte: the body is parsed once, later, by whoever reads it. */
    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f'
                    || b == 'n';
        }
        return false;
    }

    /** goiardi's answer to a path it does not know: 200 and nothing else. */
    static boolean isUnimplemented(TransportResponse r) {
        return r.status() == 200 && r.body().length == 0 && r.header("Content-Type").isEmpty();
    }

    /** Names an empty answer where the Chef API sends {@code what} as the mark of an unimplemented endpoint. */
    static ChefUnexpectedResponseException unimplemented(ChefHttp.Exchange exchange, String what) {
        TransportResponse r = exchange.response();
        ChefHttp.Call call = exchange.call();
        return new ChefUnexpectedResponseException(call.method(), call.target(), r.status(), "",
                call.method() + " " + call.target() + " answered " + r.status() + " with an empty body where the "
                        + "Chef API sends " + what + ": this server does not implement " + call.target().getRawPath()
                        + " (goiardi answers every path it does not know this way), or chef_server_url is wrong");
    }

    private static boolean isHtml(TransportResponse r) {
        if (r.mediaType().equals("text/html")) {
            return true;
        }
        String start = new String(r.body(), 0, Math.min(r.body().length, 64), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The body as JSON, or a missing node when it is not JSON. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n == null ? MissingNode.getInstance() : n;
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /** Chef error documents: {"error": ["..."]}, {"error": "..."}, erchef's {"error": "code", "message": "..."}. */
    static List<String> messages(JsonNode doc) {
        List<String> out = new ArrayList<>();
        JsonNode error = doc.path("error");
        if (error.isArray()) {
            error.forEach(e -> out.add(e.isTextual() ? e.asText() : e.toString()));
        } else if (error.isTextual() && !doc.has("message")) {
            out.add(error.asText());
        }
        if (doc.path("message").isTextual()) {
            out.add(doc.path("message").asText());
        }
        if (out.isEmpty() && doc.path("error_messages").isArray()) {
            doc.path("error_messages").forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /**
     * The start of a body for messages, with private keys cut out: a create answer the client cannot read (cut
     * short, say) may hold the only copy of a new key, and messages end up in logs and terminals.
     */
    static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, EXCERPT * 2), StandardCharsets.UTF_8);
        s = PRIVATE_KEY.matcher(s).replaceAll("(private key removed)").replaceAll("\\s+", " ").strip();
        return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "..." : s;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
