package dev.galley.validate;

import java.util.Objects;
import java.util.Optional;

/**
 * A decision to accept a failing check, as kubeadm's ignore list: by check id, optionally for one target, always
 * with a reason that the report shows.
 *
 * @param checkId the check's id
 * @param target  the one target it applies to, or empty for all of that check's targets
 * @param reason  why, in the waiver's author's words
 */
public record Waiver(String checkId, Optional<String> target, String reason) {
    public Waiver {
        Objects.requireNonNull(checkId, "checkId");
        target = target == null ? Optional.empty() : target;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver of " + checkId + " needs a reason");
        }
    }

    public boolean appliesTo(CheckResult r) {
        return r.id().equals(checkId) && target.map(t -> t.equals(r.target())).orElse(true);
    }
}
