package dev.galley.chef.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response, read completely: Chef API answers are JSON documents of bounded size.
 *
 * @param status  the HTTP status code
 * @param headers header values by name (looked up without regard to case)
 * @param body    the body bytes, empty for none
 */
public record TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public TransportResponse {
        TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                ci.put(k, List.copyOf(v));
            }
        });
        headers = java.util.Collections.unmodifiableMap(ci);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
    }

    /** The media type without parameters, lower case ("application/json"), or "" when absent. */
    public String mediaType() {
        return header("Content-Type").map(t -> {
            int semi = t.indexOf(';');
            return (semi >= 0 ? t.substring(0, semi) : t).strip().toLowerCase(Locale.ROOT);
        }).orElse("");
    }
}
