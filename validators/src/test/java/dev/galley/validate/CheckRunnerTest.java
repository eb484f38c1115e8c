package dev.galley.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    /** A check whose behaviour the test decides. */
    record Scripted(String id, List<String> targets, Duration timeout, Body body) implements Check {
        interface Body {
            List<CheckResult> run(Check self) throws Exception;
        }

        @Override
        public String title() {
            return "scripted " + id;
        }

        @Override
        public String category() {
            return "test";
        }

        @Override
        public Severity severity() {
            return Severity.HIGH;
        }

        @Override
        public List<CheckResult> run(CheckContext context) throws Exception {
            return body.run(this);
        }
    }

    @Test
    void aFailureIsAResult_andAnExceptionOrTimeoutIsAnErrorForEveryTarget_neverAPass() {
        Check fails = new Scripted("FAILS", List.of("a"), Duration.ofSeconds(5),
                c -> List.of(c.result("a").expected("x").observed("y").fail("fix a")));
        Check throwsUp = new Scripted("THROWS", List.of("b", "c"), Duration.ofSeconds(5), c -> {
            throw new IllegalStateException("connection refused");
        });
        Check hangs = new Scripted("HANGS", List.of("d"), Duration.ofMillis(200), c -> {
            new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            return List.of(c.result("d").pass());
        });

        List<CheckResult> results = new CheckRunner(4, Clock.systemUTC()).run(List.of(fails, throwsUp, hangs));

        assertThat(results).extracting(CheckResult::id, CheckResult::target, CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FAILS", "a", CheckStatus.FAIL),
                org.assertj.core.groups.Tuple.tuple("THROWS", "b", CheckStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple("THROWS", "c", CheckStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple("HANGS", "d", CheckStatus.ERROR));
        assertThat(results.get(1).remediation()).contains("connection refused");
        assertThat(results.get(3).remediation()).contains("did not finish within 0 s");
        assertThat(results).allMatch(CheckResult::blocking);
    }

    @Test
    void atMostConcurrencyChecksRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Check> checks = java.util.stream.IntStream.range(0, 12).<Check>mapToObj(i -> new Scripted("C" + i,
                List.of("t"), Duration.ofSeconds(10), c -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } finally {
                        running.decrementAndGet();
                    }
                    return List.of(c.result("t").pass());
                })).toList();

        List<CheckResult> results = new CheckRunner(3, Clock.systemUTC()).run(checks);

        assertThat(results).hasSize(12).allMatch(r -> r.status() == CheckStatus.PASS);
        assertThat(peak.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aWaiverTurnsAFailIntoAWarnThatStillShowsTheReason() {
        Check c = new Scripted("X", List.of("a"), Duration.ofSeconds(1), s -> List.of());
        CheckResult failed = c.result("a").fail("do something");

        CheckResult waived = failed.waived(new Waiver("X", java.util.Optional.empty(), "accepted by the DBA team"));

        assertThat(waived.status()).isEqualTo(CheckStatus.WARN);
        assertThat(waived.blocking()).isFalse();
        assertThat(waived.waiver()).hasValueSatisfying(w -> assertThat(w.reason()).contains("DBA"));
        assertThatThrownBy(() -> c.result("a").fail("")).hasMessageContaining("must say what to do");
    }
}
