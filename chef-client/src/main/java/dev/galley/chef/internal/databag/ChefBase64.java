package dev.galley.chef.internal.databag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64 as Ruby's {@code Base64.encode64} writes it and {@code Base64.decode64} reads it, so that Chef and knife
 * find in Galley's items exactly what they write themselves.
 */
public final class ChefBase64 {
    // encode64 is pack("m"): 45 bytes (60 characters) per line, every line ended by "\n", the last one too.
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(60, new byte[] {'\n'});

    private ChefBase64() {
    }

    public static String encode64(byte[] bytes) {
        return bytes.length == 0 ? "" : LINES.encodeToString(bytes) + "\n";
    }

    /**
     * Decodes ignoring line breaks and other characters outside the alphabet, as Ruby does.
     *
     * @throws IllegalArgumentException if the padding is wrong
     */
    public static byte[] decode64(String text) {
        return Base64.getMimeDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
    }
}
