package dev.brisk.test;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket handshake being put together: {@code client.websocket("/ws/chat/a").query("name", "ann").connect()}.
 * Like {@link TestClient.RequestBuilder}, headers given here replace the client's defaults of the
 * same name, and the client's cookies are sent. No {@code Origin} header is sent unless given (like
 * a client that is not a browser).
 */
public final class WebSocketRequest {
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final TestClient client;
    private final String path;
    private final List<String[]> headers = new ArrayList<>(2);
    private final List<String[]> query = new ArrayList<>(2);
    private final Map<String, String> cookies = new LinkedHashMap<>(2);
    private final List<String> subprotocols = new ArrayList<>(1);
    private boolean compression;

    WebSocketRequest(TestClient client, String path) {
        this.client = client;
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Adds a header of the upgrade request; a name given twice is sent twice. */
    public WebSocketRequest header(String name, String value) {
        headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
        return this;
    }

    /** Adds a query parameter, percent-encoded as UTF-8. */
    public WebSocketRequest query(String name, String value) {
        query.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
        return this;
    }

    /** Sends a cookie with this handshake, in addition to (or instead of) the jar's cookie of that name. */
    public WebSocketRequest cookie(String name, String value) {
        cookies.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Offers these sub-protocols ({@code Sec-WebSocket-Protocol}), in order of preference. */
    public WebSocketRequest subprotocols(String... protocols) {
        for (String p : protocols) subprotocols.add(Objects.requireNonNull(p, "protocol"));
        return this;
    }

    /** Offers permessage-deflate; the connection compresses if the app agrees (see {@code WebSocketSettings.compression}). */
    public WebSocketRequest compression(boolean offer) {
        this.compression = offer;
        return this;
    }

    /**
     * Sends the handshake and waits for the app to switch protocols.
     *
     * @throws WebSocketDeniedException when the app answers with an HTTP response instead
     * @throws AssertionError when nothing comes back within the client's timeout
     */
    public TestWebSocket connect() {
        return client.connectWebSocket(this);
    }

    String target() {
        String t = Uris.target(path);
        if (query.isEmpty()) return t;
        var sb = new StringBuilder(t.length() + 32).append(t);
        for (String[] q : query) Uris.appendQuery(sb, q[0], q[1]);
        return sb.toString();
    }

    boolean compression() {
        return compression;
    }

    /** The upgrade request; {@code key} is this handshake's Sec-WebSocket-Key. */
    FullHttpRequest toNetty(String target, String key, CookieJar jar) {
        var req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target, Unpooled.EMPTY_BUFFER, HEADERS, HEADERS);
        var h = req.headers();
        String authority = Uris.authority(path);
        h.set(HttpHeaderNames.HOST, authority == null || authority.isEmpty() ? "testserver" : authority);
        h.set(HttpHeaderNames.USER_AGENT, "testclient");
        h.set(HttpHeaderNames.UPGRADE, "websocket");
        h.set(HttpHeaderNames.CONNECTION, "Upgrade");
        h.set(HttpHeaderNames.SEC_WEBSOCKET_KEY, key);
        h.set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        if (!subprotocols.isEmpty()) h.set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, String.join(", ", subprotocols));
        String cookie = jar.header(cookies);
        if (cookie != null) h.set(HttpHeaderNames.COOKIE, cookie);
        for (String[] e : headers) h.remove(e[0]);
        for (String[] e : headers) h.add(e[0], e[1]);
        return req;
    }

    static String newKey() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
