package dev.brisk;

import dev.brisk.internal.app.AppConfig;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.dispatch.DispatchConfig;
import dev.brisk.internal.netty.ServerConfig;
import dev.brisk.internal.scan.RouteSources;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.spi.DocsConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Brisk application: its routes, dependencies and settings, checked when built.
 *
 * <pre>{@code
 * App app = App.builder().title("Shop").scan("com.example.shop").build();
 * app.run(8000);   // blocks; SIGTERM/Ctrl-C shuts down gracefully
 * }</pre>
 */
public final class App {
    private final AppRuntime runtime;

    static {
        AppRuntime.Access.install(app -> app.runtime);
    }

    private App(AppRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts building an app. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server on all interfaces and blocks until it is stopped (SIGTERM, Ctrl-C). */
    public void run(int port) {
        runtime.run("0.0.0.0", port);
    }

    /**
     * Starts the server on one interface ({@code "127.0.0.1"} for this machine only, {@code "0.0.0.0"}
     * for all) and blocks until it is stopped (SIGTERM, Ctrl-C).
     *
     * @throws StartupException when the address is taken or a startup hook fails
     */
    public void run(String host, int port) {
        runtime.run(host, port);
    }

    /** Starts the server on all interfaces and returns at once. Port 0 picks a free port. */
    public Server start(int port) {
        return runtime.start("0.0.0.0", port);
    }

    /** Starts the server on the given interface and returns at once. */
    public Server start(String host, int port) {
        return runtime.start(host, port);
    }

    /**
     * Replaces the provider of {@code type} (the unqualified one) with {@code supplier} for every
     * following request, e.g. in tests. Costs nothing while no override is set.
     */
    public <T> void overrideProvider(Class<T> type, Supplier<? extends T> supplier) {
        runtime.overrides().put(type, "", supplier);
    }

    /** Like {@link #overrideProvider(Class, Supplier)} for the provider with the given qualifier. */
    public <T> void overrideProvider(Class<T> type, String qualifier, Supplier<? extends T> supplier) {
        runtime.overrides().put(type, qualifier, supplier);
    }

    /** Removes every provider override. */
    public void clearOverrides() {
        runtime.overrides().clear();
    }

    /** The title given to the builder. */
    public String title() {
        return runtime.api().title();
    }

    /** The version given to the builder. */
    public String version() {
        return runtime.api().version();
    }

    @Override
    public String toString() {
        return "App[" + title() + " " + version() + ", " + runtime.model().routes().size() + " routes]";
    }

    /** A no-argument action run at startup or shutdown. */
    @FunctionalInterface
    public interface Hook {
        /** Runs the hook. */
        void run() throws Exception;
    }

    /** Collects routes, dependencies and settings; {@link #build()} checks them all. */
    public static final class Builder {
        private final List<String> packages = new ArrayList<>();
        private final List<RouteSources.Include> includes = new ArrayList<>();
        private final List<RouteSources.LambdaRoute> lambdaRoutes = new ArrayList<>();
        private final List<Object> middleware = new ArrayList<>();
        private final Map<Class<?>, Object> provided = new LinkedHashMap<>();
        private final List<Class<?>> dependencies = new ArrayList<>();
        private final Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers = new LinkedHashMap<>();
        private final List<Hook> startup = new ArrayList<>();
        private final List<Hook> shutdown = new ArrayList<>();
        private final List<String> servers = new ArrayList<>();
        private String title = "Brisk";
        private String version = "0.1.0";
        private String description = "";
        private boolean docs = true;
        private String openapiPath = "/openapi.json";
        private String docsPath = "/docs";
        private String redocPath = "/redoc";
        private Workers workers = Workers.auto();
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private long maxBodySize = 1 << 20;
        private Duration headerTimeout = Duration.ofSeconds(30);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private Duration blockingThreshold = Duration.ofMillis(100);
        private WebSocketSettings webSockets = WebSocketSettings.defaults();

        private Builder() {
        }

        /** Finds route classes ({@link Router} or route annotations) and {@link Provides} methods in these packages. */
        public Builder scan(String... packageNames) {
            packages.addAll(List.of(packageNames));
            return this;
        }

        /** Registers the routes and providers of an instance. */
        public Builder include(Object routes) {
            return include(routes, "");
        }

        /** Registers the routes of an instance under an extra prefix (stacked before the router's own). */
        public Builder include(Object routes, String prefix) {
            includes.add(new RouteSources.Include(Objects.requireNonNull(routes, "routes"), prefix));
            return this;
        }

        /** Registers a route class, constructed with provided values, under an extra prefix. */
        public Builder include(Class<?> routes, String prefix) {
            includes.add(new RouteSources.Include(Objects.requireNonNull(routes, "routes"), prefix));
            return this;
        }

        /** Registers a route class, constructed with provided values. */
        public Builder include(Class<?> routes) {
            return include(routes, "");
        }

        /** Registers a route from a lambda: {@code route("GET", "/health", req -> "ok")}; it runs on the worker pool. */
        public Builder route(String method, String path, RouteHandler handler) {
            lambdaRoutes.add(new RouteSources.LambdaRoute(method, path, handler));
            return this;
        }

        /** Makes {@code instance} available as constructor argument and as {@code @Depends T}. */
        public <T> Builder provide(Class<T> type, T instance) {
            provided.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(instance, "instance"));
            return this;
        }

        /** Runs the providers of these types for every route (e.g. an API-key check). */
        public Builder dependencies(Class<?>... types) {
            dependencies.addAll(List.of(types));
            return this;
        }

        /**
         * Runs middleware around every request, outermost first: the first one given (in this call or
         * an earlier one) sees each request first and its response last. See {@link Middleware}.
         */
        public Builder middleware(Middleware... list) {
            for (Middleware m : list) {
                Objects.requireNonNull(m, "middleware");
                middleware.add(m instanceof BuiltinMiddleware b ? b.filter() : m);
            }
            return this;
        }

        /** Answers exceptions of {@code type} (and subtypes, most specific handler first) with {@code handler}. */
        public <T extends Throwable> Builder exceptionHandler(Class<T> type, ExceptionHandler<? super T> handler) {
            exceptionHandlers.put(type, handler);
            return this;
        }

        /** Runs {@code hook} before the server accepts requests (after {@link OnStartup} methods). */
        public Builder onStartup(Hook hook) {
            startup.add(hook);
            return this;
        }

        /** Runs {@code hook} when the app stops (before {@link OnShutdown} methods). */
        public Builder onShutdown(Hook hook) {
            shutdown.add(hook);
            return this;
        }

        /** The API title (OpenAPI {@code info.title}). */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The API version (OpenAPI {@code info.version}). */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The API description (OpenAPI {@code info.description}, Markdown). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Server URLs listed in the OpenAPI document. */
        public Builder servers(String... urls) {
            servers.addAll(List.of(urls));
            return this;
        }

        /** Turns {@code /openapi.json}, {@code /docs} and {@code /redoc} on (default) or off. */
        public Builder docs(boolean enabled) {
            this.docs = enabled;
            return this;
        }

        /** Where the OpenAPI document is served; {@code null} turns it (and the UIs) off. */
        public Builder openapiPath(String path) {
            this.openapiPath = path;
            return this;
        }

        /** Where Swagger UI is served; {@code null} turns it off. */
        public Builder docsPath(String path) {
            this.docsPath = path;
            return this;
        }

        /** Where ReDoc is served; {@code null} turns it off. */
        public Builder redocPath(String path) {
            this.redocPath = path;
            return this;
        }

        /** How plain handlers run; see {@link Workers#auto()} for the default. */
        public Builder workers(Workers workers) {
            this.workers = Objects.requireNonNull(workers, "workers");
            return this;
        }

        /** Number of event loops; defaults to the number of cores. */
        public Builder eventLoops(int n) {
            if (n < 1) throw new IllegalArgumentException("eventLoops must be >= 1");
            this.eventLoops = n;
            return this;
        }

        /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("maxBodySize must be >= 0");
            this.maxBodySize = bytes;
            return this;
        }

        /** Time allowed for a request's line and headers to arrive (default 30 s). */
        public Builder headerTimeout(Duration t) {
            this.headerTimeout = positive(t);
            return this;
        }

        /** Time a request body may stall without new bytes (default 30 s). */
        public Builder bodyTimeout(Duration t) {
            this.bodyTimeout = positive(t);
            return this;
        }

        /** Time an idle keep-alive connection stays open (default 60 s). */
        public Builder idleTimeout(Duration t) {
            this.idleTimeout = positive(t);
            return this;
        }

        /** Time {@link Server#close()} waits for in-flight requests (default 10 s). */
        public Builder shutdownGrace(Duration t) {
            this.shutdownGrace = Objects.requireNonNull(t);
            return this;
        }

        /**
         * How long an event-loop task may run before a warning is logged (default 100 ms);
         * {@link Duration#ZERO} turns the blocking detector off.
         */
        public Builder blockingThreshold(Duration t) {
            this.blockingThreshold = Objects.requireNonNull(t);
            return this;
        }

        /** The WebSocket limits, Origin check and compression (see {@link WebSocketSettings} for the defaults). */
        public Builder webSockets(WebSocketSettings settings) {
            this.webSockets = Objects.requireNonNull(settings, "settings").checked();
            return this;
        }

        /** Checks every route and dependency and returns the app; fails with a message naming the culprit. */
        public App build() {
            var config = new AppConfig(
                    new RouteSources(List.copyOf(packages), List.copyOf(includes), List.copyOf(lambdaRoutes),
                            new LinkedHashMap<>(provided), List.copyOf(dependencies)),
                    new ApiInfo(title, version, description, List.copyOf(servers)),
                    new DocsConfig(docs, openapiPath, docsPath, redocPath),
                    new ServerConfig(eventLoops, maxBodySize, headerTimeout, bodyTimeout, idleTimeout, shutdownGrace),
                    new DispatchConfig(workers, blockingThreshold, new LinkedHashMap<>(exceptionHandlers), List.copyOf(middleware), webSockets),
                    List.copyOf(startup), List.copyOf(shutdown));
            return new App(AppRuntime.create(config));
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("timeout must be > 0");
            return d;
        }
    }
}
