package dev.brisk;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only: no public API makes a streamed body yet (that is issue 13), so this built-in middleware
 * replaces the body of a reply with a {@link Body.Chunks} stream of the given pieces, produced on a
 * thread of its own, each piece only when {@link #release(int)} allows it and the transport asked.
 */
final class StreamedBodies implements Middleware, Builtins.Backed {
    private final List<String> pieces;
    private final CharSequence contentType;
    private final long declaredLength;
    private final Semaphore permits = new Semaphore(0);
    /** What happened to each stream, in order: "subscribed", "cancelled", "completed". */
    final List<String> events = new CopyOnWriteArrayList<>();

    StreamedBodies(List<String> pieces, CharSequence contentType, long declaredLength) {
        this.pieces = pieces;
        this.contentType = contentType;
        this.declaredLength = declaredLength;
    }

    /** Lets {@code n} more pieces go. */
    void release(int n) {
        permits.release(n);
    }

    @Override
    public Filter filter() {
        return new Filter() {
            @Override
            public Reply after(Call call, Reply reply) {
                if (!call.request().rawPath().startsWith("/stream")) return reply;
                reply.body().discard();
                reply.contentType(contentType);
                reply.body(new Body.Chunks(new Pieces(), declaredLength, true));
                return reply;
            }
        };
    }

    private final class Pieces implements Flow.Publisher<ByteBuf> {
        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
            events.add("subscribed");
            var demand = new AtomicLong();
            var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            var wake = new Semaphore(0);
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    demand.addAndGet(n);
                    wake.release();
                }

                @Override
                public void cancel() {
                    if (cancelled.compareAndSet(false, true)) events.add("cancelled");
                    wake.release();
                }
            });
            var producer = new Thread(() -> {
                try {
                    for (String p : pieces) {
                        while (!cancelled.get() && (demand.get() == 0 || !permits.tryAcquire())) wake.tryAcquire(5, TimeUnit.MILLISECONDS);
                        if (cancelled.get()) return;
                        demand.decrementAndGet();
                        s.onNext(Unpooled.copiedBuffer(p, StandardCharsets.UTF_8));
                    }
                    if (!cancelled.get()) {
                        events.add("completed");
                        s.onComplete();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-stream-producer");
            producer.setDaemon(true);
            producer.start();
        }
    }

    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }
}
