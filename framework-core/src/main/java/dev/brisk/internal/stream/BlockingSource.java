package dev.brisk.internal.stream;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body read from a blocking source (an {@code InputStream}, an {@code Iterator}, a file) on a
 * worker thread, one piece per unit of demand, so the reading never runs ahead of the client. One
 * subscriber; {@link #read} and {@link #close} run on the executor, one call at a time, and
 * {@code close} exactly once (at the end, on a failure, or when the subscriber cancels).
 */
public abstract class BlockingSource<T> implements Flow.Publisher<T> {
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private boolean done;   // touched only inside the drain loop
    private Flow.Subscriber<? super T> subscriber;

    protected BlockingSource(Executor executor) {
        this.executor = executor;
    }

    /** The next piece, or null at the end. Runs on a worker; may block. */
    protected abstract T read() throws Exception;

    /** Releases the source. Runs on a worker, once. */
    protected abstract void close() throws Exception;

    /** A streamed body has one reader: a second subscriber gets an error (Reactive Streams rule 1.9), the first goes on. */
    static boolean refusedAgain(java.util.concurrent.atomic.AtomicBoolean subscribed, Flow.Subscriber<?> s) {
        if (subscribed.compareAndSet(false, true)) return false;
        s.onSubscribe(new Flow.Subscription() {
            @Override public void request(long n) { }
            @Override public void cancel() { }
        });
        s.onError(new IllegalStateException("a streamed body can be read once"));
        return true;
    }

    @Override
    public final void subscribe(Flow.Subscriber<? super T> s) {
        if (refusedAgain(subscribed, s)) return;
        subscriber = s;
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    cancelled = true;
                    schedule();
                    return;
                }
                demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                schedule();
            }

            @Override
            public void cancel() {
                cancelled = true;
                schedule();
            }
        });
    }

    private void schedule() {
        if (wip.getAndIncrement() != 0) return;
        try {
            executor.execute(this::drain);
        } catch (RuntimeException e) {
            // No worker will ever run (the server is stopping): end here, without blocking reads.
            cancelled = true;
            drain();
        }
    }

    private void drain() {
        int missed = 1;
        for (;;) {
            if (!done) step();
            missed = wip.addAndGet(-missed);
            if (missed == 0) return;
        }
    }

    private void step() {
        if (cancelled) {
            finish(null, false);
            return;
        }
        while (demand.get() > 0 && !cancelled) {
            T item;
            try {
                item = read();
            } catch (Throwable t) {
                finish(t, true);
                return;
            }
            if (item == null) {
                finish(null, true);
                return;
            }
            if (cancelled) {
                ReferenceCountUtil.safeRelease(item);
                break;
            }
            demand.decrementAndGet();
            subscriber.onNext(item);
        }
        if (cancelled) finish(null, false);
    }

    private void finish(Throwable failure, boolean signal) {
        done = true;
        try {
            close();
        } catch (Throwable t) {
            LoggerFactory.getLogger("dev.brisk").debug("Closing a streamed body's source failed", t);
        }
        if (!signal) return;
        if (failure != null) subscriber.onError(failure);
        else subscriber.onComplete();
    }

    /** True once the subscriber cancelled (readers that wait may check it). */
    protected final boolean isCancelled() {
        return cancelled;
    }

    /** Helper for subclasses producing buffers. */
    protected static ByteBuf release(ByteBuf b) {
        if (b != null && b.refCnt() > 0) b.release();
        return null;
    }
}
