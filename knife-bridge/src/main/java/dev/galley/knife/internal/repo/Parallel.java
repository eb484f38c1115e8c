package dev.galley.knife.internal.repo;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Runs a function over items on virtual threads, at most {@code bound} at a time, keeping the items' order. */
final class Parallel {
    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, int bound, Function<T, R> fn) {
        if (items.size() <= 1 || bound <= 1) {
            return items.stream().map(fn).toList();
        }
        Semaphore permits = new Semaphore(bound);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return fn.apply(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalleyException(Fault.UNAVAILABLE, "interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
