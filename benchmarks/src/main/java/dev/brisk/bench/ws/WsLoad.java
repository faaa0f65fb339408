package dev.brisk.bench.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The load generator of the WebSocket benchmark: a Netty WebSocket client (epoll), one event loop.
 *
 * <pre>
 * echo   URL CONNECTIONS INFLIGHT SIZE WARMUP_S SECONDS   messages/s and latency of an echo, INFLIGHT messages in flight per connection
 * fanout URL RECEIVERS MESSAGES WINDOW SIZE               1 sender, RECEIVERS receivers: deliveries/s and latency from send to receipt
 * idle   URL CONNECTIONS HOLD_S                           opens CONNECTIONS and holds them (the harness measures the server meanwhile)
 * </pre>
 *
 * Prints one line of {@code key=value} results. Each message carries its send time, so latency is
 * measured end to end on this client's clock.
 */
public final class WsLoad {
    /** Latency buckets of 10 µs up to 1 s (and one for everything above). */
    private static final int BUCKETS = 100_001;

    private final MultiThreadIoEventLoopGroup group;
    private final Class<? extends SocketChannel> channelClass;
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);

    private WsLoad() {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static void main(String[] args) throws Exception {
        var load = new WsLoad();
        try {
            String result = switch (args[0]) {
                case "echo" -> load.echo(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                case "fanout" -> load.fanout(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]));
                case "idle" -> load.idle(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException("mode: echo, fanout or idle");
            };
            System.out.println(result);
        } finally {
            load.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    // ------------------------------------------------------------------------------------ modes

    private String echo(URI uri, int connections, int inflight, int size, int warmupSeconds, int seconds) throws Exception {
        var received = new AtomicLong();
        var measuring = new boolean[1];
        List<Channel> channels = connect(uri, connections, (ch, text) -> {
            long sent = Long.parseLong(text.substring(0, text.indexOf(' ')));
            if (measuring[0]) {
                record(System.nanoTime() - sent);
                received.incrementAndGet();
            }
            ch.writeAndFlush(new TextWebSocketFrame(message(size)));
        });
        for (var ch : channels) {
            ch.eventLoop().execute(() -> {
                for (int i = 0; i < inflight; i++) ch.write(new TextWebSocketFrame(message(size)));
                ch.flush();
            });
        }
        Thread.sleep(warmupSeconds * 1000L);
        group.next().submit(() -> measuring[0] = true).sync();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long n = group.next().submit(() -> {
            measuring[0] = false;
            return received.get();
        }).get();
        double secs = (System.nanoTime() - t0) / 1e9;
        closeAll(channels);
        return String.format("mode=echo connections=%d inflight=%d size=%d msgs_per_s=%.0f p50_us=%d p99_us=%d", connections, inflight, size,
                n / secs, percentile(0.50), percentile(0.99));
    }

    private String fanout(URI uri, int receivers, int messages, int window, int size) throws Exception {
        var delivered = new AtomicLong();
        var done = new CompletableFuture<Void>();
        long total = (long) receivers * messages;
        List<Channel> rx = connect(uri, receivers, (ch, text) -> {
            record(System.nanoTime() - Long.parseLong(text.substring(0, text.indexOf(' '))));
            if (delivered.incrementAndGet() == total) done.complete(null);
        });
        Thread.sleep(500);   // the receivers' onOpen (joining the room) has run
        var senderUri = URI.create(uri + (uri.getQuery() == null ? "?" : "&") + "role=sender");
        Channel sender = connect(senderUri, 1, (ch, text) -> { }).get(0);
        long t0 = System.nanoTime();
        var sent = new long[1];
        // The sender keeps at most WINDOW messages undelivered (on average over the receivers).
        Runnable pump = new Runnable() {
            @Override
            public void run() {
                boolean wrote = false;
                while (sent[0] < messages && sent[0] * receivers - delivered.get() < (long) window * receivers) {
                    sender.write(new TextWebSocketFrame(message(size)));
                    sent[0]++;
                    wrote = true;
                }
                if (wrote) sender.flush();
                if (sent[0] < messages && !done.isDone()) sender.eventLoop().schedule(this, 50, TimeUnit.MICROSECONDS);
            }
        };
        sender.eventLoop().execute(pump);
        done.get(120, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        rx.add(sender);
        closeAll(rx);
        return String.format("mode=fanout receivers=%d messages=%d window=%d size=%d deliveries_per_s=%.0f p50_us=%d p99_us=%d seconds=%.2f",
                receivers, messages, window, size, total / secs, percentile(0.50), percentile(0.99), secs);
    }

    private String idle(URI uri, int connections, int holdSeconds) throws Exception {
        long t0 = System.nanoTime();
        List<Channel> channels = connect(uri, connections, (ch, text) -> { });
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.println("connected=" + channels.size() + String.format(" connect_seconds=%.1f", secs));
        System.out.flush();
        Thread.sleep(holdSeconds * 1000L);
        long alive = channels.stream().filter(Channel::isActive).count();
        closeAll(channels);
        return "mode=idle connections=" + connections + " still_open=" + alive;
    }

    // ------------------------------------------------------------------------------------ plumbing

    interface OnText {
        void text(Channel ch, String text);
    }

    /** Opens {@code n} WebSockets, 200 handshakes at a time; returns once all are done. */
    private List<Channel> connect(URI uri, int n, OnText onText) throws Exception {
        var out = new ArrayList<Channel>(n);
        int port = uri.getPort();
        for (int start = 0; start < n; start += 200) {
            var batch = new ArrayList<CompletableFuture<Channel>>();
            for (int i = start; i < Math.min(n, start + 200); i++) {
                var handshaken = new CompletableFuture<Channel>();
                var config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri).version(WebSocketVersion.V13)
                        .maxFramePayloadLength(1 << 20).handshakeTimeoutMillis(30_000).dropPongFrames(true).build();
                var b = new Bootstrap().group(group).channel(channelClass).option(ChannelOption.TCP_NODELAY, true)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                        new WebSocketClientProtocolHandler(config), new Client(onText, handshaken));
                            }
                        });
                b.connect(uri.getHost(), port).addListener(f -> {
                    if (!f.isSuccess()) handshaken.completeExceptionally(f.cause());
                });
                batch.add(handshaken);
            }
            for (var f : batch) out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private static void closeAll(List<Channel> channels) {
        for (var ch : channels) ch.close();
        for (var ch : channels) ch.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static String message(int size) {
        var sb = new StringBuilder(size).append(System.nanoTime()).append(' ');
        while (sb.length() < size) sb.append('x');
        return sb.toString();
    }

    private void record(long nanos) {
        long b = nanos / 10_000;
        histogram.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, b)));
    }

    /** The latency below which {@code p} of the recorded ones are, in microseconds (10 µs resolution). */
    private long percentile(double p) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += histogram.get(i);
        long target = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= target && total > 0) return (i + 1) * 10L;
        }
        return -1;
    }

    private static final class Client extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final OnText onText;
        private final CompletableFuture<Channel> handshaken;

        Client(OnText onText, CompletableFuture<Channel> handshaken) {
            this.onText = onText;
            this.handshaken = handshaken;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) handshaken.complete(ctx.channel());
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshaken.completeExceptionally(new IllegalStateException("handshake timeout"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ByteBuf c = frame.content();
            onText.text(ctx.channel(), c.toString(StandardCharsets.US_ASCII));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshaken.completeExceptionally(cause);
            ctx.close();
        }
    }

    static Map<String, String> parse(String line) {
        var m = new HashMap<String, String>();
        for (String kv : line.split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }
}
