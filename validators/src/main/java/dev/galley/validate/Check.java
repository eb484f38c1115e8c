package dev.galley.validate;

import java.time.Duration;
import java.util.List;

/**
 * One pre-cutover check. It has a stable id, a category and a severity, and checks one or more targets,
 * returning a result for each. It gets what it needs (clients, addresses, thresholds) at construction.
 *
 * <p>A check reports what it finds as results, FAIL included, and throws only when it cannot run at all; the
 * {@link CheckRunner} turns that, and running past {@link #timeout()}, into ERROR results.</p>
 */
public interface Check {

    /** A stable, upper-case id: "CHEF-NODE-CONVERGED", "DNS-AUTH-TTL", "MYSQL-SERVER-ID-UNIQUE". */
    String id();

    /** What the check asks, in words. */
    String title();

    String category();

    Severity severity();

    /** The targets this check will report on, for an ERROR result per target when it cannot run. */
    List<String> targets();

    /** How long the check may take. */
    default Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** Runs the check; one result per target. */
    List<CheckResult> run(CheckContext context) throws Exception;

    /** Starts a result of this check for a target. */
    default Results.Builder result(String target) {
        return Results.of(this, target);
    }
}
