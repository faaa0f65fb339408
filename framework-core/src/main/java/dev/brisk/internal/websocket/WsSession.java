package dev.brisk.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.HttpException;
import dev.brisk.Request;
import dev.brisk.RequestValidationException;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketClosedException;
import dev.brisk.WebSocketJsonListener;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketMessage;
import dev.brisk.WebSocketSession;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.ConnectionHooks;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One WebSocket session: its handshake (a 101 reply whose {@link Body.Upgrade} installs the frame
 * handlers), its state, sends from any thread with a bounded outbound queue, and the delivery of
 * its events to the route: a listener on the event loop, a listener on the worker pool (one
 * callback at a time, in order), or the inbox a sequential handler reads.
 *
 * <p>States: NEW (the route decides) -> ANSWERED (101 on its way) -> OPEN -> CLOSING -> CLOSED; or
 * NEW -> REFUSED (an HTTP answer instead of the handshake). Transitions hold the monitor; the
 * connection's own state ({@link WsConnection}) is its event loop's.
 */
public final class WsSession implements WebSocketSession, Body.Upgrader {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");
    private static final AtomicLong IDS = new AtomicLong();
    private static final Object CLOSED_MARK = new Object();
    /** A worker-delivered session stops reading while this many messages wait for its handler, until they drop to {@link #RESUME}. */
    private static final int PAUSE = 32;
    private static final int RESUME = 8;

    /** How events reach the route's code. */
    public enum Style { LOOP, WORKER, SEQUENTIAL }

    /** Where a session's worker-pool work runs (the app's worker pool). */
    public interface Workers {
        /** Runs {@code task} unless the pool is full. */
        boolean tryExecute(Runnable task);

        /** Runs {@code task} on the pool, or on a spare thread when it is full. */
        void executeAlways(Runnable task);
    }

    private static final int NEW = 0, ANSWERED = 1, OPEN = 2, CLOSING = 3, CLOSED = 4, REFUSED = 5;

    private final WsContext ctx;
    private final RequestView request;
    private final String key;
    private final List<String> offered;
    private final Style style;
    private final String route;
    private final String id;
    private final EventExecutor loop;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicInteger inbound = new AtomicInteger();

    private volatile int state = NEW;
    private volatile Channel channel;
    private volatile String subprotocol;
    private volatile WebSocketClose closeStatus;
    private volatile Map<String, Object> attributes;
    private volatile boolean readPaused;
    private WsConnection conn;
    private ReplySink sink;
    private Supplier<List<AutoCloseable>> cleanupSource;
    private List<AutoCloseable> cleanups;
    private dev.brisk.internal.http.StopSignal.Subscription stopWatch;
    private boolean cleanupsRan;
    private List<Runnable> closeHooks;
    private WebSocketClose pendingClose;
    private ScheduledFuture<?> handshakeTimer;
    private WebSocketServerExtension extension;
    // listener style
    private WebSocketListener listener;
    private MessageReader json;
    private Serial serial;
    // sequential style
    private LinkedBlockingQueue<Object> inbox;
    private CompletableFuture<Void> opened;

    public WsSession(WsContext ctx, RequestView request, Style style, String route) {
        this.ctx = ctx;
        this.request = request;
        this.key = request.headerValue(HttpHeaderNames.SEC_WEBSOCKET_KEY).trim();
        this.offered = Handshake.subprotocols(request);
        this.style = style;
        this.route = route;
        this.id = Long.toHexString(IDS.incrementAndGet());
        this.loop = request.connection().loop();
        if (style == Style.SEQUENTIAL) {
            inbox = new LinkedBlockingQueue<>();
            opened = new CompletableFuture<>();
        }
    }

    // ------------------------------------------------------------------------------------ the handshake

    /**
     * Where the handshake's answer goes (the route's reply sink), and where the dependency cleanups
     * come from when the handshake succeeds (they then run when the session ends, not after the 101).
     * Starts the handshake timer.
     */
    public void answerTo(ReplySink sink, Supplier<List<AutoCloseable>> cleanups) {
        this.sink = sink;
        this.cleanupSource = cleanups;
        long t = Sessions.nanos(ctx.settings.handshakeTimeout());
        try {
            handshakeTimer = loop.schedule(this::handshakeTimedOut, t, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the loop is shutting down: the handshake will not happen anyway
        }
    }

    /** The listener that receives this session's events; {@code workers} is null for event-loop delivery. */
    public void listener(WebSocketListener l, MessageReader jsonReader, Workers workers) {
        this.listener = l;
        this.json = l instanceof WebSocketJsonListener<?> ? jsonReader : null;
        if (workers != null) this.serial = new Serial(workers);
    }

    /** Sends the 101 now; false when the route's answer was given already (refused, timed out). */
    public boolean handshake() {
        Reply reply;
        synchronized (this) {
            if (state != NEW) return false;
            state = ANSWERED;
            cleanups = cleanupSource == null ? null : cleanupSource.get();
            reply = handshakeReply();
        }
        if (answer(reply)) return true;
        synchronized (this) {
            state = REFUSED;
        }
        runCleanups();
        return false;
    }

    private Reply handshakeReply() {
        var r = new Reply(101, null, new Body.Upgrade(this));
        r.addHeader(HttpHeaderNames.UPGRADE, "websocket");
        r.addHeader(HttpHeaderNames.CONNECTION, "Upgrade");
        r.addHeader(HttpHeaderNames.SEC_WEBSOCKET_ACCEPT, Handshake.accept(key));
        if (subprotocol != null) r.addHeader(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, subprotocol);
        if (ctx.settings.compression()) {
            extension = Deflate.negotiate(request, ctx.settings);
            if (extension != null) r.addHeader(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, Deflate.header(extension));
        }
        return r;
    }

    /** Answers the upgrade request with an HTTP reply instead (an error, 403); false when it was answered already. */
    public boolean refuse(Reply reply) {
        synchronized (this) {
            if (state == NEW) state = REFUSED;
        }
        return answer(reply);
    }

    /** Whether the 101 was given (the session is, or was, upgraded). */
    public boolean accepted() {
        int s = state;
        return s >= ANSWERED && s <= CLOSED;
    }

    /** Whether the route's answer (the 101 or a refusal) was given. */
    public boolean answered() {
        return answered.get();
    }

    private boolean answer(Reply reply) {
        if (!answered.compareAndSet(false, true)) {
            reply.discard();
            return false;
        }
        var t = handshakeTimer;
        if (t != null) t.cancel(false);
        sink.reply(reply);
        return true;
    }

    private void handshakeTimedOut() {
        if (answered.get()) return;
        LOG.warn("The WebSocket handshake of {} did not complete within {}; answered 503", route, ctx.settings.handshakeTimeout());
        if (refuse(Replies.detail(request.connection().alloc(), 503, "Service Unavailable: the WebSocket handshake timed out"))) {
            closeStatus = new WebSocketClose(WebSocketClose.ABNORMAL, "handshake timed out");
            wake();
        }
    }

    @Override
    public void upgraded(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        var s = ctx.settings;
        var cfg = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(s.maxFrameSize()).expectMaskedFrames(true)
                .allowMaskMismatch(false).allowExtensions(extension != null).closeOnProtocolViolation(false)
                .withUTF8Validator(false).build();
        p.addLast("ws-decoder", new WebSocket13FrameDecoder(cfg));
        p.addLast("ws-encoder", new WebSocket13FrameEncoder(false));
        if (extension != null) {
            p.addLast("ws-inflate", extension.newExtensionDecoder());
            p.addLast("ws-deflate", extension.newExtensionEncoder());
        }
        p.addLast("ws-utf8", new Utf8FrameValidator(false));
        var c = new WsConnection(this, s);
        WebSocketClose pending;
        synchronized (this) {
            conn = c;
            channel = ch;
            state = OPEN;
            pending = pendingClose;
        }
        p.addLast("ws", c);
        ctx.sessions().add(this);
        if (!ch.isActive()) {
            closed(new WebSocketClose(WebSocketClose.ABNORMAL, ""));
            return;
        }
        ch.config().setAutoRead(true);
        if (ctx.sessions().draining(loop)) pending = new WebSocketClose(WebSocketClose.GOING_AWAY, "server shutting down");
        switch (style) {
            case LOOP -> callback(() -> listener.onOpen(this));
            case WORKER -> serial.submit(() -> callback(() -> listener.onOpen(this)));
            case SEQUENTIAL -> opened.complete(null);
        }
        if (pending != null) close(pending.code(), pending.reason());
    }

    @Override
    public void abandoned() {
        synchronized (this) {
            if (state == CLOSED || state == REFUSED) return;
            state = REFUSED;
        }
        closeStatus = new WebSocketClose(WebSocketClose.ABNORMAL, "");
        wake();
        runCleanups();
    }

    /** Sequential handlers waiting in accept() or receive() learn that there is nothing more. */
    private void wake() {
        if (opened != null) opened.completeExceptionally(new WebSocketClosedException(closeStatusOrAbnormal()));
        if (inbox != null) inbox.add(CLOSED_MARK);
    }

    // ------------------------------------------------------------------------------------ inbound (event loop)

    /** A complete message from the client: a String or a byte[]. */
    void inbound(Object message) {
        if (state != OPEN) return;
        switch (style) {
            case LOOP -> deliver(message);
            case WORKER -> {
                countInbound();
                serial.submit(() -> {
                    try {
                        deliver(message);
                    } finally {
                        handledInbound();
                    }
                });
            }
            case SEQUENTIAL -> {
                countInbound();
                inbox.add(message);
            }
        }
    }

    private void countInbound() {
        if (inbound.incrementAndGet() >= PAUSE && !readPaused) {
            readPaused = true;
            channel.config().setAutoRead(false);
        }
    }

    private void handledInbound() {
        if (inbound.decrementAndGet() <= RESUME && readPaused) {
            loop.execute(() -> {
                if (readPaused && inbound.get() <= RESUME) {
                    readPaused = false;
                    var ch = channel;
                    if (ch != null && ch.isActive()) ch.config().setAutoRead(true);
                }
            });
        }
    }

    private void deliver(Object message) {
        if (state != OPEN) return;   // closing after a failure: later messages are dropped
        if (message instanceof String text) {
            if (json != null) {
                callback(() -> {
                    @SuppressWarnings("unchecked")
                    var l = (WebSocketJsonListener<Object>) listener;
                    l.onMessage(this, json.read(text));
                });
            } else {
                callback(() -> listener.onText(this, text));
            }
        } else {
            callback(() -> listener.onBinary(this, (byte[]) message));
        }
    }

    /** The connection is gone; called once, on the event loop. */
    void closed(WebSocketClose status) {
        List<Runnable> hooks;
        synchronized (this) {
            if (state == CLOSED) return;
            state = CLOSED;
            closeStatus = status;
            hooks = closeHooks;
            closeHooks = null;
        }
        ctx.sessions().remove(this);
        if (hooks != null) {
            for (var h : hooks) {
                try {
                    h.run();
                } catch (RuntimeException e) {
                    LOG.error("A close hook of WebSocket session {} ({}) failed", id, route, e);
                }
            }
        }
        switch (style) {
            case LOOP -> {
                safely(() -> listener.onClose(this, status));
                runCleanups();
            }
            case WORKER -> serial.submitAlways(() -> {
                safely(() -> listener.onClose(this, status));
                runCleanups();
            });
            case SEQUENTIAL -> wake();
        }
    }

    /** Runs a callback of the listener; a failure goes to onError, then closes the session. */
    private void callback(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            if (!(cause instanceof WebSocketClosedException)) safely(() -> listener.onError(this, cause));
            failed(cause);
        }
    }

    private void safely(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            LOG.error("A callback of WebSocket {} (session {}) failed while closing", route, id, unwrap(t));
        }
    }

    /** Closes after an exception of the route's code, with the code it calls for (1011 ones are logged). */
    public void failed(Throwable t) {
        t = unwrap(t);
        if (t instanceof WebSocketClosedException) return;
        if (t instanceof RequestValidationException rve) {
            close(CloseReasons.malformed(rve) ? WebSocketClose.INVALID_DATA : WebSocketClose.POLICY_VIOLATION, CloseReasons.of(rve));
        } else if (t instanceof HttpException he) {
            close(WebSocketClose.POLICY_VIOLATION, String.valueOf(he.detail()));
        } else {
            LOG.error("Unhandled exception in {} (WebSocket session {})", route, id, t);
            ConnectionHooks hooks = request.connection().hooks();
            if (hooks != null) {
                try {
                    hooks.serverError(t);
                } catch (RuntimeException ignored) {
                    // an observer's problem changes nothing here
                }
            }
            close(WebSocketClose.INTERNAL_ERROR, "Internal Server Error");
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A sequential handler has returned ({@code failure} null) or thrown, after its handshake. */
    public void sequentialEnded(Throwable failure) {
        if (failure != null) failed(failure);
        else close(WebSocketClose.NORMAL, "");
        runCleanups();
    }

    /** Closes this session when the app stops: 1012 for a dev-mode reload, 1001 for a shutdown. */
    public void watch(dev.brisk.internal.http.StopSignal signal) {
        if (signal == null) return;
        var sub = signal.subscribe(reason -> close(reason.webSocketCloseCode(),
                reason == dev.brisk.internal.http.StopSignal.Reason.RELOAD ? "service restart" : "server shutting down"));
        synchronized (this) {
            if (cleanupsRan) {
                sub.close();
                return;
            }
            stopWatch = sub;
        }
    }

    private void runCleanups() {
        dev.brisk.internal.http.StopSignal.Subscription sub;
        synchronized (this) {
            cleanupsRan = true;
            sub = stopWatch;
            stopWatch = null;
        }
        if (sub != null) sub.close();
        List<AutoCloseable> list;
        synchronized (this) {
            list = cleanups;
            cleanups = null;
        }
        if (list == null) return;
        for (int i = list.size() - 1; i >= 0; i--) {
            try {
                list.get(i).close();
            } catch (Throwable t) {
                LOG.error("Closing dependency {} after WebSocket {} failed", list.get(i), route, t);
            }
        }
    }

    synchronized boolean whenClosed(Runnable hook) {
        if (state == CLOSED || state == REFUSED) return false;
        if (closeHooks == null) closeHooks = new ArrayList<>(2);
        closeHooks.add(hook);
        return true;
    }

    // ------------------------------------------------------------------------------------ outbound (any thread)

    /** Queues a frame over a shared buffer (a broadcast); false when the session is not open. */
    boolean sendShared(ByteBuf shared, boolean text) {
        var ch = channel;
        if (state != OPEN || ch == null) return false;
        ByteBuf dup = shared.retainedDuplicate();
        WebSocketFrame f = text ? new TextWebSocketFrame(dup) : new BinaryWebSocketFrame(dup);
        return write(ch, f, dup.readableBytes(), null);
    }

    private Channel sendable() {
        if (state == NEW && style == Style.SEQUENTIAL) accept();
        if (state == NEW || state == ANSWERED) {
            throw new IllegalStateException("the WebSocket handshake is not done yet: send from onOpen or later");
        }
        var ch = channel;
        return state == OPEN ? ch : null;
    }

    @Override
    public CompletionStage<Void> sendText(String text) {
        var ch = sendable();
        if (ch == null) return CompletableFuture.failedFuture(new WebSocketClosedException(closeStatusOrAbnormal()));
        ByteBuf buf = ByteBufUtil.writeUtf8(ch.alloc(), text);
        var f = new CompletableFuture<Void>();
        write(ch, new TextWebSocketFrame(buf), buf.readableBytes(), f);
        return f;
    }

    @Override
    public CompletionStage<Void> sendBinary(byte[] data) {
        var ch = sendable();
        if (ch == null) return CompletableFuture.failedFuture(new WebSocketClosedException(closeStatusOrAbnormal()));
        ByteBuf buf = ch.alloc().buffer(data.length).writeBytes(data);
        var f = new CompletableFuture<Void>();
        write(ch, new BinaryWebSocketFrame(buf), data.length, f);
        return f;
    }

    @Override
    public CompletionStage<Void> sendJson(Object value) {
        byte[] bytes;
        try {
            bytes = ctx.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
        var ch = sendable();
        if (ch == null) return CompletableFuture.failedFuture(new WebSocketClosedException(closeStatusOrAbnormal()));
        ByteBuf buf = ch.alloc().buffer(bytes.length).writeBytes(bytes);
        var f = new CompletableFuture<Void>();
        write(ch, new TextWebSocketFrame(buf), bytes.length, f);
        return f;
    }

    @Override
    public CompletionStage<Void> ping(byte[] payload) {
        if (payload.length > 125) throw new IllegalArgumentException("a ping carries at most 125 bytes: " + payload.length);
        var ch = sendable();
        if (ch == null) return CompletableFuture.failedFuture(new WebSocketClosedException(closeStatusOrAbnormal()));
        var f = new CompletableFuture<Void>();
        write(ch, new PingWebSocketFrame(Unpooled.wrappedBuffer(payload.clone())), payload.length, f);
        return f;
    }

    /** Writes (from any thread) unless the outbound queue would pass its bound: then the session closes with 1013. */
    private boolean write(Channel ch, WebSocketFrame frame, int size, CompletableFuture<Void> done) {
        long q = queued.addAndGet(size);
        if (q > ctx.settings.maxQueuedBytes() && q != size) {
            queued.addAndGet(-size);
            frame.release();
            overflow();
            if (done != null) done.completeExceptionally(new WebSocketClosedException(closeStatusOrAbnormal()));
            return false;
        }
        io.netty.util.concurrent.GenericFutureListener<io.netty.util.concurrent.Future<? super Void>> sent = x -> {
            queued.addAndGet(-size);
            if (done == null) return;
            if (x.isSuccess()) done.complete(null);
            else done.completeExceptionally(new WebSocketClosedException(closeStatusOrAbnormal()));
        };
        if (loop.inEventLoop()) {
            // On the loop (a callback, a broadcast from one): one flush for everything written in this turn of the loop.
            ch.write(frame).addListener(sent);
            if (!flushScheduled) {
                flushScheduled = true;
                loop.execute(flushTask);
            }
        } else {
            ch.writeAndFlush(frame).addListener(sent);
        }
        return true;
    }

    /** A flush is queued on the loop (loop only). */
    private boolean flushScheduled;
    private final Runnable flushTask = () -> {
        flushScheduled = false;
        var ch = channel;
        if (ch != null) ch.flush();
    };

    private void overflow() {
        WsConnection c;
        synchronized (this) {
            if (state != OPEN) return;
            state = CLOSING;
            c = conn;
        }
        LOG.debug("WebSocket session {} of {} closed: more than {} bytes queued for a client that does not read",
                id, route, ctx.settings.maxQueuedBytes());
        try {
            loop.execute(() -> c.cut(WebSocketClose.TRY_AGAIN_LATER, "Try Again Later: the client does not read fast enough"));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    /** Bytes queued for the client and not yet written to its socket. */
    public long queuedBytes() {
        return queued.get();
    }

    // ------------------------------------------------------------------------------------ closing

    @Override
    public void close() {
        close(WebSocketClose.NORMAL, "");
    }

    @Override
    public void close(int code, String reason) {
        if (!WebSocketClose.sendable(code)) throw new IllegalArgumentException("close code " + code + " may not be sent");
        String r = CloseReasons.truncate(reason == null ? "" : reason);
        WsConnection c;
        synchronized (this) {
            switch (state) {
                case NEW -> {
                    state = REFUSED;
                    closeStatus = new WebSocketClose(code, r);
                }
                case ANSWERED -> {
                    if (pendingClose == null) pendingClose = new WebSocketClose(code, r);
                    return;
                }
                case OPEN -> state = CLOSING;
                default -> {
                    return;
                }
            }
            c = conn;
        }
        if (c == null) {   // before the handshake: refuse it
            if (sink != null && refuse(Replies.detail(request.connection().alloc(), 403, "Forbidden"))) wake();
            return;
        }
        try {
            loop.execute(() -> c.startClose(code, r));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    /** The peer started closing (the echo is on its way). */
    synchronized void closingByPeer() {
        if (state == OPEN) state = CLOSING;
    }

    @Override
    public Optional<WebSocketClose> closeStatus() {
        return Optional.ofNullable(closeStatus);
    }

    private WebSocketClose closeStatusOrAbnormal() {
        var s = closeStatus;
        return s != null ? s : new WebSocketClose(WebSocketClose.ABNORMAL, "");
    }

    // ------------------------------------------------------------------------------------ accept and receive (sequential)

    @Override
    public void accept() {
        accept(null);
    }

    @Override
    public void accept(String protocol) {
        if (protocol != null && !offered.contains(protocol)) {
            throw new IllegalArgumentException("sub-protocol \"" + protocol + "\" was not offered by the client (offered: " + offered + ")");
        }
        if (style != Style.SEQUENTIAL) {
            synchronized (this) {
                if (state == NEW) {
                    if (protocol != null) subprotocol = protocol;
                    return;
                }
            }
            if (protocol != null && !protocol.equals(subprotocol)) {
                throw new IllegalStateException("the handshake is done: choose the sub-protocol in the route method");
            }
            return;
        }
        if (loop.inEventLoop()) throw new IllegalStateException("accept() waits for the handshake: not on the event loop");
        synchronized (this) {
            if (state == NEW && protocol != null) subprotocol = protocol;
        }
        if (state == NEW) handshake();
        try {
            opened.get(Sessions.nanos(ctx.settings.handshakeTimeout()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketClosedException(closeStatusOrAbnormal());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof WebSocketClosedException w ? w : new WebSocketClosedException(closeStatusOrAbnormal());
        } catch (TimeoutException e) {
            throw new WebSocketClosedException(new WebSocketClose(WebSocketClose.ABNORMAL, "handshake timed out"));
        }
    }

    @Override
    public WebSocketMessage receive() {
        return toMessage(take(-1));
    }

    @Override
    public Optional<WebSocketMessage> receive(Duration timeout) {
        Object m = take(Math.max(0, Sessions.nanos(timeout)));
        return m == null ? Optional.empty() : Optional.of(toMessage(m));
    }

    private static WebSocketMessage toMessage(Object m) {
        return m instanceof String s ? new WebSocketMessage.Text(s) : new WebSocketMessage.Binary((byte[]) m);
    }

    @Override
    public String receiveText() {
        Object m = take(-1);
        if (m instanceof String s) return s;
        throw unsupported("expected a text message");
    }

    @Override
    public byte[] receiveBinary() {
        Object m = take(-1);
        if (m instanceof byte[] b) return b;
        throw unsupported("expected a binary message");
    }

    private WebSocketClosedException unsupported(String why) {
        close(WebSocketClose.UNSUPPORTED_DATA, why);
        return new WebSocketClosedException(new WebSocketClose(WebSocketClose.UNSUPPORTED_DATA, why));
    }

    @Override
    public <T> T receiveJson(Class<T> type) {
        Object m = take(-1);
        String text = m instanceof String s ? s : new String((byte[]) m, java.nio.charset.StandardCharsets.UTF_8);
        return decodeJson(text, type);
    }

    @Override
    public <T> T decodeJson(String text, Class<T> type) {
        return type.cast(ctx.reader(type).read(text));
    }

    /** The next message (String or byte[]), or null when {@code nanos >= 0} passed without one. */
    private Object take(long nanos) {
        if (style != Style.SEQUENTIAL) {
            throw new IllegalStateException("receive() is for sequential handlers (void methods); this session delivers its messages to its listener");
        }
        if (loop.inEventLoop()) throw new IllegalStateException("receive() blocks: not on the event loop");
        if (state == NEW) accept();
        Object m;
        try {
            m = nanos < 0 ? inbox.take() : inbox.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketClosedException(closeStatusOrAbnormal());
        }
        if (m == null) return null;
        if (m == CLOSED_MARK) {
            inbox.add(CLOSED_MARK);   // every later receive ends the same way
            throw new WebSocketClosedException(closeStatusOrAbnormal());
        }
        handledInbound();
        return m;
    }

    // ------------------------------------------------------------------------------------ the rest of WebSocketSession

    @Override
    public String id() {
        return id;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public List<String> requestedSubprotocols() {
        return offered;
    }

    @Override
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    @Override
    public Map<String, Object> attributes() {
        var a = attributes;
        if (a == null) {
            synchronized (this) {
                a = attributes;
                if (a == null) attributes = a = new ConcurrentHashMap<>(4);
            }
        }
        return a;
    }

    Channel channel() {
        return channel;
    }

    ObjectMapper mapper() {
        return ctx.mapper();
    }

    Style style() {
        return style;
    }

    String route() {
        return route;
    }

    @Override
    public String toString() {
        return "WebSocketSession[" + id + " " + request.rawPath() + "]";
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    /**
     * Runs a session's callbacks on the worker pool one at a time, in order. When the pool is full,
     * it tries again a moment later (the session's reading is paused meanwhile by the inbound count).
     */
    private final class Serial implements Runnable {
        private final Workers workers;
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean always;

        Serial(Workers workers) {
            this.workers = workers;
        }

        void submit(Runnable task) {
            tasks.add(task);
            schedule();
        }

        /** For the last callback (onClose and cleanups): must run even when the pool is full or shut down. */
        void submitAlways(Runnable task) {
            always = true;
            tasks.add(task);
            schedule();
        }

        private void schedule() {
            if (!scheduled.compareAndSet(false, true)) return;
            if (always) {
                workers.executeAlways(this);
            } else if (!workers.tryExecute(this)) {
                retry();
            }
        }

        private void retry() {
            try {
                loop.schedule(() -> {
                    if (always) workers.executeAlways(this);
                    else if (!workers.tryExecute(this)) retry();
                }, 1, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                workers.executeAlways(this);
            }
        }

        @Override
        public void run() {
            Runnable t;
            while ((t = tasks.poll()) != null) t.run();
            scheduled.set(false);
            if (!tasks.isEmpty()) schedule();
        }
    }
}
