package dev.galley.chef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that authenticate one Chef request, in the order mixlib-authentication produces them.
 *
 * @param headers header name to value; {@code toString()} leaves out the signature values
 */
public record SignedHeaders(Map<String, String> headers) {

    public SignedHeaders {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SignedHeaders[");
        headers.forEach((k, v) -> b.append(k).append('=')
                .append(k.startsWith("X-Ops-Authorization-") ? "(signature)" : v).append(", "));
        if (!headers.isEmpty()) {
            b.setLength(b.length() - 2);
        }
        return b.append(']').toString();
    }
}
