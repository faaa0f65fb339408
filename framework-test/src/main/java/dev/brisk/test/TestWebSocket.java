package dev.brisk.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketClosedException;
import dev.brisk.WebSocketMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket connection to the app under test, opened by {@link TestClient#websocket(String)}:
 * in-process, through the app's real pipeline (middleware, binding, the WebSocket protocol
 * handlers). Every receive waits at most the client's timeout (or the one given) and fails the test
 * with an {@link AssertionError} when nothing comes; once the app has closed the connection,
 * receiving throws {@link WebSocketClosedException} with the app's close code, or, with
 * {@code raiseServerExceptions} (the default), the exception the app failed with (close 1011).
 *
 * <pre>{@code
 * try (var ws = client.websocket("/ws/echo").connect()) {
 *     ws.sendText("hi");
 *     assertThat(ws.receiveText()).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class TestWebSocket implements AutoCloseable {
    private static final Object CLOSED = new Object();

    private volatile Channel channel;
    private final String target;
    private volatile Map<String, List<String>> headers = Map.of();
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final ConnectionObserver observer;
    private final boolean raise;
    private final Runnable onClose;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<WebSocketClose> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> pong = new CompletableFuture<>();
    private volatile boolean closeSent;

    TestWebSocket(String target, ObjectMapper mapper, Duration timeout, ConnectionObserver observer, boolean raise, Runnable onClose) {
        this.target = target;
        this.mapper = mapper;
        this.timeout = timeout;
        this.observer = observer;
        this.raise = raise;
        this.onClose = onClose;
    }

    void opened(Channel channel, Map<String, List<String>> headers) {
        this.channel = channel;
        this.headers = headers;
    }

    /** The frame handler of this connection (installed when the app switched protocols). */
    ChannelInboundHandlerAdapter handler() {
        return new Frames();
    }

    // ------------------------------------------------------------------------------------ sending

    /** Sends a text message. */
    public TestWebSocket sendText(String text) {
        return send(new TextWebSocketFrame(Objects.requireNonNull(text, "text")));
    }

    /** Sends a binary message. */
    public TestWebSocket sendBinary(byte[] data) {
        return send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data.clone())));
    }

    /** Sends {@code value} as JSON text (the app's Jackson configuration). */
    public TestWebSocket sendJson(Object value) {
        try {
            return sendText(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends a text message in fragments of at most {@code fragmentSize} characters (a continuation frame each). */
    public TestWebSocket sendTextFragmented(String text, int fragmentSize) {
        if (fragmentSize < 1) throw new IllegalArgumentException("fragmentSize must be >= 1");
        int n = text.length();
        for (int i = 0; i < n || i == 0; i += fragmentSize) {
            String part = text.substring(i, Math.min(n, i + fragmentSize));
            boolean last = i + fragmentSize >= n;
            ByteBuf buf = Unpooled.copiedBuffer(part, StandardCharsets.UTF_8);
            send(i == 0 ? new TextWebSocketFrame(last, 0, buf) : new ContinuationWebSocketFrame(last, 0, buf));
            if (n == 0) break;
        }
        return this;
    }

    /** Sends a ping and waits for the app's pong. */
    public TestWebSocket ping() {
        send(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        await(pong, timeout, "a pong");
        return this;
    }

    private TestWebSocket send(WebSocketFrame frame) {
        if (closeSent || !channel.isActive()) {
            frame.release();
            throw new IllegalStateException("This TestWebSocket is closed" + closed.getNow(null));
        }
        channel.writeAndFlush(frame, channel.voidPromise());
        return this;
    }

    // ------------------------------------------------------------------------------------ receiving

    /** The next message, waiting up to the client's timeout. */
    public WebSocketMessage receive() {
        return receive(timeout);
    }

    /** The next message, waiting up to {@code timeout}. */
    public WebSocketMessage receive(Duration timeout) {
        Object m;
        try {
            m = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a message on " + target, e);
        }
        if (m == null) throw new AssertionError("No WebSocket message from " + target + " within " + timeout.toMillis() + " ms");
        if (m == CLOSED) {
            inbox.add(CLOSED);
            throw closedFailure();
        }
        return (WebSocketMessage) m;
    }

    /** The next message, which must be text. */
    public String receiveText() {
        var m = receive();
        if (m instanceof WebSocketMessage.Text t) return t.text();
        throw new AssertionError("Expected a text message from " + target + ", got " + m);
    }

    /** The next message, which must be binary. */
    public byte[] receiveBinary() {
        var m = receive();
        if (m instanceof WebSocketMessage.Binary b) return b.data();
        throw new AssertionError("Expected a binary message from " + target + ", got " + m);
    }

    /** The next message as a JSON tree. */
    public JsonNode receiveJson() {
        String text = receive().asText();
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The message from " + target + " is not JSON: " + text, e);
        }
    }

    /** The next message read as JSON into {@code type}. */
    public <T> T receiveJson(Class<T> type) {
        String text = receive().asText();
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The message from " + target + " is not a " + type.getSimpleName() + ": " + text, e);
        }
    }

    private RuntimeException closedFailure() {
        var status = closed.getNow(new WebSocketClose(WebSocketClose.ABNORMAL, ""));
        if (raise && status.code() == WebSocketClose.INTERNAL_ERROR) {
            Throwable t = observer.firstServerError();
            if (t instanceof RuntimeException re) return re;
            if (t instanceof Error e) throw e;
            if (t != null) return new ServerException("WEBSOCKET " + target, t);
        }
        return new WebSocketClosedException(status);
    }

    // ------------------------------------------------------------------------------------ closing

    /** Closes with 1000 and waits for the app's answer. */
    @Override
    public void close() {
        close(WebSocketClose.NORMAL, "");
    }

    /** Sends a close frame with {@code code} and {@code reason}, and waits for the app to answer it and end the connection. */
    public void close(int code, String reason) {
        if (!closeSent && channel.isActive() && !closed.isDone()) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }
        awaitClose();
        channel.close().awaitUninterruptibly(timeout.toMillis());
        onClose.run();
    }

    /** Waits (up to the client's timeout) for the app to close, and returns its close status. */
    public WebSocketClose awaitClose() {
        return await(closed, timeout, "the WebSocket to close");
    }

    /** The app's close status, if it closed. */
    public Optional<WebSocketClose> closeStatus() {
        return Optional.ofNullable(closed.getNow(null));
    }

    /** True until the connection closes. */
    public boolean isOpen() {
        return channel.isActive() && !closed.isDone();
    }

    /** The sub-protocol the app chose, if any. */
    public Optional<String> subprotocol() {
        return Optional.ofNullable(header("Sec-WebSocket-Protocol"));
    }

    /** A header of the app's 101 answer (case-insensitive), or null. */
    public String header(String name) {
        var v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private <T> T await(CompletableFuture<T> f, Duration timeout, String what) {
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No " + what + " from " + target + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return "TestWebSocket[" + target + (isOpen() ? "" : ", closed " + closed.getNow(null)) + "]";
    }

    /** Joins fragments, answers pings and closes, records what the app sends. Runs on the channel's event loop. */
    private final class Frames extends ChannelInboundHandlerAdapter {
        private ByteBuf partial;
        private boolean partialText;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof PingWebSocketFrame p) {
                    ctx.writeAndFlush(new PongWebSocketFrame(p.content().retain()));
                } else if (msg instanceof PongWebSocketFrame) {
                    pong.complete(null);
                } else if (msg instanceof CloseWebSocketFrame c) {
                    int code = c.statusCode();
                    closed.complete(new WebSocketClose(code < 0 ? WebSocketClose.NO_STATUS : code, code < 0 ? "" : c.reasonText()));
                    if (!closeSent) {
                        closeSent = true;
                        ctx.writeAndFlush(code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, ""));
                    }
                    inbox.add(CLOSED);
                } else if (msg instanceof WebSocketFrame f) {
                    data(ctx, f);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void data(ChannelHandlerContext ctx, WebSocketFrame f) {
            if (!(f instanceof ContinuationWebSocketFrame)) {
                partialText = f instanceof TextWebSocketFrame;
                if (partial != null) partial.release();
                partial = null;
            }
            if (f.isFinalFragment() && partial == null) {
                inbox.add(message(f.content()));
                return;
            }
            if (partial == null) partial = ctx.alloc().buffer();
            partial.writeBytes(f.content());
            if (f.isFinalFragment()) {
                inbox.add(message(partial));
                partial.release();
                partial = null;
            }
        }

        private WebSocketMessage message(ByteBuf b) {
            return partialText ? new WebSocketMessage.Text(b.toString(StandardCharsets.UTF_8)) : new WebSocketMessage.Binary(ByteBufUtil.getBytes(b));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (partial != null) partial.release();
            partial = null;
            closed.complete(new WebSocketClose(WebSocketClose.ABNORMAL, ""));
            inbox.add(CLOSED);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
