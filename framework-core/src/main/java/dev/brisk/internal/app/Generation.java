package dev.brisk.internal.app;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.AsyncSupport;
import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.dispatch.Dispatch;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.StopSignal;
import io.netty.channel.EventLoop;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One generation of an app in dev mode: what {@link RunningServer} starts for an app, less the
 * transport, which the dev session keeps bound across generations. Started: startup hooks run, a
 * worker pool and a dispatcher exist. Stopped: the stop signal fires, the workers finish what they
 * have within the grace period, the shutdown hooks run.
 */
public final class Generation {
    private final AppRuntime app;
    private final WorkerPool workers;
    private final Dispatch dispatch;

    private Generation(AppRuntime app, WorkerPool workers, Dispatch dispatch) {
        this.app = app;
        this.workers = workers;
        this.dispatch = dispatch;
    }

    /** Runs the startup hooks and makes the worker pool and dispatcher; {@code detector} is the session's (may be off). */
    public static Generation start(AppRuntime app, BlockingDetector detector) {
        WorkerPool workers = null;
        try {
            app.runStartupHooks();
            workers = new WorkerPool(app.config().dispatch().workers());
            var dispatch = app.newDispatcher(workers);
            if (detector.enabled()) dispatch.addListener(new RunningServer.DetectorWiring());
            return new Generation(app, workers, dispatch);
        } catch (RuntimeException | Error e) {
            if (workers != null) workers.shutdown(0);
            if (e instanceof StartupException || e instanceof Error) throw e;
            throw new StartupException("cannot start the app: " + e.getMessage(), e);
        }
    }

    /** Makes this generation's pool the one {@code Async.offload} uses on these loops. */
    public void activate(List<EventLoop> loops) {
        for (var loop : loops) AsyncSupport.register(loop, workers);
    }

    public AppRuntime app() {
        return app;
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    /** Tells streams and sockets of this generation to end ({@link StopSignal.Reason#RELOAD} or SHUTDOWN). */
    public void signalStop(StopSignal.Reason reason) {
        app.stopSignal().fire(reason);
    }

    /** Lets the workers finish until {@code deadlineNanos} (a {@code System.nanoTime()}), then runs the shutdown hooks. */
    public void stop(long deadlineNanos) {
        workers.shutdown(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        app.runShutdownHooks();
    }

    /** Logs a line the user must see (printed when there is no SLF4J provider), like the server's start line. */
    public static void announce(String line) {
        Logs.always(line);
    }

    /** The address as a URL a person can open. */
    public static String url(java.net.SocketAddress address) {
        return Logs.url(address);
    }
}
