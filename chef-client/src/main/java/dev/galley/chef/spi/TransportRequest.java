package dev.galley.chef.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request, fully prepared (signed) by the client; a transport sends it as it is.
 *
 * @param method      GET, HEAD, PUT, POST or DELETE
 * @param uri         the absolute URL
 * @param headers     the headers to send, in order
 * @param body        the exact bytes to send; empty for none
 * @param readTimeout how long to wait for the response once connected
 */
public record TransportRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration readTimeout) {

    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    @Override
    public String toString() {
        // Headers carry signatures: never print them.
        return method + " " + uri + " (" + body.length + " bytes)";
    }
}
