package dev.brisk.internal.dispatch;

import dev.brisk.internal.json.JsonSupport;
import dev.brisk.internal.json.PlainJson;
import dev.brisk.ExceptionHandler;
import dev.brisk.Middleware;
import dev.brisk.StartupException;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Validation;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.routing.PathTemplate;
import dev.brisk.internal.routing.RouteTable;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Compiles the route model into what the request path runs: one {@link Route} per route (its
 * middleware chain and {@link Endpoint}) in a {@link RouteTable}, behind a {@link Dispatch}.
 */
public final class RouteCompiler implements Binders.Runtime {
    /** What the compiler needs besides the model. */
    public record Inputs(RouteModel model, List<RouteDef> systemRoutes, JsonSupport json, Overrides overrides,
                         Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers,
                         List<Object> appMiddleware, List<Function<RouteDef, Optional<RouteHook>>> hooks,
                         dev.brisk.WebSocketSettings webSockets) {
        public Inputs(RouteModel model, List<RouteDef> systemRoutes, JsonSupport json, Overrides overrides,
                      Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers,
                      List<Object> appMiddleware, List<Function<RouteDef, Optional<RouteHook>>> hooks) {
            this(model, systemRoutes, json, overrides, exceptionHandlers, appMiddleware, hooks, dev.brisk.WebSocketSettings.defaults());
        }
    }

    private final RouteTable<Route> table = new RouteTable<>();
    private final ResultMapper results;
    private final ErrorMapper errors;
    private final BodyReader bodyReader;
    private final JsonSupport json;
    /** Whether some route reads or writes what only databind's mapper can (see {@link #needsMapper()}). */
    private boolean needsMapper;
    /** The declared result types only the mapper writes, event-loop routes' first ({@code loopResultTypes} of them). */
    private final List<java.lang.reflect.Type> jacksonResultTypes = new ArrayList<>();
    private int loopResultTypes;
    private final Overrides overrides;
    private final Map<ProviderDef, ProviderRuntime> providers = new IdentityHashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Function<RouteDef, Optional<RouteHook>>> hooks;
    private final Object[] appChain;
    private final WebSocketRoutes webSockets;
    private final List<Class<?>> validatedTypes;
    private final AtomicBoolean warmUpStarted = new AtomicBoolean();
    private final CountDownLatch warmUpNow = new CountDownLatch(1);
    private volatile boolean warmUpCancelled;
    private final CompletableFuture<Void> linked = new CompletableFuture<>();
    private final CompletableFuture<Void> validationWarmedUp = new CompletableFuture<>();

    public RouteCompiler(Inputs in) {
        this.json = in.json();
        this.overrides = in.overrides();
        this.bodyReader = new BodyReader(json);
        this.results = new ResultMapper(json);
        this.errors = new ErrorMapper(results, in.exceptionHandlers());
        this.hooks = in.hooks();
        this.appChain = steps(in.appMiddleware());
        for (ProviderDef p : in.model().providers()) providers.put(p, new ProviderRuntime(p));
        for (ProviderDef p : in.model().providers()) {
            try {
                providers.get(p).compile(this);
            } catch (StartupException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StartupException("provider " + p.describe() + ": " + e.getMessage(), e);
            }
        }
        for (RouteDef r : in.model().routes()) add(r);
        for (RouteDef r : in.systemRoutes()) add(r);
        if (!in.model().webSockets().isEmpty()) needsMapper = true;   // messages are read and written by the mapper
        this.webSockets = WebSocketRoutes.compile(in.model().webSockets(), this, results, errors, hooks, appChain, in.webSockets(), json, bodyReader);
        this.validatedTypes = validatedTypes();
    }

    /** Chain steps for middleware objects: Brisk's own filters as they are, user middleware adapted. */
    static Object[] steps(List<?> middleware) {
        var out = new Object[middleware.size()];
        for (int i = 0; i < out.length; i++) {
            Object m = middleware.get(i);
            Filter builtin;
            if (m instanceof Filter) out[i] = m;
            else if ((builtin = FilterAccess.filterOf(m)) != null) out[i] = builtin;   // Brisk's own (also from @UseMiddleware)
            else if (m instanceof BlockingMiddleware b) out[i] = new BlockingStep(b);
            else out[i] = new MiddlewareStep((Middleware) m);
        }
        return out;
    }

    /** The types Bean Validation checks for some route or provider (empty: the app never loads it). */
    private List<Class<?>> validatedTypes() {
        var types = new LinkedHashSet<Class<?>>();
        for (var e : endpoints) if (e.validation() != null) types.addAll(e.validation().types());
        for (var p : providers.values()) if (p.validation() != null) types.addAll(p.validation().types());
        return List.copyOf(types);
    }

    /**
     * The start-up work left for when a server is about to serve, on a background thread, once per app,
     * {@code delay} from now or when a later call asks for no delay, whichever comes first: the method handles
     * of the handlers, providers and body records ({@link Invoker#link()}, {@link BodyReader#link()}; event-loop
     * routes first), then Hibernate Validator and the metadata of the validated types (never in an app without
     * constraints). Done while the app is built, or at once when serving begins, this work competes with the
     * start and the first requests for the CPU (~0.03 s of a first 200 on two cores for the validator, ~0.03 s
     * of CPU for the handles); a request that comes before it makes what it needs itself.
     */
    public void warmUp(Duration delay) {
        if (delay.isZero()) warmUpNow.countDown();
        if (!warmUpStarted.compareAndSet(false, true)) return;
        var t = new Thread(() -> {
            try {
                if (!delay.isZero()) warmUpNow.await(delay.toNanos(), TimeUnit.NANOSECONDS);
                try {
                    if (!warmUpCancelled) link();
                } catch (RuntimeException e) {   // the calls make their own handles, and report what fails
                    LoggerFactory.getLogger("dev.brisk").debug("method handle warm-up failed", e);
                }
                linked.complete(null);
                if (!warmUpCancelled) makeMapper();
                if (!warmUpCancelled && !validatedTypes.isEmpty()) Validation.warmUp(validatedTypes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger("dev.brisk").debug("Bean Validation warm-up failed", e);
            } finally {
                linked.complete(null);
                validationWarmedUp.complete(null);
            }
        }, "brisk-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private void link() {
        for (var e : endpoints) if (e.async() && e.invoker() != null) e.invoker().link();   // event-loop routes first
        for (var e : endpoints) if (!e.async() && e.invoker() != null) e.invoker().link();
        for (var p : providers.values()) if (p.invoker() != null) p.invoker().link();
        bodyReader.link();
    }

    /** Whether every handler's and provider's handle and every body record's constructor is made (for tests). */
    public boolean linked() {
        for (var e : endpoints) if (e.invoker() != null && !e.invoker().linked()) return false;
        for (var p : providers.values()) if (p.invoker() != null && !p.invoker().linked()) return false;
        return bodyReader.linked();
    }

    /**
     * Drops the warm-up's steps that have not begun (the app stopped: a dev-mode generation that was replaced
     * must not stay reachable from a waiting thread).
     */
    public void cancelWarmUp() {
        warmUpCancelled = true;
        warmUpNow.countDown();
    }

    /** Completes (never exceptionally) when the warm-up has made the method handles, failed or was dropped. */
    public CompletableFuture<Void> handlesLinked() {
        return linked;
    }

    /** Completes (never exceptionally) when Bean Validation's warm-up has run or was dropped; at once for an app without constraints. */
    public CompletableFuture<Void> validationWarmedUp() {
        return validatedTypes.isEmpty() ? CompletableFuture.completedFuture(null) : validationWarmedUp;
    }

    private void add(RouteDef r) {
        var template = PathTemplate.parse(r.path());
        String[] pathNames = template.paramNames().toArray(String[]::new);
        Route route;
        try {
            var routeHooks = new ArrayList<RouteHook>();
            for (var f : hooks) f.apply(r).ifPresent(routeHooks::add);
            var e = new Endpoint(r, pathNames, this, results, errors, routeHooks);
            endpoints.add(e);
            if (Endpoint.hasTypedWriter(r.resultType()) && results.plainWriter(r.resultType()).isEmpty()) {
                needsMapper = true;
                if (r.async()) jacksonResultTypes.add(loopResultTypes++, r.resultType());
                else jacksonResultTypes.add(r.resultType());
            }
            var chain = new ArrayList<>(List.of(appChain));
            chain.addAll(List.of(steps(r.middleware())));
            route = new Route(r, e, chain.toArray(), r.async(), pathNames, r.describe());
        } catch (StartupException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new StartupException(r.describe() + ": " + ex.getMessage(), ex);
        }
        try {
            table.add(r.httpMethod(), template, route);
        } catch (IllegalStateException ex) {
            throw new StartupException("duplicate route " + r.describe());
        }
    }

    /** A dispatcher over these routes for one server, with that server's worker pool. */
    public Dispatch dispatcher(WorkerPool workers) {
        var d = new Dispatch(table, workers, results, errors, appChain);
        if (!webSockets.isEmpty()) d.webSockets = webSockets;
        return d;
    }

    /** The app's WebSocket routes and sessions. */
    public WebSocketRoutes webSockets() {
        return webSockets;
    }

    public ResultMapper results() {
        return results;
    }

    public ErrorMapper errors() {
        return errors;
    }

    @Override
    public ProviderRuntime provider(ProviderDef def) {
        var p = providers.get(def);
        if (p == null) throw new IllegalStateException("unknown provider " + def);
        return p;
    }

    @Override
    public Overrides overrides() {
        return overrides;
    }

    @Override
    public BodyReader bodyReader() {
        return bodyReader;
    }

    @Override
    public JsonSupport json() {
        return json;
    }

    @Override
    public void mapperNeeded() {
        needsMapper = true;
    }

    /**
     * Whether some route reads a body the streaming reader cannot, writes a result type {@link PlainJson} does
     * not, or has WebSocket messages: then the app makes databind's mapper at once (the first response would
     * otherwise wait for it); else in the background warm-up, for the first error body or odd value.
     */
    public boolean needsMapper() {
        return needsMapper;
    }

    /** The routes' declared result types that the mapper writes, event-loop routes' first (its serializer warm-up). */
    public List<java.lang.reflect.Type> jacksonResultTypes() {
        return List.copyOf(jacksonResultTypes);
    }

    /** Databind's mapper, made in the warm-up if nothing has made it yet; a failure is its first user's to report. */
    private void makeMapper() {
        try {
            json.mapper();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger("dev.brisk").debug("Jackson's mapper not made in the warm-up", e);
        }
    }
}
