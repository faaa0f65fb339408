package dev.brisk.internal.dispatch;

import dev.brisk.BodyWriter;
import dev.brisk.EventStream;
import dev.brisk.Response;
import dev.brisk.ServerSentEvent;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.files.FileReplies;
import dev.brisk.internal.files.FileSource;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.stream.EventEncoder;
import dev.brisk.internal.stream.EventPublisher;
import dev.brisk.internal.stream.Sources;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.BaseStream;

/**
 * Results that are not complete in memory: files ({@code Path}), streams ({@code InputStream},
 * {@code Iterator}, {@code Stream}, {@code Flow.Publisher}, a {@link BodyWriter}) and event streams.
 * Blocking sources are read on the worker pool, one piece per unit of the transport's demand.
 */
final class StreamResults {
    static final AsciiString EVENT_STREAM = AsciiString.cached("text/event-stream; charset=utf-8");
    static final AsciiString JSON_LINES = AsciiString.cached("application/jsonl");
    private static final AsciiString NO_CACHE = AsciiString.cached("no-cache");
    private static final AsciiString X_ACCEL_BUFFERING = AsciiString.cached("x-accel-buffering");
    private static final AsciiString NO = AsciiString.cached("no");

    private StreamResults() {
    }

    /** Whether {@code value} is one of these results (checked only for routes without a precompiled JSON writer). */
    static boolean handles(Object value) {
        return value instanceof java.nio.file.Path || value instanceof FileSource || value instanceof InputStream
                || value instanceof Iterator || value instanceof BaseStream || value instanceof Flow.Publisher
                || value instanceof EventStream || value instanceof BodyWriter;
    }

    /** Whether producing the reply opens a file (which must not happen on an event loop). */
    static boolean opensFile(Object value) {
        if (value instanceof Optional<?> o) value = o.orElse(null);
        if (value instanceof Response r) value = r.body();
        return value instanceof java.nio.file.Path;
    }

    /**
     * The reply for such a value.
     *
     * @param contentType the user's content type, or null for the kind's default
     */
    static Reply reply(ResultMapper results, Call c, Object value, int status, String contentType) {
        var req = c.request();
        ByteBufAllocator alloc = req.connection().alloc();
        Executor workers = c.blockingExecutor();
        CharSequence ct = contentType == null ? null : AsciiString.of(ResultMapper.checkedValue("Content-Type", contentType));
        if (value instanceof java.nio.file.Path p) {
            FileSource src = FileSource.open(p);
            if (src == null) return Replies.notFound(alloc);
            return FileReplies.reply(req, alloc, workers, src, status, ct, null);
        }
        if (value instanceof FileSource src) return FileReplies.reply(req, alloc, workers, src, status, ct, null);
        if (value instanceof EventStream<?> es) {
            var encoder = new EventEncoder(alloc, results::writeJson);
            var r = new Reply(status, ct != null ? ct : EVENT_STREAM, new Body.Chunks(new EventPublisher(req.connection(), es, encoder, workers, c.stopSignal()), -1, true));
            r.addHeader(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
            r.addHeader(X_ACCEL_BUFFERING, NO);
            return r;
        }
        Flow.Publisher<ByteBuf> source;
        CharSequence type;
        if (value instanceof InputStream in) {
            source = Sources.of(in, alloc, workers);
            type = Replies.OCTETS;
        } else if (value instanceof BodyWriter w) {
            source = Sources.of(w, alloc, workers);
            type = Replies.OCTETS;
        } else {
            Class<?> element = elementType(c);
            if (value instanceof Flow.Publisher<?> p && element == ServerSentEvent.class) {
                @SuppressWarnings("unchecked")
                var events = EventStream.of((Flow.Publisher<ServerSentEvent>) p);
                return reply(results, c, events, status, contentType);
            }
            Function<Object, ByteBuf> encoder = item -> encode(results, alloc, item);
            if (value instanceof BaseStream<?, ?> s) {
                source = Sources.of(s.iterator(), s, encoder, workers);
            } else if (value instanceof Iterator<?> it) {
                source = Sources.of(it, it instanceof AutoCloseable ac ? ac : null, encoder, workers);
            } else {
                source = Sources.map((Flow.Publisher<?>) value, encoder, req.connection().loop());
            }
            type = element == String.class || element == CharSequence.class ? Replies.TEXT
                    : element == null || element == Object.class || element == byte[].class || element == ByteBuffer.class ? Replies.OCTETS
                    : JSON_LINES;
        }
        return new Reply(status, ct != null ? ct : type, new Body.Chunks(source, -1, true));
    }

    /** One piece for an item of a streamed body: text as UTF-8, bytes as they are, anything else as a JSON line. */
    private static ByteBuf encode(ResultMapper results, ByteBufAllocator alloc, Object item) {
        if (item instanceof CharSequence s) {
            ByteBuf b = alloc.buffer(s.length() + 8);
            ByteBufUtil.writeUtf8(b, s);
            return b;
        }
        if (item instanceof byte[] a) return Unpooled.wrappedBuffer(a.clone());
        if (item instanceof ByteBuffer bb) return Unpooled.copiedBuffer(bb.duplicate());
        ByteBuf b = alloc.buffer(128);
        try {
            results.writeJson(item, b);
            b.writeByte('\n');
            return b;
        } catch (IOException e) {
            b.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            b.release();
            throw e;
        }
    }

    /** The element type a route declares for its stream ({@code Stream<String>} -> String), or null. */
    private static Class<?> elementType(Call c) {
        var def = c.route();
        if (def == null) return null;
        Type t = def.resultType();
        Class<?> raw = Types.raw(t);
        if (raw == Optional.class) {
            t = Types.arg(t, 0);
            raw = Types.raw(t);
        }
        if (!(Iterator.class.isAssignableFrom(raw) || BaseStream.class.isAssignableFrom(raw) || Flow.Publisher.class.isAssignableFrom(raw))) return null;
        if (!(t instanceof java.lang.reflect.ParameterizedType)) return null;
        Type arg = Types.arg(t, 0);
        return arg instanceof Class<?> || arg instanceof java.lang.reflect.ParameterizedType ? Types.raw(arg) : null;
    }

    /**
     * Produces a reply that opens a file on a worker (the caller is an event loop) and hands it back on
     * the loop, where the route's middleware expect it.
     */
    static void offload(Call c, ReplyProducer producer, ReplySink sink, Consumer<Throwable> fail) {
        var loop = c.request().connection().loop();
        Runnable task = () -> {
            Reply r;
            try {
                r = producer.produce();
            } catch (Throwable t) {
                back(loop, () -> fail.accept(t), null);
                return;
            }
            back(loop, () -> sink.reply(r), r);
        };
        try {
            c.blockingExecutor().execute(task);
        } catch (RejectedExecutionException e) {
            fail.accept(e);
        }
    }

    private static void back(io.netty.util.concurrent.EventExecutor loop, Runnable r, Reply made) {
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            if (made != null) made.discard();
        }
    }

    /** Makes a reply; may throw. */
    @FunctionalInterface
    interface ReplyProducer {
        Reply produce() throws Exception;
    }
}
