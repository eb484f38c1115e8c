package dev.galley.chef.internal;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Builds Chef API paths and query strings with every name percent-encoded, so a name can never change the path.
 */
public final class Paths {
    private Paths() {
    }

    /** "/nodes/web%201" from ("nodes", "web 1"). */
    public static String of(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("a Chef object name must not be empty");
            }
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("'" + s + "' is not a Chef object name");
            }
            b.append('/').append(encode(s, false));
        }
        return b.toString();
    }

    /** "q=role%3Aweb&rows=1000" from alternating names and values; null values are left out. */
    public static String query(Object... namesAndValues) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                j.add(encode(namesAndValues[i].toString(), true) + "=" + encode(namesAndValues[i + 1].toString(), true));
            }
        }
        return j.toString();
    }

    /** Percent-encodes all but RFC 3986 unreserved characters (and ':' '@' in path segments, as Chef names use). */
    public static String encode(String text, boolean inQuery) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (!inQuery && (c == ':' || c == '@'));
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
