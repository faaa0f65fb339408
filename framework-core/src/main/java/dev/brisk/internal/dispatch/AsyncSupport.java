package dev.brisk.internal.dispatch;

import dev.brisk.HttpException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The machinery behind {@link dev.brisk.Async}. */
public final class AsyncSupport {
    private static final Map<EventExecutor, WorkerPool> POOLS = new ConcurrentHashMap<>();
    private static volatile WorkerPool lastPool;
    private static volatile ScheduledExecutorService fallbackTimer;
    private static volatile Executor fallbackPool;

    private AsyncSupport() {
    }

    public static void register(EventExecutor loop, WorkerPool pool) {
        POOLS.put(loop, pool);
        lastPool = pool;
    }

    public static void unregister(EventExecutor loop) {
        POOLS.remove(loop);
    }

    public static CompletableFuture<Void> sleep(Duration delay) {
        var f = new CompletableFuture<Void>();
        long nanos = Math.max(0, delay.toNanos());
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop != null && !loop.isShuttingDown()) {
            try {
                loop.schedule(() -> f.complete(null), nanos, TimeUnit.NANOSECONDS);
                return f;
            } catch (RejectedExecutionException e) {
                // shutting down since the check: fall back to the shared timer
            }
        }
        timer().schedule(() -> f.complete(null), nanos, TimeUnit.NANOSECONDS);
        return f;
    }

    public static <T> CompletableFuture<T> offload(Callable<? extends T> work) {
        var f = new CompletableFuture<T>();
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        WorkerPool pool = loop != null ? POOLS.get(loop) : WorkerPool.current();
        if (pool == null) {
            var last = lastPool;
            pool = last != null && !last.isShutdown() ? last : null;
        }
        Runnable task = () -> {
            T v;
            try {
                v = work.call();
            } catch (Throwable t) {
                completeOn(loop, () -> f.completeExceptionally(t));
                return;
            }
            completeOn(loop, () -> f.complete(v));
        };
        if (pool == null) {
            fallback().execute(task);
        } else if (!pool.tryExecute(task)) {
            f.completeExceptionally(new HttpException(503, "Service Unavailable", Map.of("Retry-After", "1")));
        }
        return f;
    }

    /** Runs {@code completion} on {@code loop} (so continuations stay there), or here when there is none or it is gone. */
    private static void completeOn(EventExecutor loop, Runnable completion) {
        if (loop != null && !loop.isShuttingDown()) {
            try {
                loop.execute(completion);
                return;
            } catch (RejectedExecutionException e) {
                // the loop stopped meanwhile
            }
        }
        completion.run();
    }

    public static <T> CompletableFuture<List<T>> gather(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        var result = new CompletableFuture<List<T>>();
        if (n == 0) {
            result.complete(List.of());
            return result;
        }
        @SuppressWarnings("unchecked")
        T[] values = (T[]) new Object[n];
        var left = new AtomicInteger(n);
        for (int i = 0; i < n; i++) {
            final int idx = i;
            futures.get(i).whenComplete((v, t) -> {
                if (t != null) {
                    result.completeExceptionally(ArgsSolver.unwrap(t));
                } else {
                    values[idx] = v;
                    if (left.decrementAndGet() == 0) {
                        var list = new ArrayList<T>(n);
                        for (T x : values) list.add(x);
                        result.complete(java.util.Collections.unmodifiableList(list));
                    }
                }
            });
        }
        return result;
    }

    private static ScheduledExecutorService timer() {
        var t = fallbackTimer;
        if (t == null) {
            synchronized (AsyncSupport.class) {
                t = fallbackTimer;
                if (t == null) {
                    t = Executors.newSingleThreadScheduledExecutor(daemon("brisk-async-timer"));
                    fallbackTimer = t;
                }
            }
        }
        return t;
    }

    /**
     * Daemon threads that outlive whatever code first needed them: created with Brisk's own context
     * loader and, on Java 17, an access-control context of Brisk's code only, so that a thread
     * started from a dev-mode generation's handler does not keep that generation's loader reachable.
     */
    @SuppressWarnings("removal")
    private static java.util.concurrent.ThreadFactory daemon(String name) {
        ClassLoader own = AsyncSupport.class.getClassLoader();
        return r -> java.security.AccessController.doPrivileged((java.security.PrivilegedAction<Thread>) () -> {
            var th = new Thread(r, name);
            th.setDaemon(true);
            th.setContextClassLoader(own);
            return th;
        });
    }

    private static Executor fallback() {
        var p = fallbackPool;
        if (p == null) {
            synchronized (AsyncSupport.class) {
                p = fallbackPool;
                if (p == null) {
                    p = Executors.newCachedThreadPool(daemon("brisk-offload"));
                    fallbackPool = p;
                }
            }
        }
        return p;
    }
}
