package dev.galley.chef.internal.databag;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plaintext of version 0: Ruby's {@code value.to_yaml}, read back as JSON-like Java values (maps, lists,
 * strings, numbers, booleans, null) as Chef's {@code YAML.load} reads it.
 *
 * <p>Walks the parser's tokens instead of data-binding them because Ruby's YAML has two things Jackson's
 * binding does not: strings tagged {@code !binary} (Base64 of the bytes, which Ruby writes for text it does not
 * know to be UTF-8, and Syck for any non-ASCII text) and the floats {@code .inf} and {@code .nan}.</p>
 */
final class LegacyYaml {
    // An empty plain scalar ("--- \n", Ruby's nil) is null in YAML; a quoted one ('') stays a string.
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private LegacyYaml() {
    }

    /** The value; {@link NotChefPlaintext} if the bytes are not a YAML document as Ruby writes one. */
    static Object read(byte[] plaintext) throws NotChefPlaintext {
        // Every to_yaml (Syck's and Psych's) starts with the document marker; random bytes from a wrong secret
        // that passed the padding check do not.
        if (plaintext.length < 3 || plaintext[0] != '-' || plaintext[1] != '-' || plaintext[2] != '-') {
            throw new NotChefPlaintext();
        }
        try (JsonParser p = YAML.createParser(plaintext)) {
            JsonToken first = p.nextToken();
            return first == null ? null : value(p, first);
        } catch (IOException | RuntimeException e) {
            // Not chained: the parser's message quotes the decrypted text.
            throw new NotChefPlaintext();
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken()));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    l.add(value(p, t));
                }
                yield l;
            }
            case VALUE_STRING -> isBinary(p.getTypeId()) ? utf8(ChefBase64.decode64(p.getText())) : p.getText();
            case VALUE_EMBEDDED_OBJECT -> p.getEmbeddedObject() instanceof byte[] b ? utf8(b) : p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> decimal(p);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** Psych and Syck write the local tag "!binary" (Jackson reports it without the "!"); YAML 1.1 "!!binary". */
    private static boolean isBinary(Object tag) {
        return "binary".equals(tag) || "tag:yaml.org,2002:binary".equals(tag);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Exact decimals as the JSON side reads them; YAML's infinities and NaN as the doubles Ruby makes of them. */
    private static Object decimal(JsonParser p) throws IOException {
        String text = p.getText();
        return switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN" -> Double.NaN;
            default -> p.getDecimalValue();
        };
    }
}
