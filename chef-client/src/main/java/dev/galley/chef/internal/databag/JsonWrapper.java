package dev.galley.chef.internal.databag;

import dev.galley.chef.internal.Json;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;

/**
 * The plaintext of versions 1 to 3: {@code {"json_wrapper":value}} in compact UTF-8 JSON, as Chef writes it with
 * {@code FFI_Yajl::Encoder.encode(json_wrapper: value)}, so that any JSON value (a bare string or number too)
 * makes a JSON document.
 */
final class JsonWrapper {
    private static final String KEY = "json_wrapper";

    private JsonWrapper() {
    }

    static byte[] wrap(Object value) {
        // singletonMap, not Map.of: null is a value Chef encrypts too.
        return Json.bytes(Collections.singletonMap(KEY, value));
    }

    /** The wrapped value; {@link NotChefPlaintext} if the bytes are not a JSON object with a json_wrapper. */
    static Object unwrap(byte[] plaintext) throws NotChefPlaintext {
        Object doc;
        try {
            doc = Json.MAPPER.readValue(plaintext, Object.class);
        } catch (IOException e) {
            // Not chained: Jackson quotes the source, here the decrypted bytes.
            throw new NotChefPlaintext();
        }
        if (doc instanceof Map<?, ?> m && m.containsKey(KEY)) {
            return m.get(KEY);
        }
        throw new NotChefPlaintext();
    }
}
