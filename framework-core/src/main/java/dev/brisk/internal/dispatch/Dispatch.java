package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.ConnectionHooks;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.routing.RouteTable;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * The app's {@link Dispatcher}: finds the route, hands plain handlers to the worker pool, runs the
 * route's middleware chain around its endpoint, and passes the final reply to the transport with
 * the work that must follow it (dependency cleanups, background tasks). Requests without a route
 * (404, 405), refused ones (413 ...) and those the workers cannot take (503) are answered through
 * the app's middleware on the event loop.
 */
public final class Dispatch implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");
    private static final RequestListener[] NO_LISTENERS = new RequestListener[0];

    private final RouteTable<Route> table;
    private final WorkerPool workers;
    private final ResultMapper results;
    private final ErrorMapper errors;
    private final Object[] appChain;
    private volatile RequestListener[] listeners = NO_LISTENERS;
    private volatile boolean timing;
    private volatile boolean draining;
    private volatile dev.brisk.internal.multipart.FormConfig forms = dev.brisk.internal.multipart.FormConfig.DEFAULTS;
    /** The app's WebSocket routes, or null when it has none. */
    WebSocketRoutes webSockets;

    Dispatch(RouteTable<Route> table, WorkerPool workers, ResultMapper results, ErrorMapper errors, Object[] appChain) {
        this.table = table;
        this.workers = workers;
        this.results = results;
        this.errors = errors;
        this.appChain = appChain;
    }

    private volatile dev.brisk.internal.http.StopSignal stopSignal;

    /** The app's stop signal; set when the server starts. */
    public void stopSignal(dev.brisk.internal.http.StopSignal s) {
        this.stopSignal = s;
    }

    dev.brisk.internal.http.StopSignal stopSignal() {
        return stopSignal;
    }

    /** Adds a listener (at startup, before requests arrive). */
    public synchronized void addListener(RequestListener l) {
        var old = listeners;
        var next = java.util.Arrays.copyOf(old, old.length + 1);
        next[old.length] = l;
        listeners = next;
        timing |= l.needsTiming();
    }

    public synchronized void removeListener(RequestListener l) {
        listeners = java.util.Arrays.stream(listeners).filter(x -> x != l).toArray(RequestListener[]::new);
        timing = java.util.Arrays.stream(listeners).anyMatch(RequestListener::needsTiming);
    }

    /** Marks that this server has begun to shut down (read by readiness probes; costs nothing per request). */
    public void drain() {
        draining = true;
    }

    /** True once the server's shutdown has begun. */
    public boolean draining() {
        return draining;
    }

    /** Sets the form limits (at startup, before requests arrive). */
    public void forms(dev.brisk.internal.multipart.FormConfig forms) {
        this.forms = forms;
    }

    dev.brisk.internal.multipart.FormConfig forms() {
        return forms;
    }

    boolean listening() {
        return listeners.length != 0;
    }

    /** Some listener reads each request's arrival time. */
    boolean timing() {
        return timing;
    }

    WorkerPool workers() {
        return workers;
    }

    public ErrorMapper errors() {
        return errors;
    }

    ResultMapper results() {
        return results;
    }

    // ------------------------------------------------------------------------------------ Dispatcher

    @Override
    public void dispatch(RequestView req, ReplySink sink) {
        RouteTable.Lookup<Route> found = table.find(req.method(), req.isHead() ? "GET" : null, req.rawPath());
        if (webSockets != null && webSockets.intercept(req, sink, found, this)) return;
        switch (found.outcome()) {
            case FOUND -> {
                Route r = found.endpoint();
                req.pathParams(r.pathNames(), found.values());
                if (r.loopFirst() != null && answeredOnLoop(r, req, sink)) return;
                var c = new Call(req, r, sink, this);
                if (r.async()) {
                    runChain(c, r);
                } else if (!workers.tryExecute(c)) {
                    answer(c, () -> {
                        var busy = Replies.detail(req.connection().alloc(), 503, "Service Unavailable");
                        busy.addHeader(HttpHeaderNames.RETRY_AFTER, "1");
                        return busy;
                    });
                }
            }
            case NOT_FOUND -> answer(new Call(req, null, sink, this), () -> Replies.notFound(req.connection().alloc()));
            case METHOD_NOT_ALLOWED -> {
                String allow = String.join(", ", found.allowed());
                answer(new Call(req, null, sink, this), () -> {
                    var reply = Replies.detail(req.connection().alloc(), 405, "Method Not Allowed");
                    reply.addHeader(HttpHeaderNames.ALLOW, allow);
                    return reply;
                });
            }
        }
    }

    /**
     * A route's answer from its hooks on this event loop (a cache hit): no trip to a worker for a plain
     * route, no chain, binding-state or handler machinery for either kind. The listeners hear of the
     * request only when it is answered here (its start time is still the call's): one that goes on is
     * theirs once, from where it runs.
     */
    private boolean answeredOnLoop(Route route, RequestView req, ReplySink sink) {
        var probe = new Call(req, route, sink, this);
        Reply r = route.loopFirst().onLoop(probe);
        if (r == null) return false;
        var ls = listeners;
        if (ls.length != 0) for (var l : ls) l.started(probe);
        try {
            probe.reply(r);
        } finally {
            if (ls.length != 0) for (var l : ls) l.returned(probe);
        }
        return true;
    }

    @Override
    public dev.brisk.internal.http.StreamedBody streamedBody(dev.brisk.internal.http.ConnectionInfo conn, io.netty.handler.codec.http.HttpRequest head) {
        String ct = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!dev.brisk.internal.multipart.MultipartBody.isMultipart(ct)) return null;
        String uri = head.uri();
        int q = uri.indexOf('?');
        String method = head.method().name();
        var found = table.find(method, method.equals("HEAD") ? "GET" : null, q < 0 ? uri : uri.substring(0, q));
        if (found.outcome() != RouteTable.Outcome.FOUND || !(found.endpoint().terminal() instanceof Endpoint e) || !e.readsForm) return null;
        return dev.brisk.internal.multipart.MultipartBody.create(ct, forms, workers::executeAlways);
    }

    @Override
    public void refuse(RequestView req, int status, String detail, ReplySink sink) {
        answer(new Call(req, null, sink, this), () -> Replies.detail(req.connection().alloc(), status, detail));
    }

    /**
     * Sends a fixed answer through the app's middleware (on this thread: the event loop). The reply is
     * made only when the chain reaches it, so one that a middleware answers first (a CORS preflight
     * on a path without OPTIONS route) leaves no buffer behind.
     */
    void answer(Call c, java.util.function.Supplier<Reply> reply) {
        if (appChain.length == 0 && listeners.length == 0) {
            c.reply(reply.get());
            return;
        }
        runChain(c, new Route(null, (call, out) -> out.reply(reply.get()), appChain, true, null, c.toString()));
    }

    // ------------------------------------------------------------------------------------ the chain

    /** Runs a route's chain on the current thread (the worker or the loop it belongs on). */
    void runChain(Call c, Route r) {
        var ls = listeners;
        if (ls.length != 0) for (var l : ls) l.started(c);
        try {
            step(c, r, 0, c);
        } catch (Throwable t) {   // the error guard: nothing escapes to the transport unanswered
            c.reply(errors.map(c, t, r.name()));
        } finally {
            if (ls.length != 0) for (var l : ls) l.returned(c);
        }
    }

    private void step(Call c, Route r, int i, ReplySink out) {
        Object[] chain = r.chain();
        if (i == chain.length) {
            r.terminal().run(c, out);
            return;
        }
        Object e = chain[i];
        if (e instanceof Filter f) {
            Reply early;
            try {
                early = f.before(c);
            } catch (Throwable t) {
                out.reply(errors.map(c, t, "middleware " + f.getClass().getName()));
                return;
            }
            if (early != null) {
                out.reply(early);
                return;
            }
            step(c, r, i + 1, reply -> {
                Reply x;
                try {
                    x = f.after(c, reply);
                } catch (Throwable t) {
                    reply.discard();
                    x = errors.map(c, t, "middleware " + f.getClass().getName());
                }
                out.reply(x);
            });
        } else if (e instanceof MiddlewareStep m) {
            m.run(c, r, i, out, this);
        } else {
            ((BlockingStep) e).run(c, r, i, out, this);
        }
    }

    /**
     * Continues a chain from step {@code i} for a middleware's {@code next}, on the right kind of
     * thread: the route's loop for event-loop routes, a worker for plain ones.
     */
    void continueChain(Call c, Route r, int i, ReplySink out) {
        if (r.async()) {
            var loop = c.request().connection().loop();
            if (loop.inEventLoop()) {
                step(c, r, i, out);
                return;
            }
            try {
                loop.execute(() -> step(c, r, i, out));
            } catch (RejectedExecutionException e) {
                out.reply(Replies.detail(c.request().connection().alloc(), 503, "Service Unavailable"));
            }
        } else if (WorkerPool.isWorkerThread()) {
            step(c, r, i, out);
        } else if (!workers.tryExecute(() -> step(c, r, i, out))) {
            var busy = Replies.detail(c.request().connection().alloc(), 503, "Service Unavailable");
            busy.addHeader(HttpHeaderNames.RETRY_AFTER, "1");
            out.reply(busy);
        }
    }

    /** Waits for (worker routes) or continues after (event-loop routes) a stage, then runs {@code then} with its value. */
    static <T> void resume(Call c, boolean async, CompletionStage<T> stage, java.util.function.BiConsumer<T, Throwable> then) {
        var f = stage.toCompletableFuture();
        if (f.isDone() || !async) {
            T v = null;
            Throwable t = null;
            try {
                v = f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                t = e.getCause();
            } catch (Throwable e) {
                t = e;
            }
            then.accept(v, t);
            return;
        }
        f.whenComplete((v, t) -> {
            var loop = c.request().connection().loop();
            if (loop.inEventLoop()) {
                then.accept(v, t);
            } else {
                try {
                    loop.execute(() -> then.accept(v, t));
                } catch (RejectedExecutionException e) {
                    then.accept(null, e);
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------ after the chain

    /** The final reply: attach what must follow it, tell the listeners, hand it to the transport. */
    void finish(Call c, Reply reply, ReplySink transport) {
        // A multipart body's temporary files outlive the handler only until the response is sent.
        if (c.request().streamed() instanceof dev.brisk.internal.multipart.MultipartBody form) reply.afterSend(form::cleanup);
        List<AutoCloseable> closeables = c.closeables();
        TaskList tasks = c.tasksIfAny();
        if (closeables != null || tasks != null && !tasks.isEmpty()) {
            ConnectionHooks hooks = c.request().connection().hooks();
            if (hooks != null) hooks.afterResponseScheduled();
            boolean inline = c.route() != null && c.route().async() && (tasks == null || tasks.isEmpty());
            reply.afterSend(() -> {
                if (inline) {
                    afterResponse(c, closeables, null, hooks);   // closing an event-loop route's dependencies stays on its loop
                    return;
                }
                try {
                    workers.executeAlways(() -> afterResponse(c, closeables, tasks, hooks));
                } catch (RejectedExecutionException e) {
                    afterResponse(c, closeables, tasks, hooks);   // the pools are shut down
                }
            });
        }
        var ls = listeners;
        if (ls.length != 0) {
            for (var l : ls) {
                try {
                    l.completed(c, reply);
                } catch (RuntimeException e) {
                    LOG.debug("request listener {} failed", l, e);
                }
            }
        }
        transport.reply(reply);
    }

    private static void afterResponse(Call c, List<AutoCloseable> closeables, TaskList tasks, ConnectionHooks hooks) {
        Throwable first = null;
        if (closeables != null) {
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Throwable t) {
                    LOG.error("Closing dependency {} after {} failed", closeables.get(i), where(c), t);
                }
            }
        }
        if (tasks != null) {
            for (Object task : tasks.snapshot()) {
                try {
                    if (task instanceof dev.brisk.BackgroundTasks.Task t) {
                        t.run();
                    } else {
                        CompletionStage<?> s = ((dev.brisk.BackgroundTasks.AsyncTask) task).start();
                        if (s != null) s.toCompletableFuture().get();
                    }
                } catch (Throwable t) {
                    Throwable cause = t instanceof java.util.concurrent.ExecutionException && t.getCause() != null ? t.getCause() : t;
                    if (cause instanceof InterruptedException) Thread.currentThread().interrupt();
                    if (first == null) first = cause;
                    LOG.error("Background task {} of {} failed", task, where(c), cause);
                }
            }
        }
        if (hooks != null) hooks.afterResponseDone(first);
    }

    private static String where(Call c) {
        return c.route() != null ? c.route().describe() : c.toString();
    }

    /** A completed stage, for hooks that answer at once. */
    static CompletableFuture<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}
