package dev.brisk.internal.stream;

import dev.brisk.EventStream;
import dev.brisk.ServerSentEvent;
import dev.brisk.internal.http.ConnectionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The body of an event stream: takes items from the stream's source one at a time as the client
 * reads, encodes them, inserts keep-alive comments when idle, and ends cleanly when the server
 * drains. All its state belongs to the connection's event loop; signals from other threads are
 * moved there.
 */
public final class EventPublisher implements Flow.Publisher<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");
    /** Events a pushed stream may have waiting for a slow client before it is disconnected. */
    static final int MAX_PENDING = 1000;

    private final ConnectionInfo conn;
    private final EventExecutor loop;
    private final Object source;
    private final long keepAliveNanos;
    private final EventEncoder encoder;
    private final Executor workers;

    private Flow.Subscriber<? super ByteBuf> down;
    private Flow.Subscription up;
    private final ArrayDeque<ByteBuf> ready = new ArrayDeque<>(2);
    private long demand;
    private boolean upRequested;
    private boolean upDone;
    private Throwable upError;
    private boolean finished;
    private boolean pushed;
    private long lastSent = System.nanoTime();
    private ScheduledFuture<?> keepAlive;
    private final Runnable onDrain = this::drain;
    private final dev.brisk.internal.http.StopSignal stop;
    private dev.brisk.internal.http.StopSignal.Subscription stopped;

    /** @param stop the app's stop signal: a shutdown or a dev-mode reload ends the stream as a drain does */
    public EventPublisher(ConnectionInfo conn, EventStream<?> stream, EventEncoder encoder, Executor workers,
                          dev.brisk.internal.http.StopSignal stop) {
        this.conn = conn;
        this.stop = stop;
        this.loop = conn.loop();
        this.source = EventStreamAccess.get().source(stream);
        Duration ka = EventStreamAccess.get().keepAlive(stream);
        this.keepAliveNanos = ka.toNanos();
        this.encoder = encoder;
        this.workers = workers;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
        onLoop(() -> {
            if (down != null) {
                s.onSubscribe(new Flow.Subscription() {
                    @Override public void request(long n) { }
                    @Override public void cancel() { }
                });
                s.onError(new IllegalStateException("an event stream can be sent once"));
                return;
            }
            down = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    onLoop(() -> {
                        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                        pump();
                    });
                }

                @Override
                public void cancel() {
                    onLoop(() -> close(null));
                }
            });
            if (finished) return;
            conn.onDrain(onDrain);
            if (stop != null) stopped = stop.subscribe(reason -> onLoop(this::drain));
            if (keepAliveNanos > 0) keepAlive = loop.schedule(this::keepAlive, keepAliveNanos, TimeUnit.NANOSECONDS);
            start();
        });
    }

    private void start() {
        Flow.Publisher<?> upstream;
        if (source instanceof Flow.Publisher<?> p) {
            upstream = p;
        } else if (source instanceof Stream<?> st) {
            upstream = items(st.iterator(), st);
        } else if (source instanceof Iterator<?> it) {
            upstream = items(it, it instanceof AutoCloseable c ? c : null);
        } else {
            pushed = true;
            upstream = new PushPublisher((EventStreamAccess.PushSource) source);
        }
        try {
            upstream.subscribe(new Up());
        } catch (Throwable t) {
            upDone = true;
            upError = t;
            pump();
        }
    }

    private Flow.Publisher<Object> items(Iterator<?> it, AutoCloseable resource) {
        return new BlockingSource<>(workers) {
            @Override
            protected Object read() {
                if (!it.hasNext()) return null;
                Object o = it.next();
                if (o == null) throw new NullPointerException("an event stream's source produced null");
                return o;
            }

            @Override
            protected void close() throws Exception {
                if (resource != null) resource.close();
            }
        };
    }

    // ------------------------------------------------------------------------------------ on the loop

    private void pump() {
        if (finished || down == null) return;
        while (demand > 0 && !ready.isEmpty()) {
            demand--;
            lastSent = System.nanoTime();
            down.onNext(ready.poll());
            if (finished) return;
        }
        if (!ready.isEmpty()) return;
        if (upDone) {
            var failure = upError;
            close(null);
            if (failure != null) down.onError(failure);
            else down.onComplete();
            return;
        }
        if (demand > 0 && up != null && !upRequested && !pushed) {
            upRequested = true;
            up.request(1);
        }
    }

    private void onItem(Object item) {
        if (finished) return;
        upRequested = false;
        ByteBuf b;
        try {
            b = encoder.encode(item);
        } catch (RuntimeException e) {
            upDone = true;
            upError = e;
            cancelUp();
            pump();
            return;
        }
        ready.add(b);
        if (ready.size() > MAX_PENDING) {
            LOG.warn("An event stream's client fell {} events behind; it is disconnected (it may reconnect with Last-Event-ID)", MAX_PENDING);
            releaseReady();
            upDone = true;
            cancelUp();
        }
        pump();
    }

    private void keepAlive() {
        keepAlive = null;
        if (finished) return;
        long idle = System.nanoTime() - lastSent;
        if (idle >= keepAliveNanos) {
            if (demand > 0 && ready.isEmpty()) {
                demand--;
                lastSent = System.nanoTime();
                down.onNext(encoder.ping());
                if (finished) return;
            }
            idle = 0;
        }
        keepAlive = loop.schedule(this::keepAlive, keepAliveNanos - idle, TimeUnit.NANOSECONDS);
    }

    /** The server is shutting down: stop the source, send what is ready, then end. */
    private void drain() {
        if (finished || upDone) return;
        upDone = true;
        cancelUp();
        pump();
    }

    /** Ends everything on this side: the source, the timer, the drain hook, the pieces not sent. */
    private void close(Throwable ignored) {
        if (finished) return;
        finished = true;
        cancelUp();
        var k = keepAlive;
        keepAlive = null;
        if (k != null) k.cancel(false);
        conn.removeOnDrain(onDrain);
        var s = stopped;
        stopped = null;
        if (s != null) s.close();
        releaseReady();
    }

    private void cancelUp() {
        var u = up;
        if (u != null) {
            up = null;
            u.cancel();
        }
    }

    private void releaseReady() {
        ByteBuf b;
        while ((b = ready.poll()) != null) ReferenceCountUtil.safeRelease(b);
    }

    private void onLoop(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            // the connection's loop has stopped: nothing is left to write to
        }
    }

    /** Receives the source's items on any thread and moves them to the loop. */
    private final class Up implements Flow.Subscriber<Object> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            onLoop(() -> {
                if (finished || up != null || upDone) {
                    s.cancel();
                    return;
                }
                up = s;
                pump();
            });
        }

        @Override
        public void onNext(Object item) {
            onLoop(() -> onItem(item));
        }

        @Override
        public void onError(Throwable t) {
            onLoop(() -> {
                if (upDone) return;
                upDone = true;
                upError = t;
                up = null;
                pump();
            });
        }

        @Override
        public void onComplete() {
            onLoop(() -> {
                if (upDone) return;
                upDone = true;
                up = null;
                pump();
            });
        }
    }

    /** An {@link EventStream#create} source: its emitter pushes items, with no demand of its own. */
    private static final class PushPublisher implements Flow.Publisher<Object> {
        private final EventStreamAccess.PushSource source;

        PushPublisher(EventStreamAccess.PushSource source) {
            this.source = source;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Object> s) {
            var emitter = new Emitter(s);
            s.onSubscribe(new Flow.Subscription() {
                @Override public void request(long n) { }
                @Override public void cancel() { emitter.closed(); }
            });
            try {
                source.start(emitter);
            } catch (Throwable t) {
                emitter.fail(t);
            }
        }
    }

    private static final class Emitter implements EventStream.Emitter<Object> {
        private final Flow.Subscriber<? super Object> s;
        private volatile boolean open = true;
        private List<Runnable> onClose;

        Emitter(Flow.Subscriber<? super Object> s) {
            this.s = s;
        }

        @Override
        public boolean send(Object data) {
            if (!open) return false;
            s.onNext(java.util.Objects.requireNonNull(data, "data"));
            return true;
        }

        @Override
        public boolean sendEvent(ServerSentEvent event) {
            return send(event);
        }

        @Override
        public void complete() {
            if (!open) return;
            s.onComplete();
            closed();
        }

        @Override
        public void fail(Throwable cause) {
            if (!open) return;
            s.onError(cause);
            closed();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void onClose(Runnable action) {
            synchronized (this) {
                if (open) {
                    if (onClose == null) onClose = new ArrayList<>(1);
                    onClose.add(action);
                    return;
                }
            }
            action.run();
        }

        void closed() {
            List<Runnable> actions;
            synchronized (this) {
                if (!open) return;
                open = false;
                actions = onClose;
                onClose = null;
            }
            if (actions == null) return;
            for (Runnable r : actions) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("An event stream's onClose action failed", e);
                }
            }
        }
    }
}
