package dev.galley.validate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds check results fluently: {@code check.result("web1").expected("active").observed("failed")
 * .evidence(...).fail("start nginx: systemctl start nginx")}.
 */
public final class Results {
    private Results() {
    }

    public static Builder of(Check check, String target) {
        return new Builder(check, target);
    }

    /** A result under construction. */
    public static final class Builder {
        private final Check check;
        private final String target;
        private String expected = "";
        private String observed = "";
        private final List<Evidence> evidence = new ArrayList<>();
        private Optional<Instant> passesAt = Optional.empty();

        Builder(Check check, String target) {
            this.check = check;
            this.target = target;
        }

        public Builder expected(String text) {
            this.expected = text;
            return this;
        }

        public Builder observed(String text) {
            this.observed = text;
            return this;
        }

        public Builder evidence(Evidence e) {
            evidence.add(e);
            return this;
        }

        public Builder evidence(String source, String query, String raw) {
            return evidence(new Evidence(source, query, raw, Instant.now()));
        }

        /** For a check that time will fix: when it will pass. */
        public Builder passesAt(Instant when) {
            this.passesAt = Optional.of(when);
            return this;
        }

        public CheckResult pass() {
            return build(CheckStatus.PASS, "");
        }

        public CheckResult fail(String remediation) {
            return build(CheckStatus.FAIL, remediation);
        }

        public CheckResult warn(String remediation) {
            return build(CheckStatus.WARN, remediation);
        }

        public CheckResult skip(String why) {
            return build(CheckStatus.SKIP, why);
        }

        public CheckResult error(String remediation) {
            return build(CheckStatus.ERROR, remediation);
        }

        private CheckResult build(CheckStatus status, String remediation) {
            return new CheckResult(check.id(), target, check.title(), check.category(), check.severity(), status,
                    expected, observed, evidence, remediation, null, passesAt, Optional.empty());
        }
    }
}
