package dev.brisk.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.RunningServer;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.local.LocalAddress;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Calls an app in the same JVM through its real HTTP pipeline (the same decoder, limits, routing,
 * dispatch and error handling as over TCP) on Netty's in-VM transport: no socket, no port. The
 * Java twin of FastAPI's {@code with TestClient(app) as client:}.
 *
 * <pre>{@code
 * try (var client = TestClient.of(app)) {          // startup hooks run here
 *     var response = client.get("/items/1");
 *     assertThat(response.status()).isEqualTo(200);
 * }                                                // shutdown hooks run here
 * }</pre>
 *
 * <p>Requests go to {@code http://testserver} over one kept-alive connection, one at a time (a
 * client may be shared by threads; their requests queue). Cookies set by responses are kept and
 * sent back, like a browser. Redirects are not followed. By default an exception that the app
 * answers with 500 is re-thrown by the request method, so the test fails with the real cause; see
 * {@link Options#raiseServerExceptions(boolean)}. Each client starts its own server, so clients
 * run in parallel without sharing anything but their app.
 */
public final class TestClient implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    private static final String HOST = "testserver";
    // The client sends what the test asks for, even invalid headers: checking them is the server's job.
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final DefaultHttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private final App app;
    private final AppRuntime runtime;
    private final Options options;
    private final LocalAddress address;
    private final RunningServer server;
    private final ObjectMapper mapper;
    private final CookieJar cookies = new CookieJar();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<Class<?>, Optional<Supplier<?>>> replaced = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Connection connection;
    private final java.util.Set<TestWebSocket> webSockets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TestClient(App app, Options options) {
        this.app = Objects.requireNonNull(app, "app");
        this.options = Objects.requireNonNull(options, "options");
        this.runtime = AppRuntime.of(app);
        this.mapper = responseMapper(runtime.mapper());
        this.address = new LocalAddress("brisk-test-" + IDS.incrementAndGet());
        this.server = runtime.startLocal(address);
    }

    /**
     * The app's Jackson configuration for writing requests and reading responses, without the app's
     * request limits: a response may be larger or deeper than what the app accepts as a request body.
     */
    private static ObjectMapper responseMapper(ObjectMapper app) {
        var copy = app.copy();
        copy.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxDocumentLength(-1).maxNestingDepth(10_000).maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build());
        return copy;
    }

    /** Starts {@code app} in this JVM (its startup hooks run now) with the default options. */
    public static TestClient of(App app) {
        return new TestClient(app, Options.defaults());
    }

    /** Starts {@code app} in this JVM (its startup hooks run now) with the given options. */
    public static TestClient of(App app, Options options) {
        return new TestClient(app, options);
    }

    /** Sends {@code GET path}; the path may carry a query string ({@code "/items?skip=5"}). */
    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    /** Sends {@code POST path} with {@code jsonBody} as JSON (Jackson; a String becomes a JSON string); null sends no body. */
    public TestResponse post(String path, Object jsonBody) {
        return withJson("POST", path, jsonBody);
    }

    /** Sends {@code PUT path} with {@code jsonBody} as JSON; null sends no body. */
    public TestResponse put(String path, Object jsonBody) {
        return withJson("PUT", path, jsonBody);
    }

    /** Sends {@code PATCH path} with {@code jsonBody} as JSON; null sends no body. */
    public TestResponse patch(String path, Object jsonBody) {
        return withJson("PATCH", path, jsonBody);
    }

    /** Sends {@code DELETE path}. */
    public TestResponse delete(String path) {
        return request("DELETE", path).send();
    }

    /** Sends {@code HEAD path}; the response has the headers of a GET and no body. */
    public TestResponse head(String path) {
        return request("HEAD", path).send();
    }

    /** Sends {@code OPTIONS path}. */
    public TestResponse options(String path) {
        return request("OPTIONS", path).send();
    }

    /**
     * Sends {@code GET path} and returns the response as it arrives, for streamed bodies and event
     * streams; see {@link TestStream}. Close it when done.
     */
    public TestStream stream(String path) {
        return request("GET", path).stream();
    }

    /**
     * Starts a WebSocket handshake to {@code path} (which may carry a query string); finish it with
     * {@link WebSocketRequest#connect()}. Each WebSocket has a connection of its own, through the
     * app's real pipeline; the ones still open are closed when this client is.
     */
    public WebSocketRequest websocket(String path) {
        ensureOpen();
        return new WebSocketRequest(this, path);
    }

    TestWebSocket connectWebSocket(WebSocketRequest rb) {
        ensureOpen();
        String target = rb.target();
        var observer = new ConnectionObserver();
        var ws = new TestWebSocket(target, mapper, options.timeout, observer, options.raiseServerExceptions, () -> { });
        var handshake = new java.util.concurrent.CompletableFuture<io.netty.handler.codec.http.FullHttpResponse>();
        var opened = WebSocketClient.open(server.group(), address, options.timeout.toNanos(), rb.compression(), ws, handshake);
        var ch = opened;
        runtime.connectionHooks().put(ch.localAddress(), observer);
        Runnable forget = () -> {
            runtime.connectionHooks().remove(ch.localAddress());
            webSockets.remove(ws);
        };
        String key = WebSocketRequest.newKey();
        ch.writeAndFlush(rb.toNetty(target, key, cookies));
        io.netty.handler.codec.http.FullHttpResponse res;
        try {
            res = handshake.get(options.timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ch.close();
            forget.run();
            throw timeout("WEBSOCKET " + target, " (the handshake)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            forget.run();
            throw new IllegalStateException("Interrupted during the WebSocket handshake of " + target, e);
        } catch (java.util.concurrent.ExecutionException e) {
            ch.close();
            forget.run();
            throw new IllegalStateException("The WebSocket handshake of " + target + " failed: " + e.getCause(), e.getCause());
        }
        TestResponse response;
        try {
            var headers = new ArrayList<Map.Entry<String, String>>(res.headers().size());
            for (var e : res.headers()) headers.add(Map.entry(e.getKey(), e.getValue()));
            response = new TestResponse("GET", target, res.status().code(), res.status().reasonPhrase(), headers,
                    ByteBufUtil.getBytes(res.content()), mapper);
        } finally {
            res.release();
        }
        var setCookies = response.headers().get("Set-Cookie");
        if (setCookies != null) cookies.update(setCookies);
        if (response.status() != 101) {
            ch.close().awaitUninterruptibly(options.timeout.toMillis());
            forget.run();
            if (options.raiseServerExceptions && response.status() == 500 && observer.firstServerError() instanceof RuntimeException re) throw re;
            throw new WebSocketDeniedException(target, response);
        }
        String accept = response.header("Sec-WebSocket-Accept");
        if (!WebSocketClient.acceptKey(key).equals(accept)) {
            ch.close();
            forget.run();
            throw new AssertionError("The app switched protocols for " + target + " with a wrong Sec-WebSocket-Accept: " + accept);
        }
        ws.opened(ch, response.headers());
        webSockets.add(ws);
        ch.closeFuture().addListener(f -> forget.run());
        return ws;
    }

    /** Starts a request with any method (upper-cased); finish it with {@link RequestBuilder#send()}. */
    public RequestBuilder request(String method, String path) {
        return new RequestBuilder(this, method, path);
    }

    private TestResponse withJson(String method, String path, Object jsonBody) {
        var r = request(method, path);
        if (jsonBody != null) r.json(jsonBody);
        return r.send();
    }

    /**
     * Replaces the app's provider of {@code type} (the unqualified one) with {@code supplier} for the
     * following requests (FastAPI's {@code dependency_overrides}). The previous provider comes back
     * when this client is closed. Overrides belong to the app: clients sharing one app share them.
     *
     * @throws IllegalArgumentException when the app has no unqualified provider of {@code type}
     */
    public <T> TestClient override(Class<T> type, Supplier<? extends T> supplier) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(supplier, "supplier");
        ensureOpen();
        var providers = runtime.model().providers();
        if (providers.stream().noneMatch(p -> p.type() == type && p.qualifier().isEmpty())) {
            var qualified = providers.stream().filter(p -> p.type() == type).map(p -> "\"" + p.qualifier() + "\"").toList();
            throw new IllegalArgumentException("The app has no provider of " + type.getName() + " to override"
                    + (qualified.isEmpty() ? " (no @Provides method or App.Builder.provide for it)"
                    : "; it has only qualified ones: " + String.join(", ", qualified)));
        }
        synchronized (replaced) {
            replaced.computeIfAbsent(type, t -> Optional.ofNullable(runtime.overrides().get(t, "")));
            app.overrideProvider(type, supplier);
        }
        return this;
    }

    /** The cookies this client keeps (name to value), as of now. */
    public Map<String, String> cookies() {
        return cookies.snapshot();
    }

    /** Forgets every kept cookie. */
    public void clearCookies() {
        cookies.clear();
    }

    /**
     * Closes the connection, stops the server gracefully (the app's shutdown hooks run) and restores
     * the providers this client overrode. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            for (var ws : List.copyOf(webSockets)) {
                try {
                    ws.close();
                } catch (RuntimeException | AssertionError e) {
                    // the app did not answer the close: the server's shutdown ends the connection
                }
            }
            var c = connection;
            if (c != null) {
                c.close();
                runtime.connectionHooks().remove(c.localAddress());
            }
            server.close();
        } finally {
            restoreOverrides();
        }
    }

    private void restoreOverrides() {
        synchronized (replaced) {
            var overrides = runtime.overrides();
            replaced.forEach((type, previous) -> {
                if (previous.isPresent()) overrides.put(type, "", previous.get());
                else overrides.remove(type, "");
            });
            replaced.clear();
        }
    }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException("This TestClient is closed");
    }

    @Override
    public String toString() {
        return "TestClient[" + app + " at " + address + (closed.get() ? ", closed" : "") + "]";
    }

    // ------------------------------------------------------------------------------------ sending

    private TestResponse execute(RequestBuilder rb) {
        long timeout = options.timeout.toNanos();
        long deadline = System.nanoTime() + timeout;
        String target = rb.target();
        String line = rb.method + " " + target;
        ensureOpen();
        try {
            if (!lock.tryLock(timeout, TimeUnit.NANOSECONDS)) {
                throw timeout(line, " (it was waiting for another request of this client to finish)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send " + line, e);
        }
        TestResponse response;
        ConnectionObserver observer;
        try {
            ensureOpen();
            FullHttpResponse res = roundTrip(rb, target, line, deadline);
            observer = connection.observer();
            try {
                var headers = new ArrayList<Map.Entry<String, String>>(res.headers().size());
                for (var e : res.headers()) headers.add(Map.entry(e.getKey(), e.getValue()));
                response = new TestResponse(rb.method, target, res.status().code(), res.status().reasonPhrase(), headers,
                        ByteBufUtil.getBytes(res.content()), mapper);
            } finally {
                res.release();
            }
            var setCookies = response.headers().get("Set-Cookie");
            if (setCookies != null) cookies.update(setCookies);
            // Like Starlette's TestClient: the response returns once its background tasks have run.
            if (!observer.awaitIdle(deadline)) {
                throw timeout(line, " (its background tasks were still running)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the background tasks of " + line, e);
        } finally {
            lock.unlock();
        }
        if (options.raiseServerExceptions) {
            Throwable t = response.status() == 500 ? observer.firstServerError() : null;
            if (t == null) t = observer.firstTaskFailure();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error e) throw e;
            if (t != null) throw new ServerException(line, t);
        }
        return response;
    }

    private FullHttpResponse roundTrip(RequestBuilder rb, String target, String line, long deadline) {
        for (int attempt = 0; ; attempt++) {
            ensureOpen();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw timeout(line, "");
            Connection c = connection;
            if (c == null || !c.isOpen()) {
                if (c != null) runtime.connectionHooks().remove(c.localAddress());
                c = Connection.open(server.group(), address, remaining);
                runtime.connectionHooks().put(c.localAddress(), c.observer());
                connection = c;
            }
            c.observer().reset();
            boolean reused = c.reused();
            try {
                return c.exchange(rb.toNetty(target), Math.max(1, deadline - System.nanoTime()));
            } catch (Connection.ClosedException e) {
                // A kept-alive connection may have just been closed by the server (idle timeout): retry once, fresh.
                if (reused && attempt == 0) continue;
                throw new IllegalStateException("The server closed the connection without answering " + line, e);
            } catch (TimeoutException e) {
                throw timeout(line, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the response to " + line, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Sending " + line + " failed: " + e, e);
            }
        }
    }

    private AssertionError timeout(String line, String why) {
        return new AssertionError("No response to " + line + " within " + format(options.timeout) + why
                + "; the TestClient timeout is set with TestClient.Options.timeout(Duration)");
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private TestStream openStream(RequestBuilder rb) {
        ensureOpen();
        String target = rb.target();
        return TestStream.open(server.group(), address, rb.toNetty(target), rb.method + " " + target, options.timeout, mapper);
    }

    // ------------------------------------------------------------------------------------ options

    /**
     * How a {@link TestClient} behaves; immutable, each setter returns a new instance:
     * {@code TestClient.of(app, Options.defaults().raiseServerExceptions(false))}.
     */
    public static final class Options {
        private static final Options DEFAULTS = new Options(true, Duration.ofSeconds(30));

        private final boolean raiseServerExceptions;
        private final Duration timeout;

        private Options(boolean raiseServerExceptions, Duration timeout) {
            this.raiseServerExceptions = raiseServerExceptions;
            this.timeout = timeout;
        }

        /** Server exceptions re-thrown, 30 s timeout. */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * {@code true} (the default): an exception that the app answers with 500 is re-thrown from the
         * request method (checked ones wrapped in {@link ServerException}). {@code false}: the 500
         * response is returned, to assert on it.
         */
        public Options raiseServerExceptions(boolean raise) {
            return new Options(raise, timeout);
        }

        /** How long a request may wait for its response (default 30 s) before failing the test. */
        public Options timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0: " + timeout);
            return new Options(raiseServerExceptions, timeout);
        }

        @Override
        public String toString() {
            return "Options[raiseServerExceptions=" + raiseServerExceptions + ", timeout=" + timeout + "]";
        }
    }

    // ------------------------------------------------------------------------------------ requests

    /**
     * A request being put together: {@code client.request("GET", "/items").query("q", "a b").header("X-Token", "t").send()}.
     * Headers given here replace the client's defaults of the same name ({@code Host: testserver},
     * {@code User-Agent: testclient}, {@code Accept: *}{@code /*}, the body's {@code Content-Type}, the
     * {@code Cookie} built from the jar). The last body set wins. A builder may be sent more than once.
     */
    public static final class RequestBuilder {
        private final TestClient client;
        private final String method;
        private final String path;
        private final List<String[]> headers = new ArrayList<>(2);
        private final List<String[]> query = new ArrayList<>(2);
        private final Map<String, String> cookies = new LinkedHashMap<>(2);
        private byte[] body;
        private String contentType;
        private final List<Multipart.Part> parts = new ArrayList<>(2);

        private RequestBuilder(TestClient client, String method, String path) {
            this.client = client;
            this.method = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
            this.path = Objects.requireNonNull(path, "path");
            if (this.method.isEmpty()) throw new IllegalArgumentException("method must not be empty");
        }

        /** Adds a header; a name given twice is sent twice. */
        public RequestBuilder header(String name, String value) {
            headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /** Adds a query parameter, percent-encoded as UTF-8; a name given twice is sent twice. */
        public RequestBuilder query(String name, String value) {
            query.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /** Sends a cookie with this request only, in addition to (or instead of) the jar's cookie of that name. */
        public RequestBuilder cookie(String name, String value) {
            cookies.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the body to {@code value} as JSON (the app's Jackson configuration), {@code application/json}. */
        public RequestBuilder json(Object value) {
            try {
                return body(client.mapper.writeValueAsBytes(value), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
            }
        }

        /**
         * Sets the body to {@code json} exactly as written (UTF-8), {@code application/json}: for JSON
         * typed into the test, malformed JSON, or what Jackson would not write ({@code json("x")} sends
         * the JSON string {@code "x"}; {@code jsonText("[1,2")} sends {@code [1,2}). Nothing checks it.
         */
        public RequestBuilder jsonText(String json) {
            return body(Objects.requireNonNull(json, "json"), "application/json");
        }

        /** Sets the body to the fields, {@code application/x-www-form-urlencoded}, in the map's order. */
        public RequestBuilder form(Map<String, String> fields) {
            var sb = new StringBuilder();
            for (var e : fields.entrySet()) {
                if (sb.length() > 0) sb.append('&');
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            return body(sb.toString().getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
        }

        /** Sets a raw body; a null {@code contentType} sends none. */
        public RequestBuilder body(byte[] data, String contentType) {
            this.body = Objects.requireNonNull(data, "data").clone();
            this.contentType = contentType;
            parts.clear();
            return this;
        }

        /** Sets a text body, encoded as UTF-8; a null {@code contentType} sends none. */
        public RequestBuilder body(String text, String contentType) {
            this.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
            this.contentType = contentType;
            parts.clear();
            return this;
        }

        /**
         * Adds a text field to a {@code multipart/form-data} body (the body becomes multipart; fields
         * and files are sent in the order added).
         */
        public RequestBuilder multipart(String name, String value) {
            parts.add(Multipart.field(name, value));
            body = null;
            return this;
        }

        /** Adds a file to a {@code multipart/form-data} body; a null {@code contentType} sends the part without one. */
        public RequestBuilder file(String name, String filename, String contentType, byte[] content) {
            parts.add(Multipart.file(name, filename, contentType, content));
            body = null;
            return this;
        }

        /** Adds a file read from disk, under its own name, with a content type from its extension. */
        public RequestBuilder file(String name, java.nio.file.Path file) {
            try {
                String fn = file.getFileName().toString();
                return file(name, fn, Multipart.typeOf(fn), java.nio.file.Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }

        /**
         * Sends the request and returns the response as it arrives, without waiting for its end; see
         * {@link TestStream}. Close it when done.
         */
        public TestStream stream() {
            return client.openStream(this);
        }

        /**
         * Sends the request and waits for the whole response.
         *
         * @throws AssertionError when no response comes within the client's timeout
         * @throws RuntimeException the app's own exception when it answered 500 (see {@link Options#raiseServerExceptions})
         * @throws IllegalStateException when the client is closed
         */
        public TestResponse send() {
            return client.execute(this);
        }

        private String target() {
            String t = Uris.target(path);
            if (query.isEmpty()) return t;
            var sb = new StringBuilder(t.length() + 32).append(t);
            for (String[] q : query) Uris.appendQuery(sb, q[0], q[1]);
            return sb.toString();
        }

        private FullHttpRequest toNetty(String target) {
            if (!parts.isEmpty()) {
                var encoded = Multipart.encode(parts);
                body = encoded.body();
                contentType = encoded.contentType();
                parts.clear();
            }
            var content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
            var req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target, content, HEADERS, TRAILERS);
            HttpHeaders h = req.headers();
            String authority = Uris.authority(path);
            h.set(HttpHeaderNames.HOST, authority == null || authority.isEmpty() ? HOST : authority);
            h.set(HttpHeaderNames.USER_AGENT, "testclient");
            h.set(HttpHeaderNames.ACCEPT, "*/*");
            if (body != null) {
                if (contentType != null) h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
                h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                h.set(HttpHeaderNames.CONTENT_LENGTH, 0);
            }
            String cookie = client.cookies.header(cookies);
            if (cookie != null) h.set(HttpHeaderNames.COOKIE, cookie);
            for (String[] e : headers) h.remove(e[0]);
            for (String[] e : headers) h.add(e[0], e[1]);
            return req;
        }
    }
}
