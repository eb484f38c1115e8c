package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ApiVersionRange;
import dev.galley.chef.ChefException;
import dev.galley.core.Fault;
import java.util.Optional;

/**
 * Chooses the {@code X-Ops-Server-API-Version} to send to one server, as Chef does: start with the highest this
 * client speaks, learn the server's range from every answer's header, and on a 406 step to the best common version
 * and try once more.
 *
 * <p>A server that answers version 2 without the header (goiardi does) gets version 1 from then on, the version
 * every versioned Chef server and goiardi accept. The client never steps below 1 without a header saying so: a
 * server that never sends one ignores the version anyway, and one header-less answer (an error page, a proxy, a
 * path goiardi does not know) must not push the client to the v0 forms of clients and users.</p>
 */
public final class ApiVersionNegotiator {
    /** The lowest version sent without a header that says the server wants less. */
    static final int UNVERSIONED_FLOOR = 1;

    private volatile ApiVersionRange serverRange;
    private volatile int ceiling = ApiVersionRange.CLIENT.max();
    /** The last header text seen and what it said: servers send the same header on every answer. */
    private volatile Parsed lastHeader = new Parsed("", Optional.empty());

    private record Parsed(String text, Optional<ApiVersionRange> range) {
    }

    /** The version for the next request. */
    public int current() {
        ApiVersionRange server = serverRange;
        if (server != null) {
            return Math.min(server.max(), ApiVersionRange.CLIENT.max());
        }
        return ceiling;
    }

    /** The server's range once known. */
    public Optional<ApiVersionRange> serverRange() {
        return Optional.ofNullable(serverRange);
    }

    /** Learns from one answer's header value (or its absence) to a request sent with {@code sent}. */
    public void observe(int sent, Optional<String> header) {
        Optional<ApiVersionRange> range = header.flatMap(this::cachedParse);
        if (range.isPresent()) {
            serverRange = range.get();
        } else if (serverRange == null && sent > UNVERSIONED_FLOOR && sent == ceiling) {
            ceiling = sent - 1;
        }
    }

    /**
     * Handles a 406: learns the range from the header or the error body and says which version to retry with.
     *
     * @return the version to try next, or empty when none is common (the caller reports the 406)
     */
    public Optional<Integer> renegotiate(int sent, Optional<String> header, JsonNode body) {
        Optional<ApiVersionRange> range = header.flatMap(ApiVersionNegotiator::parseHeader)
                .filter(r -> r.max() >= 0)
                .or(() -> rangeFrom(body, "min_version", "max_version"));
        if (range.isEmpty()) {
            return Optional.empty();
        }
        serverRange = range.get();
        int next = Math.min(range.get().max(), ApiVersionRange.CLIENT.max());
        if (next < Math.max(range.get().min(), ApiVersionRange.CLIENT.min()) || next == sent) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** Checks a version a caller pins (e.g. 0 for the v0-only client re-register call) against what is known. */
    public void requireSupported(int version) {
        ApiVersionRange server = serverRange;
        if (server != null && !server.contains(version)) {
            throw new ChefException(Fault.BAD_INPUT, "this operation needs server API version " + version
                    + " but the server supports " + server);
        }
    }

    private Optional<ApiVersionRange> cachedParse(String value) {
        Parsed last = lastHeader;
        if (!last.text().equals(value)) {
            last = new Parsed(value, parseHeader(value));
            lastHeader = last;
        }
        return last.range();
    }

    /** The range in erchef's 406 error document ({"min_version": 0, "max_version": 2, ...}). */
    static Optional<ApiVersionRange> rangeFrom(JsonNode errorDocument) {
        return rangeFrom(errorDocument, "min_version", "max_version");
    }

    static Optional<ApiVersionRange> parseHeader(String value) {
        try {
            return rangeFrom(Json.MAPPER.readTree(value), "min_version", "max_version");
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<ApiVersionRange> rangeFrom(JsonNode node, String minKey, String maxKey) {
        if (node == null || !node.has(minKey) || !node.has(maxKey)) {
            return Optional.empty();
        }
        try {
            int min = Integer.parseInt(node.get(minKey).asText().strip());
            int max = Integer.parseInt(node.get(maxKey).asText().strip());
            return min >= 0 && max >= min ? Optional.of(new ApiVersionRange(min, max)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
