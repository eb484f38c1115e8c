package dev.galley.knife;

import dev.galley.core.GalleyException;
import java.util.Locale;

/**
 * knife's {@code -F/--format} values; knife also takes their first letter ({@code -Fj}).
 */
public enum OutputFormat {
    /** For people: knife's "summary" layout (keys sorted and aligned, nested values indented). */
    SUMMARY,
    /** knife's "text": the same layout as summary for generic data. */
    TEXT,
    /** The server's JSON, pretty-printed, unchanged: for scripts. */
    JSON,
    /** The same data as YAML. */
    YAML;

    /** Parses "summary", "json", ... or their first letter, in any case. */
    public static OutputFormat parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (name.equals(t) || (t.length() == 1 && name.charAt(0) == t.charAt(0))) {
                return f;
            }
        }
        throw GalleyException.badInput("unknown output format '" + text + "': use summary, text, json or yaml");
    }
}
