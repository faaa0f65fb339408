package dev.brisk.test;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One kept-alive in-VM HTTP/1.1 connection to the app's server, carrying one request at a time
 * (the caller serialises). Runs on the server's own local-transport event loops.
 */
final class Connection {
    /** The server closed the connection before answering. */
    static final class ClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedException(String message) {
            super(message);
        }
    }

    // Generous limits: the client must never be the reason a test response is refused.
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setMaxInitialLineLength(64 * 1024)
            .setMaxHeaderSize(1024 * 1024)
            .setMaxChunkSize(1024 * 1024);

    private final Channel channel;
    private final Handler handler;
    private final ConnectionObserver observer = new ConnectionObserver();
    private int exchanges;

    private Connection(Channel channel, Handler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    static Connection open(EventLoopGroup group, LocalAddress address, long timeoutNanos) {
        var handler = new Handler();
        var bootstrap = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(DECODER, false, false), new HttpObjectAggregator(Integer.MAX_VALUE), handler);
            }
        });
        var future = bootstrap.connect(address);
        if (!future.awaitUninterruptibly(timeoutNanos, TimeUnit.NANOSECONDS)) {
            future.cancel(false);
            future.channel().close();
            throw new AssertionError("Cannot connect to the in-VM server " + address + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        if (!future.isSuccess()) {
            throw new IllegalStateException("Cannot connect to the in-VM server " + address + ": " + future.cause(), future.cause());
        }
        return new Connection(future.channel(), handler);
    }

    /** What the app reports about this connection's requests. */
    ConnectionObserver observer() {
        return observer;
    }

    /** This end's address, which the server sees as the remote address. */
    java.net.SocketAddress localAddress() {
        return channel.localAddress();
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** True once a response came back on this connection (a later close may just be keep-alive expiry). */
    boolean reused() {
        return exchanges > 0;
    }

    /**
     * Writes {@code request} (consuming it) and waits for the response, which the caller must release.
     *
     * @throws TimeoutException when no response arrives in time (the connection is then closed)
     * @throws ClosedException when the server closed the connection without answering
     */
    FullHttpResponse exchange(FullHttpRequest request, long timeoutNanos)
            throws TimeoutException, IOException, InterruptedException {
        var pending = new CompletableFuture<FullHttpResponse>();
        handler.pending = pending;
        if (!channel.isActive()) {
            request.release();
            handler.pending = null;
            throw new ClosedException("the connection is closed");
        }
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) pending.completeExceptionally(f.cause());
        });
        FullHttpResponse response;
        try {
            response = pending.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            // A late response is released by the handler; the connection's state is unknown, so drop it.
            pending.cancel(false);
            close();
            throw e;
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            throw new IOException(cause.toString(), cause);
        }
        exchanges++;
        if (!HttpUtil.isKeepAlive(response)) close();
        return response;
    }

    void close() {
        channel.close().awaitUninterruptibly();
    }

    /** Hands the aggregated response to the waiting request, or releases it when nobody waits any more. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
        volatile CompletableFuture<FullHttpResponse> pending;

        Handler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int code = response.status().code();
            if (code >= 100 && code < 200 && code != 101) { // interim (100 Continue, 103): the real answer follows
                ReferenceCountUtil.release(response);
                return;
            }
            var p = pending;
            pending = null;
            if (p == null || !p.complete(response)) ReferenceCountUtil.release(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            fail(new ClosedException("the server closed the connection without answering"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause);
            ctx.close();
        }

        private void fail(Throwable cause) {
            var p = pending;
            pending = null;
            if (p != null) p.completeExceptionally(cause);
        }
    }
}
