package dev.brisk.internal.http;

import dev.brisk.Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One decoded request: head, body and the lazily parsed parts (path, query, cookies, form). It is
 * the {@link Request} user code sees. Made by the transport on the event loop; afterwards handed to
 * at most one other thread at a time. The body buffer is released by the transport when the
 * request's reply has been produced ({@link #release()}); what was read from it before stays.
 */
public final class RequestView implements Request {
    private static final String[] NONE = new String[0];

    private final ConnectionInfo connection;
    private final HttpRequest head;
    private final String uri;
    private final int queryStart;
    private final boolean isHead;
    private ByteBuf content;
    private byte[] bodyBytes;
    private String path;
    private UrlEncoded query;
    private UrlEncoded form;
    private Map<String, String> cookies;
    private String[] pathNames = NONE;
    private String[] pathValues = NONE;
    private StreamedBody streamed;

    public RequestView(ConnectionInfo connection, HttpRequest head, ByteBuf content) {
        this.connection = connection;
        this.head = head;
        this.content = content;
        this.uri = head.uri();
        this.queryStart = uri.indexOf('?');
        this.isHead = head.method() == HttpMethod.HEAD;
    }

    // ------------------------------------------------------------------------------------ for Brisk

    public ConnectionInfo connection() {
        return connection;
    }

    /** The request's headers (Netty's view; names case-insensitive). */
    public HttpHeaders headerMap() {
        return head.headers();
    }

    /** The first value of a header, or null. */
    public String headerValue(CharSequence name) {
        return head.headers().get(name);
    }

    /** True for HEAD (routed as GET; the transport sends no body). */
    public boolean isHead() {
        return isHead;
    }

    /** HTTP/1.0 or HTTP/1.1. */
    public String protocol() {
        return head.protocolVersion().text();
    }

    /** The raw (still percent-encoded) path. */
    public String rawPath() {
        return queryStart < 0 ? uri : uri.substring(0, queryStart);
    }

    /** The raw query string without {@code ?}, or null. */
    public String rawQuery() {
        return queryStart < 0 ? null : uri.substring(queryStart + 1);
    }

    /** Records the matched route's path parameters (names from its template, values decoded by routing). */
    public void pathParams(String[] names, String[] values) {
        this.pathNames = names;
        this.pathValues = values;
    }

    /** The value of the {@code i}-th path parameter of the matched template, or null. */
    public String pathValue(int i) {
        return i < pathValues.length ? pathValues[i] : null;
    }

    public UrlEncoded queryParams() {
        var q = query;
        if (q == null) query = q = queryStart < 0 ? UrlEncoded.EMPTY : UrlEncoded.parse(uri, queryStart + 1, uri.length());
        return q;
    }

    /** First value of a query parameter, or null. */
    public String queryValue(String name) {
        return queryParams().first(name);
    }

    /** All values of a query parameter (possibly empty). */
    public List<String> queryValues(String name) {
        return queryParams().all(name);
    }

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

    /** The fields of an urlencoded form body. */
    public UrlEncoded formParams() {
        var f = form;
        if (f == null) {
            String s = bodyText();
            form = f = UrlEncoded.parse(s, 0, s.length());
        }
        return f;
    }

    /** The body bytes (shared: do not modify). */
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

    /** The body as received, or null once released; valid only until {@link #release()}. */
    public ByteBuf content() {
        return content;
    }

    /** Releases the body buffer (idempotent); the bytes read from it before remain available. */
    public void release() {
        var c = content;
        if (c != null) {
            content = null;
            if (c.refCnt() > 0) c.release();
        }
    }

    /** The body consumed as it arrived (a multipart form), or null when the body was aggregated. */
    public StreamedBody streamed() {
        return streamed;
    }

    /** Attaches the streamed body (the transport, before dispatching). */
    public RequestView streamed(StreamedBody body) {
        this.streamed = body;
        return this;
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
        for (var e : head.headers()) m.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue());
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
        for (int i = 0; i < pathNames.length; i++) {
            if (pathNames[i].equals(name)) return Optional.of(pathValues[i]);
        }
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
        return connection.remoteAddress();
    }

    @Override
    public String toString() {
        return head.method() + " " + uri;
    }
}
