package dev.brisk.internal.middleware;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed body compressed piece by piece: each piece the source produces is compressed with a
 * sync flush and passed on at once (one piece out per piece in, so demand passes straight through),
 * and the stream's trailer follows the source's end as one more piece. Nothing is buffered beyond the
 * piece at hand. One subscriber, like the transport's use of a body.
 */
final class CompressedStream implements Flow.Publisher<ByteBuf> {
    private final Flow.Publisher<ByteBuf> source;
    private final AcceptEncoding coding;
    private final int level;
    private final ByteBufAllocator alloc;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    CompressedStream(Flow.Publisher<ByteBuf> source, AcceptEncoding coding, int level, ByteBufAllocator alloc) {
        this.source = source;
        this.coding = coding;
        this.level = level;
        this.alloc = alloc;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuf> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a compressed body can be subscribed to once"));
            return;
        }
        source.subscribe(new Relay(subscriber));
    }

    private final class Relay implements Flow.Subscriber<ByteBuf>, Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuf> downstream;
        private Flow.Subscription upstream;
        private Compressor compressor;   // made on the first piece, guarded by this
        private long requested;          // downstream demand not yet met, guarded by this
        private ByteBuf trailer;         // the end of the stream, waiting for demand; guarded by this
        private boolean cancelled;       // guarded by this

        Relay(Flow.Subscriber<? super ByteBuf> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            upstream = s;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(ByteBuf piece) {
            ByteBuf out;
            synchronized (this) {
                if (cancelled) {
                    ReferenceCountUtil.safeRelease(piece);
                    return;
                }
                if (requested != Long.MAX_VALUE) requested--;
                try {
                    out = compressor().write(piece);
                } catch (RuntimeException e) {
                    cancelled = true;
                    compressor.close();
                    upstream.cancel();
                    downstream.onError(e);
                    return;
                }
            }
            downstream.onNext(out);
        }

        @Override
        public void onError(Throwable t) {
            synchronized (this) {
                if (cancelled) return;
                cancelled = true;
                if (compressor != null) compressor.close();
            }
            downstream.onError(t);
        }

        @Override
        public void onComplete() {
            ByteBuf end;
            synchronized (this) {
                if (cancelled) return;
                try {
                    trailer = compressor().finish();
                } catch (RuntimeException e) {
                    cancelled = true;
                    compressor.close();
                    downstream.onError(e);
                    return;
                }
                if (requested == 0) return;   // sent when the next request comes
                end = trailer;
                trailer = null;
            }
            downstream.onNext(end);
            downstream.onComplete();
        }

        @Override
        public void request(long n) {
            ByteBuf end = null;
            synchronized (this) {
                if (cancelled) return;
                if (n <= 0) {
                    cancelled = true;
                    if (compressor != null) compressor.close();
                } else if (trailer != null) {
                    end = trailer;
                    trailer = null;
                } else {
                    requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
                }
            }
            if (end != null) {
                downstream.onNext(end);
                downstream.onComplete();
            } else if (n <= 0) {
                upstream.cancel();
                downstream.onError(new IllegalArgumentException("request(" + n + ") must ask for at least one piece"));
            } else {
                upstream.request(n);
            }
        }

        @Override
        public void cancel() {
            ByteBuf pending;
            synchronized (this) {
                if (cancelled) return;
                cancelled = true;
                pending = trailer;
                trailer = null;
                if (compressor != null) compressor.close();
            }
            if (pending != null) pending.release();
            upstream.cancel();
        }

        private Compressor compressor() {
            var c = compressor;
            if (c == null) compressor = c = new Compressor(coding, level, alloc);
            return c;
        }
    }
}
