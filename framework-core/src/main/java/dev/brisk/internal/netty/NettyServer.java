package dev.brisk.internal.netty;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Dispatcher;
import dev.brisk.internal.http.ConnectionHooks;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The transport: Netty (epoll, NIO, or the in-VM transport for tests), the per-connection pipeline,
 * and draining on close. It knows the app only as a {@link Dispatcher}.
 */
public final class NettyServer {
    /** Where the accept queue cannot be read: while draining, the listener stays open until no connection has come for this long. */
    static final long ACCEPT_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Where it can: the queue must be empty and the last accepted connection set up this long ago. */
    static final long ACCEPT_SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Where it cannot: the listener closes after this long even if connections keep coming. */
    static final long ACCEPT_QUIET_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final Map<SocketAddress, ConnectionHooks> hooks;
    private final MultiThreadIoEventLoopGroup group;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private volatile boolean draining;
    private volatile long lastAccept = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong initialized = new java.util.concurrent.atomic.AtomicLong();
    private Channel serverChannel;

    private NettyServer(ServerConfig config, Dispatcher dispatcher, Map<SocketAddress, ConnectionHooks> hooks, IoHandlerFactory io, int loops) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.hooks = hooks;
        this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("brisk-loop", false), io);
        long min = Math.min(config.headerTimeout().toNanos(), Math.min(config.bodyTimeout().toNanos(), config.idleTimeout().toNanos()));
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), min / 4));
    }

    /** Starts on a TCP address (epoll when available). */
    public static NettyServer startTcp(ServerConfig config, Dispatcher dispatcher, Map<SocketAddress, ConnectionHooks> hooks,
                                       String host, int port) {
        boolean epoll = Epoll.isAvailable();
        var server = new NettyServer(config, dispatcher, hooks, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory(), config.eventLoops());
        server.start(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class, new InetSocketAddress(host, port));
        return server;
    }

    /** Starts on Netty's in-VM transport (no socket): used by the TestClient. One loop: both ends of an in-VM channel share it. */
    public static NettyServer startLocal(ServerConfig config, Dispatcher dispatcher, Map<SocketAddress, ConnectionHooks> hooks,
                                         LocalAddress address) {
        var server = new NettyServer(config, dispatcher, hooks, LocalIoHandler.newFactory(), 1);
        server.start(LocalServerChannel.class, address);
        return server;
    }

    private void start(Class<? extends ServerChannel> channelClass, SocketAddress address) {
        try {
            var b = new ServerBootstrap().group(group).channel(channelClass)
                    .handler(new io.netty.channel.ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object child) {
                            accepted.incrementAndGet();   // counted before the child is registered on its loop
                            lastAccept = System.nanoTime();
                            ctx.fireChannelRead(child);
                        }
                    })
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            initialized.incrementAndGet();
                            var st = new ConnState();
                            ch.pipeline().addLast("decoder", new StrictRequestDecoder(decoderConfig(), st));
                            ch.pipeline().addLast("brisk", new HttpConnection(NettyServer.this, dispatcher, st));
                        }
                    });
            if (channelClass != LocalServerChannel.class) {
                // Half-closure: a client that shuts down its output after sending still gets its responses.
                b.option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            }
            serverChannel = b.bind(address).syncUninterruptibly().channel();
        } catch (Throwable e) { // bind failures arrive as checked exceptions, thrown sneakily
            // Leave nothing running: no event loop outlives a failed start.
            if (serverChannel != null) serverChannel.close().awaitUninterruptibly();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            if (e instanceof Error err) throw err;
            String where = describe(address);
            if (e instanceof BindException || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new StartupException("cannot listen on " + where + ": the address is already in use"
                        + " (another process, or another Brisk app, listens there; pick another port)", e);
            }
            throw new StartupException("cannot listen on " + where + ": " + e.getMessage(), e);
        }
    }

    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16384)
                .setMaxChunkSize(65536)
                .setValidateHeaders(true)
                .setAllowDuplicateContentLengths(false)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true);
    }

    private static String describe(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort() : String.valueOf(address);
    }

    // ------------------------------------------------------------------------------------ for connections

    ServerConfig config() {
        return config;
    }

    Map<SocketAddress, ConnectionHooks> hooks() {
        return hooks;
    }

    boolean draining() {
        return draining;
    }

    long tickNanos() {
        return tickNanos;
    }

    void register(HttpConnection c) {
        lastAccept = System.nanoTime();
        connections.add(c);
        if (draining) c.onDrain();
    }

    void unregister(HttpConnection c) {
        connections.remove(c);
    }

    // ------------------------------------------------------------------------------------ for the app runtime

    /** The listening address (an {@code InetSocketAddress} or a {@code LocalAddress}). */
    public SocketAddress localAddress() {
        return serverChannel.localAddress();
    }

    /** The bound port, or -1 on the in-VM transport. */
    public int port() {
        return serverChannel.localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    /** The event loop group (the TestClient connects through it). */
    public MultiThreadIoEventLoopGroup group() {
        return group;
    }

    /** The event loops, for the blocking detector and the {@code Async} helpers. */
    public List<EventLoop> eventLoops() {
        var loops = new ArrayList<EventLoop>();
        for (EventExecutor e : group) loops.add((EventLoop) e);
        return loops;
    }

    /**
     * Drains and stops: connections already accepted, or still in the accept backlog, are served
     * (their last reply says {@code Connection: close}); the listener closes once no connection has
     * arrived for a moment; idle connections close after a moment without a request; whatever is left
     * when {@code grace} runs out is closed. Returns the nanoTime deadline the grace implies.
     */
    public long close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        draining = true;
        for (var c : List.copyOf(connections)) {
            var ctx = c.context();
            if (ctx != null) ctx.executor().execute(c::onDrain);
        }
        // Accept what is in the accept queue: it reached the server. Closing the listener would reset it.
        // What is owed is the queue as it is now: clients that keep connecting (a load generator, a
        // balancer that has not heard yet) must not hold the listener open until the grace runs out.
        int port = port();
        long start = System.nanoTime();
        int queued = serverChannel instanceof LocalServerChannel ? -1 : AcceptBacklog.pending(port);
        long owed = queued >= 0 ? accepted.get() + queued : -1;
        while (!(serverChannel instanceof LocalServerChannel) && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            boolean settled = initialized.get() >= accepted.get();
            if (owed >= 0) {
                if (settled && accepted.get() >= owed) break;
                if (settled && AcceptBacklog.pending(port) == 0 && now - lastAccept >= ACCEPT_SETTLE_NANOS) break;
            } else if (settled && (now - lastAccept >= ACCEPT_QUIET_NANOS || now - start >= ACCEPT_QUIET_LIMIT_NANOS)) {
                break;
            }
            if (!sleep()) break;
        }
        serverChannel.close().syncUninterruptibly();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            if (!sleep()) break;
        }
        for (var c : List.copyOf(connections)) {
            var ctx = c.context();
            if (ctx != null) ctx.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        return deadline;
    }

    /** False when interrupted: stop waiting, close what is left. */
    private static boolean sleep() {
        try {
            Thread.sleep(5);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
