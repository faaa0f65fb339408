package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Response;
import dev.brisk.internal.binding.Errors;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.model.RouteDef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One request inside the dispatcher: the request, its route (null for 404/405 and refusals), and
 * the state of binding (errors, dependency cache, cleanups, the parsed JSON body, background tasks).
 * As the {@link ReplySink} the chain answers to, it hands the final reply on to the transport after
 * the request listeners and after-send work are attached. It is also the {@link Runnable} given to
 * the worker pool, so the hand-off allocates nothing more.
 */
public final class Call implements ReplySink, Runnable {
    private final RequestView request;
    private final Route route;
    private final ReplySink transport;
    private final Dispatch dispatch;
    private final long startNanos;

    private Errors errors;
    private Response responseParam;
    private IdentityHashMap<Object, Object> depCache;
    private volatile ArrayList<AutoCloseable> closeables;
    private TaskList tasks;
    private Object attachment;
    private Object[] filterState;
    private boolean replied;

    // JSON body state, shared by the route's body binders (this package only)
    JsonNode jsonBody;
    boolean jsonParsed;
    boolean jsonInvalid;
    /** Set when the body was bound without building its tree: {@link #jsonTree()} builds it if an error report needs it. */
    /** Set when a body was read without a tree: the tree is parsed from it only if an error report asks. */
    dev.brisk.internal.json.JsonSupport jsonDeferred;
    /** Raw text of each argument, kept only for routes whose parameters have constraints. */
    Object[] rawInputs;

    Call(RequestView request, Route route, ReplySink transport, Dispatch dispatch) {
        this.request = request;
        this.route = route;
        this.transport = transport;
        this.dispatch = dispatch;
        this.startNanos = dispatch.timing() ? System.nanoTime() : 0;
    }

    public RequestView request() {
        return request;
    }

    /** The matched route's definition, or null (no route matched, or the transport refused the request). */
    public RouteDef route() {
        return route == null ? null : route.def();
    }

    /** The route's name for logs ({@code GET /items/{id} (Items.read)}), or method and path when none matched. */
    public String routeName() {
        return route != null && route.def() != null ? route.name() : toString();
    }

    /** When the dispatcher took the request (System.nanoTime), when request listeners exist; else 0. */
    public long startNanos() {
        return startNanos;
    }

    /** A per-request slot for one extension (e.g. a cache key computed before the handler runs). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    /** What a filter kept for this request under its {@code key} (compared by identity) in {@code before}, or null. */
    public Object filterState(Object key) {
        var s = filterState;
        if (s != null) {
            for (int i = 0; i < s.length && s[i] != null; i += 2) {
                if (s[i] == key) return s[i + 1];
            }
        }
        return null;
    }

    /** Keeps {@code value} for this request under a filter's {@code key}, to read back on the way out. */
    public void filterState(Object key, Object value) {
        var s = filterState;
        if (s == null) s = filterState = new Object[4];
        int i = 0;
        while (i < s.length && s[i] != null && s[i] != key) i += 2;
        if (i == s.length) s = filterState = java.util.Arrays.copyOf(s, s.length * 2);
        s[i] = key;
        s[i + 1] = value;
    }

    /** True once the server that took this request has begun to shut down. */
    public boolean serverDraining() {
        return dispatch.draining();
    }

    // ------------------------------------------------------------------------------------ worker hand-off

    @Override
    public void run() {
        dispatch.runChain(this, route);
    }

    // ------------------------------------------------------------------------------------ the final reply

    @Override
    public void reply(Reply reply) {
        if (replied) {
            // A bug in Brisk or an extension; the first reply stands.
            org.slf4j.LoggerFactory.getLogger("dev.brisk").error("A second reply for {} was dropped", this, new IllegalStateException());
            reply.discard();
            return;
        }
        replied = true;
        dispatch.finish(this, reply, transport);
    }

    // ------------------------------------------------------------------------------------ binding state

    public Errors errors() {
        var e = errors;
        if (e == null) errors = e = new Errors();
        return e;
    }

    public boolean hasErrors() {
        return errors != null && !errors.isEmpty();
    }

    /** The {@code Response} parameter handed to the handler, if one was asked for. */
    public Response responseParam() {
        return responseParam;
    }

    Response responseParamCreate() {
        var r = responseParam;
        if (r == null) responseParam = r = new Response();
        return r;
    }

    Object cached(Object key) {
        return depCache == null ? null : depCache.get(key);
    }

    void cache(Object key, Object value) {
        if (depCache == null) depCache = new IdentityHashMap<>(4);
        depCache.put(key, value);
    }

    synchronized void addCloseable(AutoCloseable c) {
        if (closeables == null) closeables = new ArrayList<>(2);
        closeables.add(c);
    }

    /** Hands the cleanups over (a WebSocket session runs them when it ends, not after the 101); null when none. */
    synchronized List<AutoCloseable> takeCloseables() {
        var c = closeables;
        closeables = null;
        return c;
    }

    /** Cleanups registered by dependencies, in registration order; null when none (read once the handler is done). */
    List<AutoCloseable> closeables() {
        return closeables;
    }

    TaskList tasks() {
        var t = tasks;
        if (t == null) tasks = t = new TaskList();
        return t;
    }

    TaskList tasksIfAny() {
        return tasks;
    }

    /** The JSON body as a tree, for error reports (null when absent or not parsed). */
    public JsonNode jsonTree() {
        var r = jsonDeferred;
        if (r != null) {
            jsonDeferred = null;
            try {
                jsonBody = r.mapper().readTree(request.bodyArray());   // read once already, so well-formed
            } catch (java.io.IOException e) {
                jsonBody = null;
            }
        }
        return jsonBody;
    }

    /** The app's stop signal (shutdown, or a dev-mode reload), for what outlives the reply; null outside a started server. */
    dev.brisk.internal.http.StopSignal stopSignal() {
        return dispatch.stopSignal();
    }

    /** The route's handler and dependencies read several bodies, so each is embedded under its name. */
    boolean embedsBodies() {
        return route != null && route.terminal() instanceof Endpoint e && e.embedBodies;
    }

    /** Runs blocking work of this request (reading a streamed body's source, opening a file) on the worker pool; never rejects. */
    java.util.concurrent.Executor blockingExecutor() {
        var workers = dispatch.workers();
        return workers::executeAlways;
    }

    dev.brisk.internal.multipart.FormConfig forms() {
        return dispatch.forms();
    }

    boolean onLoop() {
        return request.connection().loop().inEventLoop();
    }

    /** Method and path, without the query string (which may carry secrets such as API keys). */
    @Override
    public String toString() {
        return request.method() + " " + request.rawPath();
    }
}
