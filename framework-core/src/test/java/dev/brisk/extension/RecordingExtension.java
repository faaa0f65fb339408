package dev.brisk.extension;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A test extension, found by ServiceLoader like the real ones; active only for apps titled
 * {@code ext-test...}: records every request through a listener, adds a filter, hooks into
 * {@link Hooked} routes, and keeps per-app state.
 */
public final class RecordingExtension implements Extension {
    /** Events per app title. */
    public static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "test-timer");
        t.setDaemon(true);
        return t;
    });

    /** Per-app state: counts the apps configured. */
    public static final class State {
        public final String title;

        State(String title) {
            this.title = title;
        }
    }

    @Override
    public void configure(ExtensionContext ctx) {
        String title = ctx.api().title();
        if (!title.startsWith("ext-test")) return;
        var events = EVENTS.computeIfAbsent(title, k -> new CopyOnWriteArrayList<>());
        var state = ctx.state(State.class, () -> new State(title));
        if (state != ctx.state(State.class, () -> new State("second"))) throw new AssertionError("state is not per app");
        ctx.requestListener(new RequestListener() {
            @Override
            public void completed(Call call, Reply reply) {
                var r = call.route();
                events.add("completed " + reply.status() + " " + (r == null ? call.request().rawPath() : r.path())
                        + (call.startNanos() > 0 ? " timed" : " untimed"));
            }
        });
        ctx.middleware(new Filter() {
            @Override
            public Reply after(Call call, Reply reply) {
                return reply.addHeader("X-Extension", "seen");
            }
        });
        ctx.lifecycle(() -> events.add("startup"), () -> events.add("shutdown"));
        ctx.routeHook(route -> route.annotation(Hooked.class).map(h -> hook(h.value(), events)));
    }

    private static RouteHook hook(String what, List<String> events) {
        return new RouteHook() {
            @Override
            public Object afterMatch(Call call) {
                var alloc = call.request().connection().alloc();
                switch (what) {
                    case "deny":
                        return Replies.detail(alloc, 403, "denied by hook");
                    case "stream":
                        return new Reply(200, Replies.TEXT, new Body.Chunks(pieces(false, "one\n", "two\n", "three\n")));
                    case "stream-length":
                        return new Reply(200, Replies.TEXT, new Body.Chunks(pieces(false, "0123", "4567"), 8, false));
                    case "stream-fail":
                        return new Reply(200, Replies.TEXT, new Body.Chunks(pieces(true, "partial ")));
                    case "file":
                        try {
                            var f = java.nio.file.Files.createTempFile("brisk-file-body", ".txt");
                            java.nio.file.Files.writeString(f, "0123456789abcdef");
                            var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
                            return new Reply(200, Replies.TEXT, new Body.File(ch, 4, 8));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    case "upgrade":
                        return new Reply(101, null, new Body.Upgrade(ch -> ch.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                                ctx.writeAndFlush(msg);   // an echo protocol
                            }
                        }))).addHeader("upgrade", "echo").addHeader("connection", "Upgrade");
                    default:
                        return null;
                }
            }

            @Override
            public Object beforeInvoke(Call call, Object[] args) {
                events.add("beforeInvoke " + java.util.Arrays.toString(args));
                if (what.equals("answer-later")) {
                    var f = new CompletableFuture<Reply>();
                    TIMER.schedule(() -> f.complete(Replies.text(call.request().connection().alloc(), 200, Replies.TEXT, "from the hook")), 20, TimeUnit.MILLISECONDS);
                    return f;
                }
                if (what.equals("continue-later")) {
                    var f = new CompletableFuture<Reply>();
                    TIMER.schedule(() -> f.complete(null), 20, TimeUnit.MILLISECONDS);
                    return f;
                }
                return null;
            }

            @Override
            public Reply afterResponse(Call call, Reply reply) {
                return reply.addHeader("X-Hook", what);
            }
        };
    }

    /** A publisher of the given pieces, one per request(n), from another thread; optionally failing after them. */
    static Flow.Publisher<io.netty.buffer.ByteBuf> pieces(boolean failAfter, String... texts) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int next;
            private boolean done;

            @Override
            public synchronized void request(long n) {
                TIMER.execute(() -> {
                    synchronized (this) {
                        for (long i = 0; i < n && !done; i++) {
                            if (next < texts.length) {
                                subscriber.onNext(io.netty.buffer.Unpooled.copiedBuffer(texts[next++], java.nio.charset.StandardCharsets.UTF_8));
                            }
                            if (next == texts.length && !done) {
                                done = true;
                                if (failAfter) subscriber.onError(new IllegalStateException("the producer broke"));
                                else subscriber.onComplete();
                            }
                        }
                    }
                });
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}
