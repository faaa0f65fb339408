package dev.brisk.internal.websocket;

import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The protocol side of one WebSocket connection, after Netty's frame decoder (masking, frame size,
 * opcodes, control frames) and UTF-8 validator: joins fragments into messages within the message
 * limit, answers pings, pings a quiet client and closes an idle one, runs the closing handshake
 * (echoing the client's close; cutting the connection when a close goes unanswered), turns protocol
 * violations into their close codes, and drops data frames written after the close frame. Event loop only.
 */
final class WsConnection extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.websocket");

    private final WsSession session;
    private final int maxMessage;
    private final long pingNanos;
    private final long idleNanos;
    private final long closeNanos;

    private ChannelHandlerContext ctx;
    private ByteBuf fragments;
    private boolean fragmentText;
    private long messageSize;
    private long lastRead;
    private long lastPing;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> closeTimer;
    private WebSocketClose sent;
    private WebSocketClose received;

    WsConnection(WsSession session, WebSocketSettings s) {
        this.session = session;
        this.maxMessage = s.maxMessageSize();
        this.pingNanos = Sessions.nanos(s.pingInterval());
        this.idleNanos = Sessions.nanos(s.idleTimeout());
        this.closeNanos = Sessions.nanos(s.handshakeTimeout());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastRead = lastPing = System.nanoTime();
        timer = ctx.executor().schedule(this::tick, pingNanos, TimeUnit.NANOSECONDS);
    }

    // ------------------------------------------------------------------------------------ inbound

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        if (!(msg instanceof WebSocketFrame f)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (f instanceof PingWebSocketFrame) {
            if (sent == null) ctx.writeAndFlush(new PongWebSocketFrame(f.content().retain()));
            f.release();
        } else if (f instanceof PongWebSocketFrame) {
            f.release();
        } else if (f instanceof CloseWebSocketFrame c) {
            onClose(c);
        } else {
            data(f);
        }
    }

    private void data(WebSocketFrame f) {
        if (sent != null || received != null) {   // closing: data that crosses our close frame is dropped
            f.release();
            return;
        }
        if (!(f instanceof ContinuationWebSocketFrame)) {
            fragmentText = f instanceof TextWebSocketFrame;
            messageSize = 0;
        }
        ByteBuf content = f.content();
        messageSize += content.readableBytes();
        if (messageSize > maxMessage) {
            f.release();
            releaseFragments();
            fail(WebSocketClose.MESSAGE_TOO_BIG, "Message Too Big: the limit is " + maxMessage + " bytes");
            return;
        }
        if (f.isFinalFragment() && fragments == null) {
            try {
                deliver(content);
            } finally {
                f.release();
            }
            return;
        }
        if (fragments == null) fragments = ctx.alloc().buffer(Math.max(256, content.readableBytes() * 2), maxMessage);
        fragments.writeBytes(content);
        f.release();
        if (f.isFinalFragment()) {
            var whole = fragments;
            fragments = null;
            try {
                deliver(whole);
            } finally {
                whole.release();
            }
        }
    }

    private void deliver(ByteBuf content) {
        if (fragmentText) session.inbound(content.toString(StandardCharsets.UTF_8));
        else session.inbound(ByteBufUtil.getBytes(content));
    }

    private void onClose(CloseWebSocketFrame c) {
        int code = c.statusCode();
        String reason = code < 0 ? "" : c.reasonText();
        c.release();
        releaseFragments();
        if (received != null) return;
        received = new WebSocketClose(code < 0 ? WebSocketClose.NO_STATUS : code, reason == null ? "" : reason);
        if (sent == null) {
            // The client closes first: echo its code (a close without one is answered without one), then the server ends TCP.
            session.closingByPeer();
            sent = received;
            var echo = code < 0 ? new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER) : new CloseWebSocketFrame(code, "");
            ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();   // the answer to our close: the handshake is complete
        }
    }

    // ------------------------------------------------------------------------------------ closing

    /** The server closes: a close frame, then the client's answer (or the timeout) ends the connection. */
    void startClose(int code, String reason) {
        if (sent != null || !ctx.channel().isActive()) return;
        sent = new WebSocketClose(code, reason);
        releaseFragments();
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
        if (received != null) {
            ctx.close();
        } else {
            closeTimer = ctx.executor().schedule(() -> {
                LOG.debug("WebSocket session {}: no answer to the close frame; closing the connection", session.id());
                ctx.close();
            }, closeNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A client that does not read: the close frame is queued behind what it did not read, so the
     * connection ends now, dropping the queue (that is the point).
     */
    void cut(int code, String reason) {
        session.closingByPeer();
        releaseFragments();
        if (sent == null) sent = new WebSocketClose(code, reason);
        if (ctx.channel().isActive()) ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
        ctx.close();
    }

    /** A protocol violation or a limit: the close frame, then the connection ends at once. */
    private void fail(int code, String reason) {
        session.closingByPeer();
        releaseFragments();
        if (sent == null && ctx.channel().isActive()) {
            sent = new WebSocketClose(code, CloseReasons.truncate(reason));
            ctx.writeAndFlush(new CloseWebSocketFrame(code, sent.reason())).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException c) {
            fail(c.closeStatus().code(), c.getMessage() == null ? c.closeStatus().reasonText() : c.getMessage());
        } else if (cause instanceof TooLongFrameException) {
            fail(WebSocketClose.MESSAGE_TOO_BIG, "Message Too Big");
        } else if (cause instanceof DecompressionException d) {
            boolean tooBig = String.valueOf(d.getMessage()).contains("maximum");
            fail(tooBig ? WebSocketClose.MESSAGE_TOO_BIG : WebSocketClose.INVALID_DATA,
                    tooBig ? "Message Too Big: the limit is " + maxMessage + " bytes" : "invalid compressed data");
        } else if (cause instanceof IOException) {
            ctx.close();
        } else {
            LOG.debug("WebSocket session {} failed", session.id(), cause);
            fail(WebSocketClose.INTERNAL_ERROR, "Internal Server Error");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        // The server's sockets allow half-closure (for HTTP); a WebSocket client that shuts its output is gone.
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) ctx.close();
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) timer.cancel(false);
        if (closeTimer != null) closeTimer.cancel(false);
        releaseFragments();
        WebSocketClose status = received != null ? received : sent != null ? sent : new WebSocketClose(WebSocketClose.ABNORMAL, "");
        session.closed(status);
        super.channelInactive(ctx);
    }

    private void releaseFragments() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
    }

    // ------------------------------------------------------------------------------------ outbound

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // After the close frame nothing else may be sent (RFC 6455 5.5.1).
        if (sent != null && msg instanceof WebSocketFrame && !(msg instanceof CloseWebSocketFrame)) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new IOException("the WebSocket is closing"));
            return;
        }
        ctx.write(msg, promise);
    }

    // ------------------------------------------------------------------------------------ keep-alive

    /** Pings a client that has been quiet for the ping interval; closes (1001) one quiet for the idle timeout. */
    private void tick() {
        if (!ctx.channel().isActive() || sent != null || received != null) return;
        long now = System.nanoTime();
        long quiet = now - lastRead;
        if (quiet >= idleNanos) {
            session.closingByPeer();
            startClose(WebSocketClose.GOING_AWAY, "idle timeout");
            return;
        }
        if (quiet >= pingNanos && now - lastPing >= pingNanos) {
            lastPing = now;
            ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER));
        }
        long next = Math.min(lastRead + idleNanos, Math.max(lastRead, lastPing) + pingNanos) - now;
        timer = ctx.executor().schedule(this::tick, Math.max(TimeUnit.MILLISECONDS.toNanos(1), next), TimeUnit.NANOSECONDS);
    }
}
