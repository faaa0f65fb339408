package dev.brisk.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one request and one response through Brisk's HTTP codec on an embedded channel, and loads the
 * native transport, so that the transport's classes (allocator, pipeline, decoder, encoder; on JDK 25
 * Netty's FFM memory linker) are loaded and initialised on a core of their own while the app is built,
 * rather than on the main thread or while the first request waits (~0.1-0.15 s of a 0.5 s start).
 */
public final class TransportWarmup {
    private static final byte[] REQUEST = "GET /warmup?q=1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch CORE = new CountDownLatch(1);
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private TransportWarmup() {
    }

    /**
     * Starts the warm-up on a daemon thread, once per JVM (later apps find the classes ready). Until
     * {@link #awaitCore()} returns, the caller must not touch Netty, and until {@link #awaitDone()} returns
     * only the classes of the first step: Netty's classes have had initialisation cycles that deadlock
     * when two threads initialise them at once, so they are initialised on this one thread only (reading
     * the settings and the routes needs none of them; NettyClassesWhileWarmingUpTest checks both rules).
     */
    public static void startInBackground() {
        if (!STARTED.compareAndSet(false, true)) return;
        NettyDefaults.apply();   // before any Netty class initialises
        var t = new Thread(() -> {
            try {
                try {
                    initCore();
                } finally {
                    CORE.countDown();
                }
                run();
                try {
                    Epoll.isAvailable();   // loads the native library; the server's start finds it loaded
                } catch (Throwable t2) {
                    // no native transport: the server falls back to NIO and says so itself
                }
            } finally {
                DONE.countDown();
            }
        }, "brisk-init-transport");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the warm-up started by {@link #startInBackground()} (at most 30 s: it never holds a start for longer). */
    public static void awaitDone() {
        await(DONE);
    }

    /**
     * Waits for the warm-up's first step: Netty's core classes (platform, logging, thread-locals, strings) and
     * the HTTP constants, initialised on the warm-up thread. After it the caller may use those while the
     * warm-up goes on with the codec and the native transport, none of whose classes it may touch until
     * {@link #awaitDone()}: compiling the routes and configuring Brisk's extensions use only these
     * ({@code NettyClassesWhileWarmingUpTest} checks it for the richest example app).
     */
    public static void awaitCore() {
        await(CORE);
    }

    private static void await(CountDownLatch latch) {
        if (!STARTED.get()) return;
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) LoggerFactory.getLogger(TransportWarmup.class).debug("transport warm-up still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The warm-up's first step (see {@link #awaitCore()}): each call initialises its class. */
    static void initCore() {
        io.netty.util.AsciiString.EMPTY_STRING.length();   // and with it Netty's platform and logging classes
        io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE.length();
        io.netty.handler.codec.http.HttpHeaderValues.CLOSE.length();
        io.netty.handler.codec.http.HttpResponseStatus.OK.code();
        io.netty.handler.codec.http.HttpMethod.GET.name();
        io.netty.handler.codec.http.HttpVersion.HTTP_1_1.majorVersion();
        io.netty.util.concurrent.FastThreadLocal.size();   // a static call: takes no thread-local slot, unlike a new FastThreadLocal
    }

    /** Never fails: a problem here only means the first request pays for the class loading. */
    public static void run() {
        try {
            exercise();
        } catch (Throwable t) {
            LoggerFactory.getLogger(TransportWarmup.class).debug("transport warm-up failed", t);
        }
    }

    /** Decodes a request and encodes a response; returns the decoded request's URI and the response bytes. */
    static String exercise() {
        var ch = new EmbeddedChannel(new StrictRequestDecoder(NettyServer.decoderConfig(), new ConnState()));
        var seen = new StringBuilder();
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(REQUEST));
            for (Object m; (m = ch.readInbound()) != null; ) {
                if (m instanceof HttpRequest r) seen.append(r.method()).append(' ').append(r.uri()).append('\n');
                ReferenceCountUtil.release(m);
            }
            var reply = Replies.raw(ch.alloc(), 200, Replies.JSON, "{}".getBytes(StandardCharsets.US_ASCII));
            var content = ((Body.Bytes) reply.body()).content();
            var out = ResponseEncoder.head(ch.alloc(), reply, content.readableBytes(), 0, content.readableBytes());
            out.writeBytes(content);
            content.release();
            ch.writeOutbound(out);
            for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
                seen.append(b.toString(StandardCharsets.US_ASCII));
                b.release();
            }
            return seen.toString();
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
