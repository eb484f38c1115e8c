package dev.galley.ssh.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action (close a socket, a channel) if a budget passes before the watched work ends; JSch's own timeouts
 * cover single reads, not a whole handshake or transfer.
 */
final class Watchdog implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean fired;

    private Watchdog() {
    }

    static Watchdog start(String name, Duration budget, Runnable onExpiry) {
        Watchdog w = new Watchdog();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                if (!w.done.await(budget.toNanos(), TimeUnit.NANOSECONDS)) {
                    w.fired = true;
                    onExpiry.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return w;
    }

    /** Whether the budget passed and the action ran. */
    boolean fired() {
        return fired;
    }

    /** The work ended: the action will not run. */
    @Override
    public void close() {
        done.countDown();
    }
}
