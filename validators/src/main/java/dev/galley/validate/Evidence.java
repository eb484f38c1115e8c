package dev.galley.validate;

import java.time.Instant;
import java.util.Objects;

/**
 * What a check looked at to reach its result: where it asked, what it asked, and the raw answer.
 *
 * @param source "dns", "ssh", "chef", "mysql", ...
 * @param query  what was asked ("legacy.example. CNAME @10.0.0.1:53 RD=0", "systemctl is-active nginx on web1")
 * @param raw    the answer as received, shortened when long; never a secret
 * @param at     when
 */
public record Evidence(String source, String query, String raw, Instant at) {
    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(query, "query");
        raw = raw == null ? "" : raw.length() > 4000 ? raw.substring(0, 4000) + "..." : raw;
        Objects.requireNonNull(at, "at");
    }
}
