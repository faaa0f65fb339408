package dev.brisk.internal.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.App;
import dev.brisk.RouteHandler;
import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Dispatch;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.dispatch.Overrides;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.dispatch.RouteCompiler;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.ConnectionHooks;
import dev.brisk.internal.http.StopSignal;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteDoc;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.netty.TransportWarmup;
import dev.brisk.internal.scan.AppLoader;
import dev.brisk.internal.scan.Lifecycle;
import dev.brisk.internal.scan.ModelBuilder;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.spi.DocsConfig;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;
import io.netty.channel.local.LocalAddress;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A built app: its configuration, route model, compiled routes, extensions and per-app state. It
 * starts servers ({@link RunningServer}), which own the threads, and runs the lifecycle hooks around them.
 */
public final class AppRuntime {
    private final AppConfig config;
    private final RouteModel model;
    private final JsonStart json;
    private final Overrides overrides = new Overrides();
    private final RouteCompiler compiled;
    private final List<Lifecycle.Method> startupMethods;
    private final List<Lifecycle.Method> shutdownMethods;
    private final List<App.Hook> extensionStartup = new ArrayList<>();
    private final List<App.Hook> extensionShutdown = new ArrayList<>();
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> state = new ConcurrentHashMap<>();
    private final Map<SocketAddress, ConnectionHooks> connectionHooks = new ConcurrentHashMap<>();
    private final ExtensionSupport extensions;
    private final StopSignal stopSignal = new StopSignal();
    /** From a server's start to the compiled routes' warm-up (RouteCompiler.warmUp): after the start and its first requests. */
    private static final java.time.Duration WARM_UP_DELAY = java.time.Duration.ofMillis(500);

    /** Lets internal code reach the runtime of an {@link App} without a public accessor. */
    public static final class Access {
        private static volatile Function<App, AppRuntime> accessor;

        private Access() {
        }

        public static void install(Function<App, AppRuntime> f) {
            accessor = f;
        }

        public static AppRuntime of(App app) {
            return accessor.apply(app);
        }
    }

    public static AppRuntime of(App app) {
        return Access.of(app);
    }

    private AppRuntime(AppConfig config, JsonStart json) {
        this.config = config;
        // Started by App.Builder.build() already, unless the runtime is made another way: NettyDefaults first, then the
        // transport on a core of its own while this thread reads the routes (which needs no Netty class: those are
        // initialised on one thread at a time, see TransportWarmup).
        TransportWarmup.startInBackground();
        // Jackson: the streaming factory now (it needs the body limit); databind's mapper only when something needs it.
        this.json = json;
        json.maxBodySize(config.server().maxBodySize());
        ModelBuilder.Result result = new ModelBuilder(config.sources()).build();
        TransportWarmup.awaitCore();   // Netty's core classes from here on; the rest after awaitDone() below
        this.model = result.model();
        this.startupMethods = result.startup();
        this.shutdownMethods = result.shutdown();
        this.extensions = new ExtensionSupport(config.features());
        var system = new ArrayList<RouteDef>();
        var hooks = new ArrayList<Function<RouteDef, Optional<RouteHook>>>();
        var middleware = new ArrayList<>(config.dispatch().middleware());
        var ctx = new ExtensionContext() {
            @Override public ApiInfo api() { return config.api(); }
            @Override public DocsConfig docs() { return config.docs(); }
            @Override public RouteModel model() { return model; }
            @Override public ObjectMapper mapper() { return json.mapper(); }
            @Override public JsonSupport json() { return json; }

            @Override
            public void systemRoute(String method, String path, RouteHandler handler) {
                system.add(RouteDef.system(method, path, handler));
            }

            @Override public void routeHook(Function<RouteDef, Optional<RouteHook>> factory) { hooks.add(factory); }
            @Override public void requestListener(RequestListener listener) { listeners.add(listener); }
            @Override public void middleware(Filter filter) { middleware.add(filter); }

            @Override
            public void lifecycle(App.Hook onStartup, App.Hook onShutdown) {
                if (onStartup != null) extensionStartup.add(onStartup);
                if (onShutdown != null) extensionShutdown.add(onShutdown);
            }

            @Override public <T> T state(Class<T> key, Supplier<T> init) { return AppRuntime.this.state(key, init); }
            @Override public <T> List<T> features(Class<T> type) { return extensions.features(type); }
            @Override public void servers(java.util.function.Consumer<dev.brisk.internal.spi.ServerHandle> started,
                                          java.util.function.Consumer<dev.brisk.internal.spi.ServerHandle> stopped) { extensions.watch(started, stopped); }
            @Override public StopSignal stopSignal() { return stopSignal; }
        };
        for (Extension e : ServiceLoader.load(Extension.class, AppLoader.forServices(AppRuntime.class))) {
            e.configure(ctx);
        }
        extensions.checkClaimed();
        try {
            this.compiled = new RouteCompiler(new RouteCompiler.Inputs(model, system, json, overrides,
                    config.dispatch().exceptionHandlers(), List.copyOf(middleware), List.copyOf(hooks), config.dispatch().webSockets()));
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
        // A route that reads or writes what only databind can: its mapper now, on its own threads, while the
        // transport finishes; otherwise the warm-up makes it once the app serves (RouteCompiler.warmUp).
        json.writerTypes(compiled.jacksonResultTypes());
        if (compiled.needsMapper()) json.start();
        stopSignal.subscribe(reason -> compiled.cancelWarmUp());
        TransportWarmup.awaitDone();   // from here on this thread (the server's start) uses any Netty class
    }

    /** The runtime of {@code config}, with the mapper {@code json} makes (started when the build began). */
    public static AppRuntime create(AppConfig config, JsonStart json) {
        return new AppRuntime(config, json);
    }

    public AppConfig config() {
        return config;
    }

    public ApiInfo api() {
        return config.api();
    }

    public DocsConfig docs() {
        return config.docs();
    }

    public RouteModel model() {
        return model;
    }

    /** Databind's mapper, made now if nothing has made it yet. */
    public ObjectMapper mapper() {
        return json.mapper();
    }

    /** Jackson for this app: the factory, and the mapper when made (see {@link JsonStart}). */
    public JsonSupport json() {
        return json;
    }

    public Overrides overrides() {
        return overrides;
    }

    public RouteCompiler compiled() {
        return compiled;
    }

    /** The app's value for {@code key}, made by {@code init} on first use. */
    @SuppressWarnings("unchecked")
    public <T> T state(Class<T> key, Supplier<T> init) {
        Object v = state.get(key);
        if (v == null) v = state.computeIfAbsent(key, k -> init.get());
        return (T) v;
    }

    /** Fired when this app stops serving (shutdown, or a dev-mode reload replacing it). */
    public StopSignal stopSignal() {
        return stopSignal;
    }

    /** Observers of connections by their remote address (the TestClient registers its connections). */
    public Map<SocketAddress, ConnectionHooks> connectionHooks() {
        return connectionHooks;
    }

    /** The installed features and server watchers of the extensions. */
    ExtensionSupport extensions() {
        return extensions;
    }

    /**
     * A new dispatcher over the compiled routes for one server (or dev-mode generation), with its own worker
     * pool; it is about to serve, so the compiled routes' warm-up begins (see {@link RouteCompiler#warmUp}).
     */
    Dispatch newDispatcher(WorkerPool workers) {
        compiled.warmUp(WARM_UP_DELAY);
        var d = compiled.dispatcher(workers);
        d.forms(config.dispatch().forms());
        d.stopSignal(stopSignal);
        for (var l : listeners) d.addListener(l);
        return d;
    }

    // ------------------------------------------------------------------------------------ lifecycle

    void runStartupHooks() {
        for (var l : startupMethods) {
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
        for (var h : config.startup()) {
            i++;
            try {
                h.run();
            } catch (Exception e) {
                throw new StartupException("startup hook #" + i + " (App.Builder.onStartup) failed: " + e, e);
            }
        }
        for (var h : extensionStartup) {
            try {
                h.run();
            } catch (Exception e) {
                throw new StartupException("an extension's startup failed: " + e, e);
            }
        }
    }

    void runShutdownHooks() {
        for (var h : extensionShutdown) run(h, "An extension's shutdown hook failed");
        for (var h : config.shutdown()) run(h, "Shutdown hook failed");
        for (Lifecycle.Method l : shutdownMethods) {
            try {
                l.method().invoke(l.target());
            } catch (ReflectiveOperationException e) {
                Logs.LOG.error("Shutdown hook {} failed", l.method(), e.getCause() == null ? e : e.getCause());
            }
        }
    }

    private static void run(App.Hook h, String failure) {
        try {
            h.run();
        } catch (Exception e) {
            Logs.LOG.error(failure, e);
        }
    }

    // ------------------------------------------------------------------------------------ servers

    /** Runs the startup hooks and starts a server on a TCP address. */
    public RunningServer start(String host, int port) {
        return RunningServer.tcp(this, host, port);
    }

    /** Runs the startup hooks and starts a server on Netty's in-VM transport (the TestClient's). */
    public RunningServer startLocal(LocalAddress address) {
        return RunningServer.local(this, address);
    }

    /** Starts on a TCP address and blocks until stopped; SIGTERM and Ctrl-C stop it gracefully. */
    public void run(String host, int port) {
        var training = Training.paths();
        if (training.isPresent()) {   // -Dbrisk.training: exercise the server, stop, return (the JVM writes its cache on exit)
            var s = start(host, port);
            compiled.warmUp(java.time.Duration.ZERO);   // its classes belong in the cache too
            Training.run(s, training.get(), CompletableFuture.allOf(compiled.handlesLinked(), compiled.validationWarmedUp()));
            return;
        }
        // The hook is armed before the server starts: a signal that comes right after the listening line
        // (or during start) still drains the server instead of ending the JVM under its connections.
        var server = new java.util.concurrent.atomic.AtomicReference<RunningServer>();
        var started = new java.util.concurrent.CountDownLatch(1);
        var hook = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var s = server.get();
            if (s != null) s.close();
        }, "brisk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.set(start(host, port));
        } catch (RuntimeException | Error e) {
            started.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting already
            }
            throw e;
        }
        started.countDown();
        try {
            server.get().awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.get().close();
        }
    }

    /** A system route's definition: served, not documented. */
    static RouteDoc systemDoc() {
        return new RouteDoc("", "", List.of(), false, "", true);
    }
}
