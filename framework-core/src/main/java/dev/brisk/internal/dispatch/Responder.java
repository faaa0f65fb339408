package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brisk.ExceptionHandler;
import dev.brisk.HttpException;
import dev.brisk.RequestValidationException;
import dev.brisk.Response;
import dev.brisk.SetCookie;
import dev.brisk.ValidationError;
import dev.brisk.internal.http.Exchange;
import dev.brisk.internal.json.LoopJsonOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Turns results and exceptions into Netty responses: JSON straight into pooled buffers. */
public final class Responder {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");

    public static final AsciiString JSON = AsciiString.cached("application/json");
    public static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
    public static final AsciiString OCTETS = AsciiString.cached("application/octet-stream");
    private static final AsciiString CLOSE = AsciiString.cached("close");
    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final byte[] NOT_FOUND = "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INTERNAL = "{\"detail\":\"Internal Server Error\"}".getBytes(StandardCharsets.US_ASCII);

    // Brisk's own header names and values are valid by construction; values from user code are checked
    // by checked() before they are added, so Netty's per-header validation is not paid on every response.
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final ObjectMapper mapper;
    private final Map<Class<? extends Throwable>, ExceptionHandler<?>> handlers;
    private final Map<Class<?>, Optional<ExceptionHandler<?>>> handlerCache = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
    /** Called with every exception answered with 500 (the TestClient re-throws them). */
    public volatile Consumer<Throwable> serverErrorListener;

    public Responder(ObjectMapper mapper, Map<Class<? extends Throwable>, ExceptionHandler<?>> handlers) {
        this.mapper = mapper;
        this.handlers = handlers;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectWriter writerFor(java.lang.reflect.Type type) {
        return mapper.writerFor(mapper.constructType(type));
    }

    // ------------------------------------------------------------------------------------ success

    /** The response for a handler's return value; {@code writer} is the route's precompiled one (or null). */
    public FullHttpResponse success(Exchange ex, Object value, int status, ObjectWriter writer, boolean isVoid) throws IOException {
        Response param = ex.responseParam();
        if (value instanceof Optional<?> o) {
            if (o.isEmpty()) return withParam(json(ex.channel.alloc(), 404, NOT_FOUND), param, 0);
            value = o.get();
            writer = null;
        }
        if (value instanceof Response r) return fromResponse(ex, r, param);
        FullHttpResponse res;
        if (value == null) {
            if (isVoid) {
                res = empty(status);
            } else {
                res = raw(ex.channel.alloc(), status, JSON, "null".getBytes(StandardCharsets.US_ASCII));
            }
        } else if (value instanceof String s) {
            res = text(ex.channel.alloc(), status, TEXT, s);
        } else if (value instanceof byte[] b) {
            res = raw(ex.channel.alloc(), status, OCTETS, b);
        } else {
            ByteBuf buf = encodeJson(ex.channel.alloc(), writer != null ? writer : writer(value.getClass()), value);
            res = build(status, JSON, buf);
        }
        return withParam(res, param, status);
    }

    private ObjectWriter writer(Class<?> c) {
        return writers.computeIfAbsent(c, k -> mapper.writerFor(k));
    }

    public ByteBuf encodeJson(ByteBufAllocator alloc, ObjectWriter writer, Object value) throws IOException {
        ByteBuf buf = alloc.buffer(256);
        try {
            LoopJsonOutput.write(mapper, writer, value, buf);
            return buf;
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    private FullHttpResponse fromResponse(Exchange ex, Response r, Response param) throws IOException {
        int status = r.status() == 0 ? (param != null && param.status() != 0 ? param.status() : 200) : r.status();
        Object body = r.body();
        AsciiString ct = r.contentType() == null ? null : AsciiString.of(checkedValue("Content-Type", r.contentType()));
        FullHttpResponse res;
        if (body == null) {
            res = empty(status);
            if (ct != null) res.headers().set(HttpHeaderNames.CONTENT_TYPE, ct);
        } else if (body instanceof String s) {
            res = text(ex.channel.alloc(), status, ct == null ? TEXT : ct, s);
        } else if (body instanceof byte[] b) {
            res = raw(ex.channel.alloc(), status, ct == null ? OCTETS : ct, b);
        } else {
            res = build(status, ct == null ? JSON : ct, encodeJson(ex.channel.alloc(), writer(body.getClass()), body));
        }
        if (param != null) applyHeaders(res, param);
        applyHeaders(res, r);
        return res;
    }

    private static FullHttpResponse withParam(FullHttpResponse res, Response param, int routeStatus) {
        if (param == null) return res;
        if (param.status() != 0 && res.status().code() == routeStatus) res.setStatus(HttpResponseStatus.valueOf(param.status()));
        applyHeaders(res, param);
        return res;
    }

    private static void applyHeaders(FullHttpResponse res, Response r) {
        HttpHeaders h = res.headers();
        for (var e : r.headers()) addUserHeader(h, e.getKey(), e.getValue(), false);
        for (SetCookie c : r.cookies()) h.add(HttpHeaderNames.SET_COOKIE, checkedValue("Set-Cookie", c.toHeader()));
    }

    /**
     * Adds (or replaces) a header that user code asked for, after checking it. Content-Length,
     * Transfer-Encoding and Date are the server's to write: a handler's value would break the framing
     * or duplicate them, so it is left out.
     */
    private static void addUserHeader(HttpHeaders h, String name, String value, boolean replace) {
        checkedName(name);
        checkedValue(name, value);
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.DATE.contentEqualsIgnoreCase(name)) {
            return;
        }
        if (replace) h.set(name, value);
        else h.add(name, value);
    }

    /** Rejects header names that are not HTTP tokens (a handler bug: answered with 500, never sent). */
    static String checkedName(String name) {
        if (name.isEmpty() || HttpHeaderValidationUtil.validateToken(name) != -1) {
            throw new IllegalArgumentException("invalid response header name: \"" + name + "\"");
        }
        return name;
    }

    /** Rejects header values with control characters such as CR and LF (response splitting). */
    static String checkedValue(String name, String value) {
        if (HttpHeaderValidationUtil.validateValidHeaderValue(value) != -1) {
            throw new IllegalArgumentException("invalid value for response header " + name);
        }
        return value;
    }

    // ------------------------------------------------------------------------------------ errors

    /** Maps an exception to a response: user handlers, HttpException, 422, or a logged 500. */
    public FullHttpResponse error(Exchange ex, Throwable t, String route) {
        t = ArgsSolver.unwrap(t);
        if (t instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null) t = ite.getCause();
        var handler = handlerFor(t.getClass());
        if (handler != null) {
            try {
                @SuppressWarnings("unchecked")
                var h = (ExceptionHandler<Throwable>) handler;
                Response r = h.handle(t, ex);
                if (r == null) throw new IllegalStateException("exception handler returned null");
                return fromResponse(ex, r, null);
            } catch (Throwable t2) {
                LOG.error("Exception handler for {} failed on {} {}", t.getClass().getName(), ex, route, t2);
                return internalError(ex, t2);
            }
        }
        try {
            if (t instanceof HttpException he) {
                var node = mapper.createObjectNode();
                node.set("detail", mapper.valueToTree(he.detail()));
                var res = build(he.status(), JSON, encodeJson(ex.channel.alloc(), mapper.writer(), node));
                he.headers().forEach((k, v) -> addUserHeader(res.headers(), k, v, true));
                Response param = ex.responseParam();
                if (param != null) applyHeaders(res, param);
                return res;
            }
            if (t instanceof RequestValidationException rve) {
                return build(422, JSON, encodeJson(ex.channel.alloc(), mapper.writer(), validationBody(rve.errors())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot encode the error response for {} {}", ex, route, e);
            return internalError(ex, e);
        }
        LOG.error("Unhandled exception in {} {}", ex, route, t);
        return internalError(ex, t);
    }

    private FullHttpResponse internalError(Exchange ex, Throwable t) {
        var l = serverErrorListener;
        if (l != null) l.accept(t);
        var hook = ex.channel.attr(SERVER_ERROR).get();
        if (hook != null) hook.accept(t);
        return json(ex.channel.alloc(), 500, INTERNAL);
    }

    /** Channel attribute for a per-connection 500 listener (used by the TestClient). */
    public static final io.netty.util.AttributeKey<Consumer<Throwable>> SERVER_ERROR =
            io.netty.util.AttributeKey.valueOf("brisk.serverError");

    /** FastAPI's {@code {"detail": [...]}} with fields type, loc, msg, input[, ctx]. */
    public ObjectNode validationBody(List<ValidationError> errors) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode arr = root.putArray("detail");
        for (var e : errors) {
            ObjectNode o = arr.addObject();
            o.put("type", e.type());
            ArrayNode loc = o.putArray("loc");
            for (Object part : e.loc()) {
                if (part instanceof Integer i) loc.add(i);
                else loc.add(String.valueOf(part));
            }
            o.put("msg", e.msg());
            JsonNode input;
            try {
                input = e.input() instanceof JsonNode j ? j : mapper.valueToTree(e.input());
            } catch (RuntimeException ex) {
                input = mapper.getNodeFactory().textNode(String.valueOf(e.input()));
            }
            o.set("input", input);
            if (!e.ctx().isEmpty()) o.set("ctx", mapper.valueToTree(e.ctx()));
        }
        return root;
    }

    private ExceptionHandler<?> handlerFor(Class<?> c) {
        if (handlers.isEmpty()) return null;
        return handlerCache.computeIfAbsent(c, k -> {
            for (Class<?> x = k; x != null; x = x.getSuperclass()) {
                var h = handlers.get(x);
                if (h != null) return Optional.of(h);
            }
            return Optional.empty();
        }).orElse(null);
    }

    // ------------------------------------------------------------------------------------ building blocks

    public static FullHttpResponse build(int status, AsciiString contentType, ByteBuf content) {
        var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content,
                HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return res;
    }

    public static FullHttpResponse empty(int status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.EMPTY_BUFFER,
                HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
    }

    public static FullHttpResponse json(ByteBufAllocator alloc, int status, byte[] body) {
        return raw(alloc, status, JSON, body);
    }

    public static FullHttpResponse raw(ByteBufAllocator alloc, int status, AsciiString ct, byte[] body) {
        ByteBuf buf = alloc.buffer(body.length);
        buf.writeBytes(body);
        return build(status, ct, buf);
    }

    static FullHttpResponse text(ByteBufAllocator alloc, int status, AsciiString ct, String s) {
        ByteBuf buf = alloc.buffer(s.length() + 8);
        io.netty.buffer.ByteBufUtil.writeUtf8(buf, s);
        return build(status, ct, buf);
    }

    /** {@code {"detail": "<reason>"}} for transport-level answers (404, 405, 413, 503 ...). */
    public static FullHttpResponse detail(ByteBufAllocator alloc, int status, String detail) {
        var sb = new StringBuilder(detail.length() + 14).append("{\"detail\":\"");
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
                continue;
            }
            sb.append(c);
        }
        sb.append("\"}");
        return raw(alloc, status, JSON, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds {@code Connection} when it differs from the version's default, just before writing.
     * Content-Length and Date are written by the transport's encoder, straight into the output.
     */
    public static void finish(FullHttpResponse res, boolean keepAlive, boolean http10) {
        if (!keepAlive) res.headers().set(HttpHeaderNames.CONNECTION, CLOSE);
        else if (http10) res.headers().set(HttpHeaderNames.CONNECTION, KEEP_ALIVE);
    }
}
