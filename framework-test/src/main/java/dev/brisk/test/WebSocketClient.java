package dev.brisk.test;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side of a TestClient WebSocket: an in-VM channel with an HTTP codec for the handshake,
 * switched to WebSocket frames (masked, as a client's must be) in the same read that brings the 101,
 * so that no frame the app sends right after it is lost.
 */
final class WebSocketClient {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** The client takes whatever the app sends: limits are the server's business. */
    private static final int MAX_FRAME = 64 << 20;

    private WebSocketClient() {
    }

    static Channel open(EventLoopGroup group, LocalAddress address, long timeoutNanos, boolean compression, TestWebSocket ws,
                        CompletableFuture<FullHttpResponse> handshake) {
        var bootstrap = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
                var p = ch.pipeline();
                p.addLast("http", new HttpClientCodec());
                p.addLast("aggregator", new HttpObjectAggregator(1 << 20));
                if (compression) p.addLast("compression", new WebSocketClientCompressionHandler(0));
                p.addLast("handshake", new Switch(ws, handshake));
            }
        });
        var future = bootstrap.connect(address);
        if (!future.awaitUninterruptibly(timeoutNanos, TimeUnit.NANOSECONDS)) {
            future.cancel(false);
            future.channel().close();
            throw new AssertionError("Cannot connect to the in-VM server " + address);
        }
        if (!future.isSuccess()) throw new IllegalStateException("Cannot connect to the in-VM server " + address + ": " + future.cause(), future.cause());
        return future.channel();
    }

    static String acceptKey(String key) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the handshake's response over; on 101 it first puts the frame codec in place of the HTTP codec. */
    private static final class Switch extends ChannelInboundHandlerAdapter {
        private final TestWebSocket ws;
        private final CompletableFuture<FullHttpResponse> handshake;

        Switch(TestWebSocket ws, CompletableFuture<FullHttpResponse> handshake) {
            this.ws = ws;
            this.handshake = handshake;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpResponse res)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            int code = res.status().code();
            if (code >= 100 && code < 200 && code != 101) {
                res.release();
                return;
            }
            if (code == 101) {
                var p = ctx.pipeline();
                var codec = p.get(HttpClientCodec.class);
                p.remove("aggregator");
                codec.removeOutboundHandler();
                p.addAfter("http", "ws-decoder", new WebSocket13FrameDecoder(false, true, MAX_FRAME, false));
                p.addAfter("ws-decoder", "ws-encoder", new WebSocket13FrameEncoder(true));
                p.replace(this, "ws", ws.handler());
                ctx.executor().execute(() -> {
                    if (p.get(HttpClientCodec.class) != null) p.remove(codec);
                });
            }
            if (!handshake.complete(res)) res.release();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            handshake.completeExceptionally(new java.io.IOException("the server closed the connection during the WebSocket handshake"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            ctx.close();
        }
    }
}
