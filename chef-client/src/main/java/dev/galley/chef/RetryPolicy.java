package dev.galley.chef;

import java.time.Duration;
import java.util.Objects;

/**
 * When a request is sent again: only idempotent ones (GET, HEAD, PUT, DELETE), after a connection failure or a
 * 429/5xx answer, with capped exponential backoff and full jitter, waiting at least what {@code Retry-After} asks.
 * Each attempt is signed anew (the signature holds a timestamp).
 *
 * @param maxAttempts    attempts in all, including the first (1 = no retries)
 * @param initialBackoff the wait before the first retry (before jitter)
 * @param maxBackoff     the largest wait between attempts (before jitter)
 * @param maxRetryAfter  a server asking for a longer wait than this is not retried
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** Five attempts, 250 ms doubling to 4 s, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(60));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The backoff before attempt {@code attempt + 1} (attempt counts from 1), before jitter. */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(base, maxBackoff.toMillis()));
    }
}
