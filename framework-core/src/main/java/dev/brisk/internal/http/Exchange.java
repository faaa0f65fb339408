package dev.brisk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.brisk.Request;
import dev.brisk.Response;
import dev.brisk.internal.binding.Errors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request on its way through Brisk: the decoded head and body, what routing found, and the
 * per-request state of binding (errors, dependency cache, cleanups). It is also the {@link Request}
 * handed to user code. Created on the event loop; handed to at most one worker thread at a time.
 */
public final class Exchange implements Request {
    private static final String[] NO_STRINGS = new String[0];

    public final Channel channel;
    public final HttpRequest head;
    public final long seq;
    public final boolean isHead;
    public final boolean keepAlive;
    private ByteBuf content;
    private byte[] bodyBytes;

    // set by routing
    public Object endpoint;
    public String[] pathNames = NO_STRINGS;
    public String[] pathValues = NO_STRINGS;

    private final String uri;
    private final int queryStart;
    private String path;
    private String[] qNames;
    private String[] qValues;
    private int qCount = -1;
    private Map<String, String> cookies;
    private Map<String, List<String>> form;

    private Errors errors;
    private Response responseParam;
    private IdentityHashMap<Object, Object> depCache;
    private ArrayList<AutoCloseable> closeables;
    public JsonNode jsonBody;
    public boolean jsonParsed;
    /** Set when the body was bound without building its tree: {@link #jsonTree()} builds it if an error report needs it. */
    public ObjectReader jsonDeferred;
    /** The finished response, waiting for earlier pipelined ones (event loop only). */
    public io.netty.handler.codec.http.FullHttpResponse response;
    /** Set when the connection closed before this exchange's turn. */
    public boolean dropped;
    public boolean jsonInvalid;
    /** Raw text of each argument, kept only for routes whose parameters have constraints. */
    public Object[] rawInputs;

    public Exchange(Channel channel, HttpRequest head, ByteBuf content, long seq, boolean keepAlive) {
        this.channel = channel;
        this.head = head;
        this.content = content;
        this.seq = seq;
        this.keepAlive = keepAlive;
        this.isHead = head.method() == io.netty.handler.codec.http.HttpMethod.HEAD;
        this.uri = head.uri();
        this.queryStart = uri.indexOf('?');
    }

    // ------------------------------------------------------------------------------------ raw parts

    /** The raw (still percent-encoded) path. */
    public String rawPath() {
        return queryStart < 0 ? uri : uri.substring(0, queryStart);
    }

    public ByteBuf content() {
        return content;
    }

    public Errors errors() {
        var e = errors;
        if (e == null) errors = e = new Errors();
        return e;
    }

    public boolean hasErrors() {
        return errors != null && !errors.isEmpty();
    }

    /** The {@code Response} parameter handed to the handler, if one was asked for. */
    public Response responseParam() {
        return responseParam;
    }

    public Response responseParamCreate() {
        var r = responseParam;
        if (r == null) responseParam = r = new Response();
        return r;
    }

    public Object cached(Object key) {
        return depCache == null ? null : depCache.get(key);
    }

    public void cache(Object key, Object value) {
        if (depCache == null) depCache = new IdentityHashMap<>(4);
        depCache.put(key, value);
    }

    public void addCloseable(AutoCloseable c) {
        if (closeables == null) closeables = new ArrayList<>(2);
        closeables.add(c);
    }

    /** Cleanups registered by dependencies, in registration order; null when none. */
    public List<AutoCloseable> closeables() {
        return closeables;
    }

    /** Releases the request body buffer (idempotent). */
    public void release() {
        var c = content;
        if (c != null) {
            content = null;
            if (c.refCnt() > 0) c.release();
        }
    }

    // ------------------------------------------------------------------------------------ query

    private void parseQuery() {
        if (queryStart < 0 || queryStart == uri.length() - 1) {
            qCount = 0;
            return;
        }
        int n = 0;
        String[] names = new String[4];
        String[] values = new String[4];
        int i = queryStart + 1, len = uri.length();
        while (i <= len) {
            int amp = uri.indexOf('&', i);
            if (amp < 0) amp = len;
            if (amp > i) {
                int eq = uri.indexOf('=', i);
                String name, value;
                if (eq < 0 || eq > amp) {
                    name = UrlDecoding.decode(uri, i, amp, true);
                    value = "";
                } else {
                    name = UrlDecoding.decode(uri, i, eq, true);
                    value = UrlDecoding.decode(uri, eq + 1, amp, true);
                }
                if (n == names.length) {
                    names = java.util.Arrays.copyOf(names, n * 2);
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                names[n] = name;
                values[n] = value;
                n++;
            }
            i = amp + 1;
        }
        qNames = names;
        qValues = values;
        qCount = n;
    }

    /** First value of a query parameter, or null. */
    public String queryValue(String name) {
        if (qCount < 0) parseQuery();
        for (int i = 0; i < qCount; i++) if (qNames[i].equals(name)) return qValues[i];
        return null;
    }

    /** All values of a query parameter (possibly empty). */
    public List<String> queryValues(String name) {
        if (qCount < 0) parseQuery();
        List<String> out = null;
        for (int i = 0; i < qCount; i++) {
            if (qNames[i].equals(name)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(qValues[i]);
            }
        }
        return out == null ? List.of() : out;
    }

    // ------------------------------------------------------------------------------------ cookies, form

    public String cookieValue(String name) {
        if (cookies == null) {
            var all = head.headers().getAll(HttpHeaderNames.COOKIE);
            if (all.isEmpty()) {
                cookies = Map.of();
            } else {
                var m = new LinkedHashMap<String, String>();
                for (String h : all) {
                    for (var c : ServerCookieDecoder.LAX.decode(h)) m.putIfAbsent(c.name(), c.value());
                }
                cookies = m;
            }
        }
        return cookies.get(name);
    }

    /** Fields of an urlencoded form body. */
    public Map<String, List<String>> form() {
        if (form == null) {
            var m = new LinkedHashMap<String, List<String>>();
            String s = bodyText();
            int i = 0, len = s.length();
            while (i <= len && len > 0) {
                int amp = s.indexOf('&', i);
                if (amp < 0) amp = len;
                if (amp > i) {
                    int eq = s.indexOf('=', i);
                    String name, value;
                    if (eq < 0 || eq > amp) {
                        name = UrlDecoding.decode(s, i, amp, true);
                        value = "";
                    } else {
                        name = UrlDecoding.decode(s, i, eq, true);
                        value = UrlDecoding.decode(s, eq + 1, amp, true);
                    }
                    m.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                }
                i = amp + 1;
            }
            form = m;
        }
        return form;
    }

    /** The JSON body as a tree, for error reports (null when absent or not parsed). */
    public JsonNode jsonTree() {
        var r = jsonDeferred;
        if (r != null) {
            jsonDeferred = null;
            try {
                jsonBody = r.readTree(bodyArray());   // read once already, so well-formed
            } catch (java.io.IOException e) {
                jsonBody = null;
            }
        }
        return jsonBody;
    }

    /** The body bytes, as an array backed view when possible. */
    public byte[] bodyArray() {
        if (bodyBytes == null) {
            var c = content;
            bodyBytes = c == null || !c.isReadable() ? new byte[0] : ByteBufUtil.getBytes(c);
        }
        return bodyBytes;
    }

    public boolean hasBody() {
        var c = content;
        return c != null ? c.isReadable() : bodyBytes != null && bodyBytes.length > 0;
    }

    // ------------------------------------------------------------------------------------ Request

    @Override
    public String method() {
        return head.method().name();
    }

    @Override
    public String path() {
        var p = path;
        if (p == null) {
            int end = queryStart < 0 ? uri.length() : queryStart;
            path = p = UrlDecoding.decode(uri, 0, end, false);
        }
        return p;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(head.headers().get(name));
    }

    @Override
    public List<String> headers(String name) {
        return head.headers().getAll(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        var m = new LinkedHashMap<String, List<String>>();
        for (var e : head.headers()) m.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryValue(name));
    }

    @Override
    public List<String> queries(String name) {
        return List.copyOf(queryValues(name));
    }

    @Override
    public Optional<String> pathParam(String name) {
        for (int i = 0; i < pathNames.length; i++) if (pathNames[i].equals(name)) return Optional.of(pathValues[i]);
        return Optional.empty();
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookieValue(name));
    }

    @Override
    public byte[] body() {
        return bodyArray().clone();
    }

    @Override
    public String bodyText() {
        var c = content;
        if (c != null && bodyBytes == null) return c.toString(StandardCharsets.UTF_8);
        return new String(bodyArray(), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(head.headers().get(HttpHeaderNames.CONTENT_TYPE));
    }

    @Override
    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public String toString() {
        return head.method() + " " + uri;
    }
}
