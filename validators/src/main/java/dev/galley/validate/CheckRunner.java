package dev.galley.validate;

import dev.galley.core.Deadline;
import dev.galley.core.GalleyException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks in parallel (virtual threads, at most {@code concurrency} at once), each within its own timeout.
 * A check that throws or runs out of time gives an ERROR result for each of its targets, never a pass.
 */
public final class CheckRunner {
    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final int concurrency;
    private final Clock clock;

    public CheckRunner(int concurrency, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /** Runs every check and returns all results, in the order of the checks. */
    public List<CheckResult> run(List<? extends Check> checks) {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<List<CheckResult>>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Check check : checks) {
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return runOne(check);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<CheckResult> out = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                try {
                    out.addAll(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.addAll(errors(checks.get(i), "the check failed to run: " + e.getCause(), Duration.ZERO));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.addAll(errors(checks.get(i), "interrupted before the check finished", Duration.ZERO));
                }
            }
            return out;
        }
    }

    private List<CheckResult> runOne(Check check) throws InterruptedException {
        long start = System.nanoTime();
        Duration timeout = check.timeout();
        CheckContext ctx = new CheckContext(clock, Deadline.after(timeout));
        try (ExecutorService one = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<CheckResult>> f = one.submit(() -> check.run(ctx));
            try {
                List<CheckResult> results = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                List<CheckResult> timed = new ArrayList<>();
                for (CheckResult r : results) {
                    timed.add(r.duration().isZero() ? r.withDuration(took) : r);
                }
                return timed;
            } catch (TimeoutException e) {
                f.cancel(true);
                return errors(check, "the check did not finish within " + timeout.toSeconds()
                        + " s: find out why the target answers slowly, or raise the check's timeout",
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                log.debug("check {} could not run", check.id(), cause);
                String why = cause instanceof GalleyException g ? g.getMessage() : cause.toString();
                return errors(check, "the check could not run: " + why, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static List<CheckResult> errors(Check check, String remediation, Duration took) {
        List<CheckResult> out = new ArrayList<>();
        for (String target : check.targets().isEmpty() ? List.of("(all)") : check.targets()) {
            out.add(check.result(target).error(remediation).withDuration(took));
        }
        return out;
    }
}
