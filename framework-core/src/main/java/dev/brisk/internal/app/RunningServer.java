package dev.brisk.internal.app;

import dev.brisk.Server;
import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.AsyncSupport;
import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Dispatch;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.StopSignal;
import dev.brisk.internal.netty.NettyServer;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One started server of an app: the transport, the worker pool and the blocking detector it owns,
 * and the order of stopping (drain the transport, let workers and background tasks finish within
 * the grace period, then the shutdown hooks).
 */
public final class RunningServer implements Server, dev.brisk.internal.spi.ServerHandle {
    private final AppRuntime app;
    private final NettyServer transport;
    private final WorkerPool workers;
    private final BlockingDetector detector;
    private final Dispatch dispatch;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningServer(AppRuntime app, NettyServer transport, WorkerPool workers, BlockingDetector detector, Dispatch dispatch) {
        this.app = app;
        this.transport = transport;
        this.workers = workers;
        this.detector = detector;
        this.dispatch = dispatch;
    }

    static RunningServer tcp(AppRuntime app, String host, int port) {
        return start(app, (dispatch) -> NettyServer.startTcp(app.config().server(), dispatch, app.connectionHooks(), host, port), true);
    }

    static RunningServer local(AppRuntime app, LocalAddress address) {
        return start(app, (dispatch) -> NettyServer.startLocal(app.config().server(), dispatch, app.connectionHooks(), address), false);
    }

    private static RunningServer start(AppRuntime app, java.util.function.Function<Dispatch, NettyServer> transport, boolean announce) {
        if (announce) Logs.hintIfSilent();
        var cfg = app.config().dispatch();
        WorkerPool workers = null;
        BlockingDetector detector = null;
        try {
            app.runStartupHooks();
            workers = new WorkerPool(cfg.workers());
            detector = new BlockingDetector(cfg.blockingThreshold());
            var dispatch = app.newDispatcher(workers);
            if (detector.enabled()) dispatch.addListener(new DetectorWiring());
            NettyServer server = transport.apply(dispatch);
            List<EventLoop> loops = server.eventLoops();
            for (var loop : loops) AsyncSupport.register(loop, workers);
            detector.start(loops);
            var running = new RunningServer(app, server, workers, detector, dispatch);
            app.extensions().started(running);
            if (announce) {
                Logs.always("Brisk listening on " + Logs.url(server.localAddress()) + allInterfaces(server.localAddress()));
                Logs.LOG.info("{} routes, {} event loops, workers {}", app.model().routes().size(), loops.size(), workers.config());
            }
            return running;
        } catch (RuntimeException | Error e) {
            // Leave nothing running: no worker or watchdog thread outlives a failed start.
            if (detector != null) detector.stop();
            if (workers != null) workers.shutdown(0);
            if (e instanceof StartupException || e instanceof Error) throw e;
            throw new StartupException("cannot start the server: " + e.getMessage(), e);
        }
    }

    private static String allInterfaces(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() != null && i.getAddress().isAnyLocalAddress() ? " (all interfaces)" : "";
    }

    /** Tells the blocking detector which route runs on an event loop (here and in a dev-mode generation). */
    static final class DetectorWiring implements RequestListener {
        @Override
        public void started(Call call) {
            var r = call.route();
            if (r == null || r.async()) BlockingDetector.enter(call.routeName());
        }

        @Override
        public void returned(Call call) {
            BlockingDetector.exit();
        }

        @Override
        public boolean needsTiming() {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------ accessors

    /** The listening address (an {@code InetSocketAddress} or a {@code LocalAddress}). */
    public SocketAddress localAddress() {
        return transport.localAddress();
    }

    /** The event loop group (the TestClient connects through it). */
    public MultiThreadIoEventLoopGroup group() {
        return transport.group();
    }

    /** The blocking detector of this server (tests listen to it). */
    @Override
    public BlockingDetector detector() {
        return detector;
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    /** The worker pool of this server. */
    @Override
    public WorkerPool workers() {
        return workers;
    }

    @Override
    public boolean draining() {
        return dispatch.draining();
    }

    /**
     * Starts closing every open WebSocket session of this server with {@code code} and {@code reason}
     * (e.g. {@code 1012}, "service restart", before a reload); the server keeps running. Returns how many.
     */
    public int closeWebSockets(int code, String reason) {
        return app.compiled().webSockets().closeAll(transport.group(), code, reason);
    }

    /** The open WebSocket sessions of this server. */
    public int openWebSockets() {
        return app.compiled().webSockets().open(transport.group());
    }

    // ------------------------------------------------------------------------------------ Server

    @Override
    public int port() {
        return transport.port();
    }

    @Override
    public void close() {
        close(app.config().server().shutdownGrace());
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
            app.stopSignal().fire(StopSignal.Reason.SHUTDOWN);   // streams and WebSockets end, so draining does not wait for them
            dispatch.drain();
            long deadline = transport.close(app.compiled().webSockets().drain(transport.group(), grace));   // WebSockets: 1001 first
            detector.stop();
            for (var loop : transport.eventLoops()) AsyncSupport.unregister(loop);
            // In-flight handlers and background tasks finish within what is left of the grace period.
            workers.shutdown(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            app.extensions().stopped(this);
            app.compiled().webSockets().stopped(transport.group());
            app.runShutdownHooks();
            Logs.LOG.info("Brisk stopped");
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
