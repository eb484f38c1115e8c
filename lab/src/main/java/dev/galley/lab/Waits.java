package dev.galley.lab;

import dev.galley.core.Deadline;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes; the failure says what was awaited and why it failed.
 */
public final class Waits {
    private Waits() {
    }

    /**
     * Waits for {@code condition}, checking {@code failure} between polls (a process that exited, say).
     *
     * @param what     "goiardi to listen on 127.0.0.1:4545", for the message
     * @param failure  returns a reason to stop waiting at once, or null
     * @throws LabException when the deadline passes or {@code failure} gives a reason
     */
    public static void until(Duration budget, String what, BooleanSupplier condition, Supplier<String> failure) {
        Deadline deadline = Deadline.after(budget);
        long pause = 10;
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            String reason = failure.get();
            if (reason != null) {
                throw new LabException("gave up waiting for " + what + ": " + reason);
            }
            if (deadline.expired()) {
                throw new LabException("gave up waiting for " + what + " after " + budget.toSeconds() + " s");
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, deadline.remaining().toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
