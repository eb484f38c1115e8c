package dev.galley.validate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one check for one target. A failed check is a result, not an exception; every FAIL, WARN and
 * ERROR says what to do.
 *
 * @param id          the check's stable id ("DNS-AUTH-TTL")
 * @param target      what was checked ("legacy.example.com/CNAME@ns1:53", "web1", "db-new:3306")
 * @param title       what the check asks, in words
 * @param category    "chef", "host", "dns", "lb", "forwarder", "mysql", "mongo", "converge"
 * @param severity    how much a failure matters
 * @param status      the outcome
 * @param expected    what ready looks like ("ttl <= 60")
 * @param observed    what was found ("ttl = 3600")
 * @param evidence    what was looked at
 * @param remediation what to do (empty for a PASS)
 * @param duration    how long the check took
 * @param passesAt    for a check that time will fix (TTL ageing), when it will pass
 * @param waiver      the waiver applied to it, if one was
 */
public record CheckResult(String id, String target, String title, String category, Severity severity,
        CheckStatus status, String expected, String observed, List<Evidence> evidence, String remediation,
        Duration duration, Optional<Instant> passesAt, Optional<Waiver> waiver) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        title = title == null ? id : title;
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        remediation = remediation == null ? "" : remediation;
        duration = duration == null ? Duration.ZERO : duration;
        passesAt = passesAt == null ? Optional.empty() : passesAt;
        waiver = waiver == null ? Optional.empty() : waiver;
        if ((status == CheckStatus.FAIL || status == CheckStatus.ERROR) && remediation.isBlank()) {
            throw new IllegalArgumentException(id + " for " + target + ": a " + status + " must say what to do");
        }
    }

    /** Whether this result stops a GO: a FAIL of a blocking severity, not waived, or an ERROR of one. */
    public boolean blocking() {
        return severity.blocking() && waiver.isEmpty() && (status == CheckStatus.FAIL || status == CheckStatus.ERROR);
    }

    public CheckResult withDuration(Duration d) {
        return new CheckResult(id, target, title, category, severity, status, expected, observed, evidence,
                remediation, d, passesAt, waiver);
    }

    /** This result with a waiver applied: a FAIL becomes a WARN that still shows who waived it and why. */
    public CheckResult waived(Waiver w) {
        CheckStatus s = status == CheckStatus.FAIL ? CheckStatus.WARN : status;
        return new CheckResult(id, target, title, category, severity, s, expected, observed, evidence, remediation,
                duration, passesAt, Optional.of(w));
    }
}
