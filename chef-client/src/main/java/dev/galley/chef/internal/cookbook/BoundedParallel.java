package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefException;
import dev.galley.core.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs one task per item on virtual threads, at most a given number at a time; the first failure cancels the
 * others and is rethrown as it was raised.
 */
final class BoundedParallel {
    private BoundedParallel() {
    }

    /**
     * @param limit how many tasks may run at once
     * @param what  what the tasks do together ("uploading 12 files of demo 1.0.0"), for the interrupted message
     */
    static <T> void forEach(List<T> items, int limit, String what, Consumer<T> task) {
        if (items.isEmpty()) {
            return;
        }
        Semaphore permits = new Semaphore(limit);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Void> done = new ExecutorCompletionService<>(threads);
            List<Future<Void>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(done.submit(() -> {
                    permits.acquire();
                    try {
                        task.accept(item);
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
            try {
                for (int i = 0; i < futures.size(); i++) {
                    done.take().get();
                }
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw unchecked(e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new ChefException(Fault.UNAVAILABLE, what + " was interrupted");
            }
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new ChefException(Fault.INTERNAL, "a parallel task failed unexpectedly: " + cause, cause);
    }
}
