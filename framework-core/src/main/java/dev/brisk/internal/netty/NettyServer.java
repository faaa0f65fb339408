package dev.brisk.internal.netty;

import dev.brisk.App;
import dev.brisk.Server;
import dev.brisk.internal.AppRuntime;
import dev.brisk.internal.Settings;
import dev.brisk.internal.dispatch.AsyncSupport;
import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.dispatch.RouteCompiler;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.scan.ModelBuilder;
import dev.brisk.internal.scan.StartupException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running server: Netty transport (epoll, NIO or in-VM), pipeline, graceful shutdown. */
public final class NettyServer implements Server {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");

    private final AppRuntime app;
    private final Settings settings;
    private final RouteCompiler routes;
    private final MultiThreadIoEventLoopGroup group;
    private final WorkerPool workers;
    private final BlockingDetector detector;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long tickNanos;
    private volatile boolean draining;
    private Channel serverChannel;

    private NettyServer(AppRuntime app, IoHandlerFactory io, int loops) {
        this.app = app;
        this.settings = app.settings();
        this.routes = app.compiled();
        this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("brisk-loop", false), io);
        this.workers = new WorkerPool(settings.workers());
        this.detector = new BlockingDetector(settings.blockingThreshold());
        long min = Math.min(settings.headerTimeout().toNanos(), Math.min(settings.bodyTimeout().toNanos(), settings.idleTimeout().toNanos()));
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), min / 4));
    }

    /** Starts on a TCP port (epoll when available). */
    public static NettyServer startTcp(AppRuntime app, String host, int port) {
        boolean epoll = Epoll.isAvailable();
        var server = new NettyServer(app, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory(), app.settings().eventLoops());
        server.start(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class, new InetSocketAddress(host, port));
        return server;
    }

    /** Starts on Netty's in-VM transport (no socket): used by the TestClient. */
    public static NettyServer startLocal(App app, LocalAddress address) {
        var rt = AppRuntime.of(app);
        var server = new NettyServer(rt, LocalIoHandler.newFactory(), 1);   // one loop: both ends of an in-VM channel share it
        server.start(LocalServerChannel.class, address);
        return server;
    }

    private void start(Class<? extends ServerChannel> channelClass, SocketAddress address) {
        try {
            runStartupHooks();
            var b = new ServerBootstrap().group(group).channel(channelClass)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            var st = new ConnState();
                            ch.pipeline().addLast("decoder", new StrictRequestDecoder(decoderConfig(), st));
                            ch.pipeline().addLast("encoder", new ResponseEncoder());
                            ch.pipeline().addLast("brisk", new HttpConnection(NettyServer.this, st));
                        }
                    });
            if (channelClass != LocalServerChannel.class) {
                // Half-closure: a client that shuts down its output after sending still gets its responses.
                b.option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            }
            serverChannel = b.bind(address).syncUninterruptibly().channel();
            var loops = new ArrayList<EventLoop>();
            for (EventExecutor e : group) {
                loops.add((EventLoop) e);
                AsyncSupport.register(e, workers);
            }
            detector.start(loops);
            LOG.info("Brisk started on {} ({} routes, {} event loops, workers {})", serverChannel.localAddress(),
                    app.model().routes().size(), loops.size(), workers.config());
        } catch (Throwable e) { // bind failures arrive as checked exceptions, thrown sneakily
            // Leave nothing running: no event loop, worker or watchdog thread outlives a failed start.
            detector.stop();
            if (serverChannel != null) serverChannel.close().awaitUninterruptibly();
            for (EventExecutor ex : group) AsyncSupport.unregister(ex);
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workers.shutdown(0);
            closed.set(true);
            stopped.countDown();
            if (e instanceof StartupException se) throw se;
            if (e instanceof Error err) throw err;
            throw new StartupException("cannot start server on " + describe(address) + ": " + e.getMessage(), e);
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

    private void runStartupHooks() {
        for (var l : app.startupMethods()) {
            try {
                l.method().invoke(l.target());
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new StartupException("startup hook " + l.method().getDeclaringClass().getName() + "." + l.method().getName()
                        + "() failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new StartupException("cannot run startup hook " + l.method() + ": " + e, e);
            }
        }
        int i = 0;
        for (var h : settings.startup()) {
            i++;
            try {
                h.run();
            } catch (Exception e) {
                throw new StartupException("startup hook #" + i + " (App.Builder.onStartup) failed: " + e, e);
            }
        }
    }

    private void runShutdownHooks() {
        for (var h : settings.shutdown()) {
            try {
                h.run();
            } catch (Exception e) {
                LOG.error("Shutdown hook failed", e);
            }
        }
        for (ModelBuilder.Lifecycle l : app.shutdownMethods()) {
            try {
                l.method().invoke(l.target());
            } catch (ReflectiveOperationException e) {
                LOG.error("Shutdown hook {} failed", l.method(), e.getCause() == null ? e : e.getCause());
            }
        }
    }

    // ------------------------------------------------------------------------------------ for connections

    Settings settings() {
        return settings;
    }

    RouteCompiler routes() {
        return routes;
    }

    WorkerPool workers() {
        return workers;
    }

    boolean draining() {
        return draining;
    }

    long tickNanos() {
        return tickNanos;
    }

    void register(HttpConnection c) {
        connections.add(c);
        if (draining) c.onDrain();
    }

    void unregister(HttpConnection c) {
        connections.remove(c);
    }

    /** The listening address (an {@code InetSocketAddress} or a {@code LocalAddress}). */
    public SocketAddress localAddress() {
        return serverChannel.localAddress();
    }

    /** The event loop group (the TestClient connects through it). */
    public MultiThreadIoEventLoopGroup group() {
        return group;
    }

    // ------------------------------------------------------------------------------------ Server

    @Override
    public int port() {
        return serverChannel.localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    @Override
    public void close() {
        close(settings.shutdownGrace());
    }

    @Override
    public void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            serverChannel.close().syncUninterruptibly();
            draining = true;
            for (var c : List.copyOf(connections)) {
                var ctx = c.context();
                if (ctx != null) ctx.executor().execute(c::onDrain);
            }
            long deadline = System.nanoTime() + grace.toNanos();
            while (!connections.isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (var c : List.copyOf(connections)) {
                var ctx = c.context();
                if (ctx != null) ctx.close();
            }
            detector.stop();
            for (EventExecutor e : group) AsyncSupport.unregister(e);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdown(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            runShutdownHooks();
            LOG.info("Brisk stopped");
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The blocking detector of this server (tests listen to it). */
    public BlockingDetector detector() {
        return detector;
    }
}
