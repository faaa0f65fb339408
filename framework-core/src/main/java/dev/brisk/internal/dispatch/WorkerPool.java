package dev.brisk.internal.dispatch;

import dev.brisk.Workers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plain handlers: a bounded platform pool or virtual threads under a concurrency limit.
 * {@link #tryExecute} never queues past the bound: it returns false so the caller can answer 503.
 */
public final class WorkerPool {
    private final Workers config;
    private final ThreadPoolExecutor platform;
    private final ExecutorService virtual;
    private final AtomicInteger running = new AtomicInteger();
    private final int limit;
    private final ThreadPoolExecutor overflow;
    /** The pool whose worker the current thread is (lets Async.offload from a worker stay in its app's pool). */
    private static final ThreadLocal<WorkerPool> CURRENT = new ThreadLocal<>();

    public WorkerPool(Workers config) {
        this.config = config;
        this.limit = config.threads();
        if (config.kind() == Workers.Kind.PLATFORM) {
            var queue = config.queue() == 0 ? new SynchronousQueue<Runnable>() : new ArrayBlockingQueue<Runnable>(config.queue());
            platform = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS, queue, named("brisk-worker-", false, this));
            platform.allowCoreThreadTimeOut(true);
            virtual = null;
        } else {
            platform = null;
            virtual = newVirtualExecutor();
        }
        // Cleanup (closing dependencies) must never wait for a slot in a full pool.
        overflow = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), named("brisk-cleanup-", true, null));
    }

    private static ExecutorService newVirtualExecutor() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Workers.virtual(...) needs Java 21 or later; this is Java " + Runtime.version().feature());
        }
        try {
            // Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("brisk-vt-", 0).factory()), without compiling against Java 21.
            var lookup = MethodHandles.publicLookup();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
            Object builder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualClass)).invoke();
            builder = lookup.findVirtual(ofVirtualClass, "name", MethodType.methodType(ofVirtualClass, String.class, long.class))
                    .invoke(builder, "brisk-vt-", 0L);
            ThreadFactory factory = (ThreadFactory) lookup.findVirtual(builderClass, "factory", MethodType.methodType(ThreadFactory.class)).invoke(builder);
            return (ExecutorService) lookup.findStatic(java.util.concurrent.Executors.class, "newThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class, ThreadFactory.class)).invoke(factory);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create virtual threads: " + t, t);
        }
    }

    private static ThreadFactory named(String prefix, boolean daemon, WorkerPool owner) {
        var n = new AtomicInteger();
        return r -> {
            Runnable body = owner == null ? r : () -> {
                CURRENT.set(owner);
                r.run();
            };
            var t = new Thread(body, prefix + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    /** Runs {@code task} unless the pool (and queue) or the virtual-thread limit is full. */
    public boolean tryExecute(Runnable task) {
        if (platform != null) {
            try {
                platform.execute(task);
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }
        if (running.incrementAndGet() > limit) {
            running.decrementAndGet();
            return false;
        }
        try {
            virtual.execute(() -> {
                CURRENT.set(this);
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
            return false;
        }
    }

    /** Runs {@code task} on the pool if it has room, else on a spare thread; never rejects while running. */
    public void executeAlways(Runnable task) {
        if (!tryExecute(task)) overflow.execute(task);
    }

    /** An executor for {@code Async.offload}: bounded like handlers, rejecting when full. */
    public Executor offloadExecutor() {
        return task -> {
            if (!tryExecute(task)) throw new RejectedExecutionException("worker pool is full (" + config + ")");
        };
    }

    /** The pool the calling thread works for, or null when it is not a worker. */
    public static WorkerPool current() {
        return CURRENT.get();
    }

    /** True once {@link #shutdown} has begun. */
    public boolean isShutdown() {
        return platform != null ? platform.isShutdown() : virtual.isShutdown();
    }

    public Workers config() {
        return config;
    }

    /** Tasks running now (handlers, offloaded calls, background tasks); approximate, for gauges. */
    public int active() {
        return platform != null ? platform.getActiveCount() : running.get();
    }

    /** Tasks waiting for a platform thread (always 0 with virtual threads). */
    public int queued() {
        return platform != null ? platform.getQueue().size() : 0;
    }

    public void shutdown(long timeoutMillis) {
        if (platform != null) platform.shutdown();
        if (virtual != null) virtual.shutdown();
        overflow.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            if (platform != null) platform.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            if (virtual != null) virtual.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            // Background tasks and cleanups that found the pool full run here: they get the same grace.
            overflow.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (platform != null) platform.shutdownNow();
        if (virtual != null) virtual.shutdownNow();
        overflow.shutdownNow();
    }

    /** True when the calling thread is one of this pool's workers. */
    public static boolean isWorkerThread() {
        String n = Thread.currentThread().getName();
        return n.startsWith("brisk-worker-") || n.startsWith("brisk-vt-");
    }
}
