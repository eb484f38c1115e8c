package dev.galley.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in time by which a wait must end; every wait in Galley has one.
 */
public final class Deadline {
    private final long deadlineNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a deadline cannot be in the past: " + budget);
        }
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    /** The whole budget this deadline was set with, for messages ("did not open within 30s"). */
    public Duration budget() {
        return budget;
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + "ms of " + budget.toMillis() + "ms left]";
    }
}
