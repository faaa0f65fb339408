package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.internal.json.PlainJson;
import dev.brisk.internal.json.ValueWriter;
import dev.brisk.Response;
import dev.brisk.SetCookie;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.json.LoopJsonOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Turns handler results (and {@link Response}s) into {@link Reply}s: JSON straight into pooled buffers. */
public final class ResultMapper {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final JsonSupport json;
    private final Map<Class<?>, ValueWriter> writers = new ConcurrentHashMap<>();
    /** Brisk's own writers of plain declared types, or empty for the others (see PlainJson). */
    private final Map<Type, Optional<ValueWriter>> plain = new ConcurrentHashMap<>();

    public ResultMapper(JsonSupport json) {
        this.json = json;
    }

    /** Over a mapper made already (tests, benchmarks). */
    public ResultMapper(ObjectMapper mapper) {
        this(JsonSupport.of(mapper));
    }

    public JsonSupport json() {
        return json;
    }

    /** The mapper, made now if nothing has made it yet. */
    public ObjectMapper mapper() {
        return json.mapper();
    }

    /** Brisk's own writer when {@code type} is plain, else empty (only the mapper can write it). */
    public Optional<ValueWriter> plainWriter(Type type) {
        return plain.computeIfAbsent(type, PlainJson::writer);
    }

    /** The writer of values of {@code type}: Brisk's own for plain types, else Jackson's. */
    public ValueWriter writerFor(Type type) {
        var p = plainWriter(type);
        if (p.isPresent()) return p.get();
        ObjectMapper mapper = json.mapper();
        return ValueWriter.of(mapper.writerFor(mapper.constructType(type)));
    }

    /** The reply for a handler's return value; {@code writer} is the route's precompiled one (or null). */
    public Reply success(Call c, Object value, int status, ValueWriter writer, boolean isVoid) throws IOException {
        Response param = c.responseParam();
        ByteBufAllocator alloc = c.request().connection().alloc();
        if (value instanceof Optional<?> o) {
            if (o.isEmpty()) return withParam(Replies.notFound(alloc), param, 0);
            value = o.get();
            writer = null;
        }
        if (value instanceof Response r) return fromResponse(c, r, param);
        // Files and streams; a route with a precompiled writer returns a JSON type, or an event stream.
        if (writer == null ? StreamResults.handles(value) : value instanceof dev.brisk.EventStream<?>) {
            return withParam(StreamResults.reply(this, c, value, status, null), param, status);
        }
        Reply res;
        if (value == null) {
            res = isVoid ? Reply.empty(status) : Replies.raw(alloc, status, Replies.JSON, NULL);
        } else if (value instanceof String s) {
            res = Replies.text(alloc, status, Replies.TEXT, s);
        } else if (value instanceof byte[] b) {
            res = Replies.raw(alloc, status, Replies.OCTETS, b);
        } else {
            res = Reply.bytes(status, Replies.JSON, encodeJson(alloc, writer != null ? writer : writer(value.getClass()), value));
        }
        return withParam(res, param, status);
    }

    private ValueWriter writer(Class<?> c) {
        ValueWriter w = writers.get(c);
        if (w == null) {
            w = writerFor(c);   // outside the map's lock: it may wait for the mapper
            writers.putIfAbsent(c, w);
        }
        return w;
    }

    public ByteBuf encodeJson(ByteBufAllocator alloc, ValueWriter writer, Object value) throws IOException {
        if (Thread.currentThread() instanceof io.netty.util.concurrent.FastThreadLocalThread) return encodeOnLoop(alloc, writer, value);
        ByteBuf buf = alloc.buffer(256);
        try {
            LoopJsonOutput.write(json.factory(), writer, value, buf);
            return buf;
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** Writes {@code value} as JSON at the end of {@code out}, with its class's writer. */
    public void writeJson(Object value, ByteBuf out) throws IOException {
        LoopJsonOutput.write(json.factory(), writer(value.getClass()), value, out);
    }

    private static final int SCRATCH_KEEP = 64 * 1024;
    private static final io.netty.util.concurrent.FastThreadLocal<ByteBuf> SCRATCH = new io.netty.util.concurrent.FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
            return io.netty.buffer.Unpooled.buffer(1024);
        }
    };

    /**
     * On an event loop, JSON is written into one reusable heap buffer per loop, then copied out at its
     * exact size: a small body then costs one short-lived array instead of a pooled buffer, which is
     * what most of a small response's allocation work was (/json, /plaintext profiles).
     */
    private ByteBuf encodeOnLoop(ByteBufAllocator alloc, ValueWriter writer, Object value) throws IOException {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        try {
            LoopJsonOutput.write(json.factory(), writer, value, scratch);
            int n = scratch.readableBytes();
            ByteBuf out;
            if (n <= dev.brisk.internal.http.Replies.HEAP_LIMIT) {   // an exact heap array; larger ones pooled
                byte[] b = new byte[n];
                scratch.readBytes(b);
                out = io.netty.buffer.Unpooled.wrappedBuffer(b);
            } else {
                out = alloc.buffer(n);
                out.writeBytes(scratch);
            }
            return out;
        } finally {
            if (scratch.capacity() > SCRATCH_KEEP) SCRATCH.set(io.netty.buffer.Unpooled.buffer(1024));   // do not keep a big one
        }
    }

    /** Encodes an arbitrary value as a JSON body with its class's writer. */
    public ByteBuf encodeJson(ByteBufAllocator alloc, Object value) throws IOException {
        return encodeJson(alloc, writer(value.getClass()), value);
    }

    /** The reply for a {@link Response} built by user code (a handler, an exception handler, a middleware's early answer). */
    public Reply fromResponse(Call c, Response r, Response param) throws IOException {
        int status = r.status() == 0 ? (param != null && param.status() != 0 ? param.status() : 200) : r.status();
        if (StreamResults.handles(r.body())) {
            Reply res = StreamResults.reply(this, c, r.body(), status, r.contentType());
            if (param != null) applyHeaders(res, param);
            applyHeaders(res, r);
            return res;
        }
        Reply res = new Reply(status, null, body(c.request().connection().alloc(), r.body(), r.contentType()));
        if (r.contentType() != null) res.contentType(AsciiString.of(checkedValue("Content-Type", r.contentType())));
        else if (r.body() != null) res.contentType(defaultType(r.body()));
        if (param != null) applyHeaders(res, param);
        applyHeaders(res, r);
        return res;
    }

    /** Encodes a user-given body: null (empty), String (UTF-8), byte[] (as is), else JSON. */
    public Body body(ByteBufAllocator alloc, Object body, String contentType) throws IOException {
        if (body == null) return Body.EMPTY;
        if (body instanceof String s) {
            ByteBuf buf = alloc.buffer(s.length() + 8);
            io.netty.buffer.ByteBufUtil.writeUtf8(buf, s);
            return new Body.Bytes(buf);
        }
        if (body instanceof byte[] b) {
            ByteBuf buf = alloc.buffer(b.length);
            buf.writeBytes(b);
            return new Body.Bytes(buf);
        }
        return new Body.Bytes(encodeJson(alloc, body));
    }

    private static AsciiString defaultType(Object body) {
        return body instanceof String ? Replies.TEXT : body instanceof byte[] ? Replies.OCTETS : Replies.JSON;
    }

    private static Reply withParam(Reply res, Response param, int routeStatus) {
        if (param == null) return res;
        if (param.status() != 0 && res.status() == routeStatus) res.status(param.status());
        applyHeaders(res, param);
        return res;
    }

    /** Adds the headers and cookies a handler set on a {@link Response}, after checking them. */
    public static void applyHeaders(Reply res, Response r) {
        for (var e : r.headers()) addUserHeader(res, e.getKey(), e.getValue(), false);
        for (SetCookie c : r.cookies()) res.addHeader(HttpHeaderNames.SET_COOKIE, checkedValue("Set-Cookie", c.toHeader()));
    }

    /**
     * Adds (or replaces) a header that user code asked for, after checking it. Content-Length,
     * Transfer-Encoding and Date are the server's to write: a handler's value would break the framing or
     * duplicate them, so it is left out. ({@code Connection: close} is kept: the transport then closes.)
     */
    public static void addUserHeader(Reply h, String name, String value, boolean replace) {
        checkedName(name);
        checkedValue(name, value);
        if (isServerHeader(name)) return;
        if (replace) h.setHeader(name, value);
        else h.addHeader(name, value);
    }

    /** Headers only the transport writes. */
    public static boolean isServerHeader(CharSequence name) {
        return HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.DATE.contentEqualsIgnoreCase(name);
    }

    /** Rejects header names that are not HTTP tokens (a handler bug: answered with 500, never sent). */
    public static String checkedName(String name) {
        if (name.isEmpty() || HttpHeaderValidationUtil.validateToken(name) != -1) {
            throw new IllegalArgumentException("invalid response header name: \"" + name + "\"");
        }
        return name;
    }

    /** Rejects header values with control characters such as CR and LF (response splitting). */
    public static String checkedValue(String name, String value) {
        if (HttpHeaderValidationUtil.validateValidHeaderValue(value) != -1) {
            throw new IllegalArgumentException("invalid value for response header " + name);
        }
        return value;
    }
}
