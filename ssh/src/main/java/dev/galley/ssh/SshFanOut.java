package dev.galley.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs one command on many hosts at once, at most {@code concurrency} at a time (a virtual thread per host, a
 * semaphore for the bound), each host on its own connection; the whole takes about as long as the slowest host.
 * A host that cannot be reached is a result, not an exception.
 */
public final class SshFanOut {
    private final SshClient client;
    private final int concurrency;
    private final Duration commandTimeout;

    /**
     * @param concurrency    how many hosts at once (at least 1)
     * @param commandTimeout how long the command may run on each host, after connecting
     */
    public SshFanOut(SshClient client, int concurrency, Duration commandTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /**
     * A host to run on.
     *
     * @param label  how output and results name it (a node name, or the address)
     * @param target where to connect
     */
    public record Host(String label, SshTarget target) {
        public Host {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Hears about each host as things happen; called from many threads, one call at a time per host. */
    public interface Listener {
        /** A line of the command's output on a host. */
        void line(Host host, OutputLine line);

        /** A host is done (ran, or could not be reached). */
        default void finished(HostResult result) {
        }
    }

    /** How the command went on one host. */
    public sealed interface HostResult {
        Host host();

        /** Whether the command exited 0 there. */
        boolean succeeded();

        /** "exit 1", "timed out after 5 s", "connection refused ...", for summaries. */
        String describe();

        /** The command ran (to an exit status, a signal or its deadline). */
        record Ran(Host host, ExecResult result) implements HostResult {
            public boolean succeeded() {
                return result.succeeded();
            }

            public String describe() {
                return result.describe();
            }
        }

        /** The command did not run: no connection, the host key was refused, or authentication failed. */
        record Failed(Host host, SshException error) implements HostResult {
            public boolean succeeded() {
                return false;
            }

            public String describe() {
                return switch (error.kind()) {
                    case HOST_KEY -> "host key refused";
                    case AUTHENTICATION -> "authentication failed";
                    case TIMEOUT -> "no answer";
                    case CONNECT -> "cannot connect";
                    case PROTOCOL -> "SSH failure";
                };
            }
        }
    }

    /**
     * Runs {@code command} on every host; returns the results in the order of {@code hosts}.
     *
     * @throws InterruptedException when interrupted (connections in progress are closed)
     */
    public List<HostResult> run(List<Host> hosts, String command, Listener listener) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<HostResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ssh-fan-out-", 0)
                .factory())) {
            for (Host h : hosts) {
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        HostResult r = runOne(h, command, listener);
                        listener.finished(r);
                        return r;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<HostResult> results = new ArrayList<>();
            for (Future<HostResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    private HostResult runOne(Host host, String command, Listener listener) {
        try (SshSession s = client.connect(host.target())) {
            return new HostResult.Ran(host, s.exec(command, line -> listener.line(host, line), commandTimeout));
        } catch (SshException e) {
            return new HostResult.Failed(host, e);
        }
    }
}
