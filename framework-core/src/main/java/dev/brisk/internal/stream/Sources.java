package dev.brisk.internal.stream;

import dev.brisk.BodyWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** Publishers of body pieces for each kind of streamed result. */
public final class Sources {
    /** Bytes read from an input stream at a time. */
    static final int CHUNK = 64 * 1024;
    /** Bytes a body writer collects before handing them over (unless it flushes). */
    static final int WRITER_CHUNK = 16 * 1024;

    private Sources() {
    }

    /** An input stream, read on a worker; closed at the end or when the client leaves. */
    public static Flow.Publisher<ByteBuf> of(InputStream in, ByteBufAllocator alloc, Executor executor) {
        return new BlockingSource<>(executor) {
            @Override
            protected ByteBuf read() throws IOException {
                for (;;) {
                    ByteBuf b = alloc.buffer(CHUNK);
                    int n;
                    try {
                        n = b.writeBytes(in, CHUNK);
                    } catch (IOException | RuntimeException e) {
                        b.release();
                        throw e;
                    }
                    if (n < 0) {
                        b.release();
                        return null;
                    }
                    if (n > 0) return b;
                    b.release();
                }
            }

            @Override
            protected void close() throws IOException {
                in.close();
            }
        };
    }

    /** The items of an iterator, each encoded as a piece, read on a worker; {@code resource} is closed at the end. */
    public static Flow.Publisher<ByteBuf> of(Iterator<?> items, AutoCloseable resource, Function<Object, ByteBuf> encoder, Executor executor) {
        return new BlockingSource<>(executor) {
            @Override
            protected ByteBuf read() {
                if (!items.hasNext()) return null;
                Object item = items.next();
                if (item == null) throw new NullPointerException("a streamed body's iterator produced null");
                return encoder.apply(item);
            }

            @Override
            protected void close() throws Exception {
                if (resource != null) resource.close();
            }
        };
    }

    /**
     * Items of a user's publisher, each encoded as a piece; demand and cancellation pass through. Each
     * request is handed to {@code trampoline} (the connection's event loop) rather than made inside the
     * transport's {@code onNext}: a publisher that emits synchronously in {@code request} would otherwise
     * recurse once per item, and never let the loop see the client leave.
     */
    public static Flow.Publisher<ByteBuf> map(Flow.Publisher<?> upstream, Function<Object, ByteBuf> encoder, Executor trampoline) {
        return downstream -> upstream.subscribe(new Flow.Subscriber<Object>() {
            private Flow.Subscription subscription;
            private volatile boolean done;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                downstream.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        try {
                            trampoline.execute(() -> {
                                if (!done) s.request(n);
                            });
                        } catch (RuntimeException e) {
                            s.cancel();
                        }
                    }

                    @Override
                    public void cancel() {
                        done = true;
                        s.cancel();
                    }
                });
            }

            @Override
            public void onNext(Object item) {
                if (done) return;
                ByteBuf b;
                try {
                    if (item == null) throw new NullPointerException("a streamed body's publisher produced null");
                    b = encoder.apply(item);
                } catch (Throwable t) {
                    done = true;
                    subscription.cancel();
                    downstream.onError(t);
                    return;
                }
                downstream.onNext(b);
            }

            @Override
            public void onError(Throwable t) {
                if (done) return;
                done = true;
                downstream.onError(t);
            }

            @Override
            public void onComplete() {
                if (done) return;
                done = true;
                downstream.onComplete();
            }
        });
    }

    /** A body writer run on one worker, its writes handed over as pieces when the client is ready. */
    public static Flow.Publisher<ByteBuf> of(BodyWriter writer, ByteBufAllocator alloc, Executor executor) {
        return new WriterPublisher(writer, alloc, executor);
    }

    private static final class WriterPublisher implements Flow.Publisher<ByteBuf> {
        private final BodyWriter writer;
        private final ByteBufAllocator alloc;
        private final Executor executor;
        private final AtomicBoolean subscribed = new AtomicBoolean();
        private long demand;          // guarded by this
        private boolean cancelled;    // guarded by this
        private boolean started;      // guarded by this
        private Flow.Subscriber<? super ByteBuf> subscriber;

        WriterPublisher(BodyWriter writer, ByteBufAllocator alloc, Executor executor) {
            this.writer = writer;
            this.alloc = alloc;
            this.executor = executor;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
            if (BlockingSource.refusedAgain(subscribed, s)) return;
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    boolean start;
                    synchronized (WriterPublisher.this) {
                        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                        start = !started && !cancelled;
                        started = true;
                        WriterPublisher.this.notifyAll();
                    }
                    if (start) {
                        try {
                            executor.execute(WriterPublisher.this::run);
                        } catch (RuntimeException e) {
                            subscriber.onError(e);
                        }
                    }
                }

                @Override
                public void cancel() {
                    synchronized (WriterPublisher.this) {
                        cancelled = true;
                        WriterPublisher.this.notifyAll();
                    }
                }
            });
        }

        private void run() {
            var out = new Out();
            try {
                writer.writeTo(out);
                out.flush();
            } catch (Throwable t) {
                out.discard();
                if (!isCancelled()) subscriber.onError(t);
                return;
            }
            if (!isCancelled()) subscriber.onComplete();
        }

        private synchronized boolean isCancelled() {
            return cancelled;
        }

        /** Waits for demand; false when the client has gone away. */
        private boolean awaitDemand() throws InterruptedIOException {
            synchronized (this) {
                while (demand == 0 && !cancelled) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for the client");
                    }
                }
                if (cancelled) return false;
                demand--;
                return true;
            }
        }

        private final class Out extends OutputStream {
            private ByteBuf buf;
            private boolean closedByClient;

            private ByteBuf buf() throws IOException {
                if (closedByClient) throw new IOException("the client has gone away");
                if (buf == null) buf = alloc.buffer(WRITER_CHUNK);
                return buf;
            }

            @Override
            public void write(int b) throws IOException {
                buf().writeByte(b);
                if (buf.readableBytes() >= WRITER_CHUNK) flush();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    ByteBuf target = buf();
                    int n = Math.min(len, Math.max(1, WRITER_CHUNK - target.readableBytes()));
                    target.writeBytes(b, off, n);
                    off += n;
                    len -= n;
                    if (target.readableBytes() >= WRITER_CHUNK) flush();
                }
            }

            @Override
            public void flush() throws IOException {
                if (closedByClient) throw new IOException("the client has gone away");
                var b = buf;
                if (b == null || !b.isReadable()) return;
                buf = null;
                if (!awaitDemand()) {
                    b.release();
                    closedByClient = true;
                    throw new IOException("the client has gone away");
                }
                subscriber.onNext(b);
            }

            @Override
            public void close() {
                // the body ends when writeTo returns
            }

            void discard() {
                ReferenceCountUtil.safeRelease(buf);
                buf = null;
            }
        }
    }

    private static final class InterruptedIOException extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;

        InterruptedIOException(String message) {
            super(message);
        }
    }
}
