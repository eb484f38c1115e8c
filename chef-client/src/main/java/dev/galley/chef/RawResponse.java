package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A successful answer to a raw request.
 *
 * @param status  the HTTP status
 * @param headers the answer's headers
 * @param body    the body bytes
 */
public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the answer is not JSON", e);
        }
    }
}
