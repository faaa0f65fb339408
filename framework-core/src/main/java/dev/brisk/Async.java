package dev.brisk;

import dev.brisk.internal.dispatch.AsyncSupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Helpers for handlers that run on the event loop (those returning a future): the Java twins of
 * {@code asyncio.sleep}, {@code run_in_executor} and {@code asyncio.gather}.
 */
public final class Async {
    private Async() {
    }

    /**
     * A future completed after {@code delay} by a timer; no thread waits. Called on an event loop,
     * it completes on that loop.
     */
    public static CompletableFuture<Void> sleep(Duration delay) {
        return AsyncSupport.sleep(delay);
    }

    /**
     * Runs blocking {@code work} on the worker pool and completes the returned future with its result
     * (back on the calling event loop when called from one).
     */
    public static <T> CompletableFuture<T> offload(Callable<? extends T> work) {
        return AsyncSupport.offload(work);
    }

    /** All results in the order given; fails as soon as any future fails. */
    @SafeVarargs
    public static <T> CompletableFuture<List<T>> gather(CompletableFuture<? extends T>... futures) {
        return AsyncSupport.gather(List.of(futures));
    }

    /** All results in the order given; fails as soon as any future fails. */
    public static <T> CompletableFuture<List<T>> gather(List<? extends CompletableFuture<? extends T>> futures) {
        return AsyncSupport.gather(futures);
    }
}
