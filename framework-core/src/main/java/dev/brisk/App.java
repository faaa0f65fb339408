package dev.brisk;

import dev.brisk.internal.app.AppConfig;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.DevHook;
import dev.brisk.internal.dispatch.DispatchConfig;
import dev.brisk.internal.netty.ServerConfig;
import dev.brisk.internal.scan.RouteSources;
import dev.brisk.internal.settings.FrameworkSettings;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.spi.DocsConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final String defaultHost;
    private final int defaultPort;

    static {
        AppRuntime.Access.install(app -> app.runtime);
    }

    private App(AppRuntime runtime, String defaultHost, int defaultPort) {
        this.runtime = runtime;
        this.defaultHost = defaultHost;
        this.defaultPort = defaultPort;
    }

    /** Starts building an app. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server where the settings say, {@code BRISK_HOST} and {@code BRISK_PORT} (default
     * {@code 0.0.0.0:8000}), and blocks until it is stopped (SIGTERM, Ctrl-C). See {@link SettingsSource}.
     */
    public void run() {
        runtime.run(defaultHost, defaultPort);
    }

    /** Starts the server on all interfaces and blocks until it is stopped (SIGTERM, Ctrl-C). */
    public void run(int port) {
        if (DevHook.claim(runtime, "0.0.0.0", port, true).isEmpty()) runtime.run("0.0.0.0", port);
    }

    /**
     * Starts the server on one interface ({@code "127.0.0.1"} for this machine only, {@code "0.0.0.0"}
     * for all) and blocks until it is stopped (SIGTERM, Ctrl-C).
     *
     * @throws StartupException when the address is taken or a startup hook fails
     */
    public void run(String host, int port) {
        if (DevHook.claim(runtime, host, port, true).isEmpty()) runtime.run(host, port);
    }

    /** Starts the server where the settings say ({@code BRISK_HOST}, {@code BRISK_PORT}; default {@code 0.0.0.0:8000}) and returns at once. */
    public Server start() {
        return runtime.start(defaultHost, defaultPort);
    }

    /** Starts the server on all interfaces and returns at once. Port 0 picks a free port. */
    public Server start(int port) {
        return DevHook.claim(runtime, "0.0.0.0", port, false).orElseGet(() -> runtime.start("0.0.0.0", port));
    }

    /** Starts the server on the given interface and returns at once. */
    public Server start(String host, int port) {
        return DevHook.claim(runtime, host, port, false).orElseGet(() -> runtime.start(host, port));
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
        private boolean corsInCode;
        private List<String> corsOrigins = List.of();
        private boolean accessLogInCode;
        private final Map<Class<?>, Object> provided = new LinkedHashMap<>();
        private final List<Class<?>> dependencies = new ArrayList<>();
        private final List<dev.brisk.security.SecurityScheme> security = new ArrayList<>();
        private final Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers = new LinkedHashMap<>();
        private final List<Hook> startup = new ArrayList<>();
        private final List<Hook> shutdown = new ArrayList<>();
        private final List<String> servers = new ArrayList<>();
        private final List<Object> features = new ArrayList<>();
        private final List<Class<?>> settingsTypes = new ArrayList<>();
        /** Knobs set in code: the environment's BRISK_* values do not replace them. */
        private final Set<String> explicit = new HashSet<>();
        private SettingsSource settingsSource;
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
        private FormLimits formLimits = FormLimits.defaults();
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

        /**
         * Serves the files under {@code dir} at {@code prefix} (e.g. {@code "/static"}); see
         * {@link StaticFiles} for what is answered and what is refused.
         */
        public Builder staticFiles(String prefix, java.nio.file.Path dir) {
            return staticFiles(prefix, StaticFiles.directory(dir));
        }

        /**
         * Serves files at {@code prefix} (e.g. {@code "/static"}, or {@code "/"}) from a directory or
         * the class path; see {@link StaticFiles}. These routes are not in the OpenAPI document.
         *
         * @throws StartupException when the directory does not exist or the prefix is not a plain path
         */
        public Builder staticFiles(String prefix, StaticFiles files) {
            Objects.requireNonNull(files, "files");
            String p = Objects.requireNonNull(prefix, "prefix");
            if (!p.startsWith("/") || p.length() > 1 && p.endsWith("/") || p.contains("{") || p.contains("}") || p.contains("//")) {
                throw new StartupException("staticFiles(\"" + prefix + "\", ...): the prefix must be a path such as \"/static\" (no trailing slash, no parameters)");
            }
            dev.brisk.internal.files.StaticRoot root;
            if (files.directory != null) {
                try {
                    root = dev.brisk.internal.files.StaticRoot.directory(files.directory);
                } catch (java.io.IOException | SecurityException e) {
                    throw new StartupException("staticFiles(\"" + prefix + "\", ...): " + files.directory + " is not a readable directory ("
                            + e.getMessage() + ")", e);
                }
            } else {
                root = dev.brisk.internal.files.StaticRoot.classpath(files.classpathRoot, files.loader);
            }
            includes.add(new RouteSources.Include(dev.brisk.internal.files.StaticRoutes.of(root, p, files.index, files.spaFallback,
                    files.cacheControl, files.immutableFingerprinted), p.equals("/") ? "" : p));
            return this;
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
         * Registers security schemes ({@code dev.brisk.security}): each scheme's credentials
         * ({@code BearerToken}, {@code BasicCredentials}, {@code ApiKey}; {@code Credentials} for an
         * {@code AnyOf}) become a dependency, and the OpenAPI document lists the schemes the routes use.
         */
        public Builder security(dev.brisk.security.SecurityScheme... schemes) {
            for (var s : schemes) security.add(Objects.requireNonNull(s, "scheme"));
            return this;
        }

        /**
         * Runs middleware around every request, outermost first: the first one given (in this call or
         * an earlier one) sees each request first and its response last. See {@link Middleware}.
         */
        public Builder middleware(Middleware... list) {
            for (Middleware m : list) {
                Objects.requireNonNull(m, "middleware");
                var filter = Builtins.filterOf(m);   // a built-in's settings are checked here, where it is registered
                middleware.add(filter != null ? filter : m);
                if (m instanceof Cors cors) {
                    corsInCode = true;
                    corsOrigins = cors.origins();
                }
                if (m instanceof AccessLog) accessLogInCode = true;
            }
            return this;
        }

        /**
         * Turns on features of Brisk's optional modules, e.g. {@code install(Metrics.prometheus(), Health.endpoints())}
         * with {@code brisk-observability}. Nothing is installed by default.
         */
        public Builder install(Feature... list) {
            for (Feature f : list) features.add(Objects.requireNonNull(f, "feature"));
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
            explicit.add("docs");
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
            explicit.add("workers");
            return this;
        }

        /** Number of event loops; defaults to the number of cores. */
        public Builder eventLoops(int n) {
            if (n < 1) throw new IllegalArgumentException("eventLoops must be >= 1");
            this.eventLoops = n;
            explicit.add("eventLoops");
            return this;
        }

        /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("maxBodySize must be >= 0");
            this.maxBodySize = bytes;
            explicit.add("maxBodySize");
            return this;
        }

        /** Time allowed for a request's line and headers to arrive (default 30 s). */
        public Builder headerTimeout(Duration t) {
            this.headerTimeout = positive(t);
            explicit.add("headerTimeout");
            return this;
        }

        /** Time a request body may stall without new bytes (default 30 s). */
        public Builder bodyTimeout(Duration t) {
            this.bodyTimeout = positive(t);
            explicit.add("bodyTimeout");
            return this;
        }

        /** Time an idle keep-alive connection stays open (default 60 s). */
        public Builder idleTimeout(Duration t) {
            this.idleTimeout = positive(t);
            explicit.add("idleTimeout");
            return this;
        }

        /** Time {@link Server#close()} waits for in-flight requests (default 10 s). */
        public Builder shutdownGrace(Duration t) {
            this.shutdownGrace = Objects.requireNonNull(t);
            explicit.add("shutdownGrace");
            return this;
        }

        /**
         * How long an event-loop task may run before a warning is logged (default 100 ms);
         * {@link Duration#ZERO} turns the blocking detector off.
         */
        public Builder blockingThreshold(Duration t) {
            this.blockingThreshold = Objects.requireNonNull(t);
            explicit.add("blockingThreshold");
            return this;
        }

        /**
         * Binds settings records from the {@link #settingsSource settings source} when the app is
         * built, and provides each as a singleton: a route class's constructor, a handler or a
         * {@code @Provides} method can take it. Every missing or bad value of all of them (and of
         * Brisk's own {@code BRISK_*} settings) is reported at once, in one {@link StartupException}.
         */
        public Builder settings(Class<?>... types) {
            for (Class<?> t : types) {
                if (!Objects.requireNonNull(t, "type").isRecord()) throw new IllegalArgumentException("settings type " + t.getName() + " must be a record");
                settingsTypes.add(t);
            }
            return this;
        }

        /**
         * Where settings come from: for {@link #settings(Class...)} and for Brisk's own settings
         * ({@code BRISK_PORT}, {@code BRISK_MAX_BODY_SIZE}, ...), which fill in what this builder was not
         * told in code. Default {@link SettingsSource#standard()}.
         */
        public Builder settingsSource(SettingsSource source) {
            this.settingsSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Limits on form bodies: multipart uploads and urlencoded forms; see {@link FormLimits}. */
        public Builder formLimits(FormLimits limits) {
            this.formLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The WebSocket limits, Origin check and compression (see {@link WebSocketSettings} for the defaults). */
        public Builder webSockets(WebSocketSettings settings) {
            this.webSockets = Objects.requireNonNull(settings, "settings").checked();
            return this;
        }

        /** Checks every route and dependency and returns the app; fails with a message naming the culprit. */
        public App build() {
            // The transport warms up on a thread of its own while the settings and the routes are read; this
            // thread touches no Netty class until it has finished (see TransportWarmup).
            dev.brisk.internal.netty.TransportWarmup.startInBackground();
            var json = dev.brisk.internal.app.JsonStart.prepare();   // Jackson: databind's mapper only when needed
            try {
                return build(json);
            } catch (RuntimeException | Error e) {
                json.abandon();
                throw e;
            }
        }

        private App build(dev.brisk.internal.app.JsonStart json) {
            var source = settingsSource != null ? settingsSource : SettingsSource.standard();
            var resolved = FrameworkSettings.resolve(source.sources(), List.copyOf(settingsTypes));
            var env = resolved.framework();
            var providedAll = new LinkedHashMap<>(provided);
            for (var e : resolved.settings().entrySet()) {
                if (providedAll.containsKey(e.getKey())) {
                    throw new StartupException(e.getKey().getName() + " is both provided and bound as settings: choose one");
                }
                providedAll.put(e.getKey(), e.getValue());
            }
            var config = new AppConfig(
                    new RouteSources(List.copyOf(packages), List.copyOf(includes), List.copyOf(lambdaRoutes),
                            providedAll, List.copyOf(dependencies), List.copyOf(security)),
                    new ApiInfo(title, version, description, List.copyOf(servers)),
                    new DocsConfig(pick("docs", docs, env.docs()), openapiPath, docsPath, redocPath),
                    new ServerConfig(pick("eventLoops", eventLoops, env.eventLoops()), pick("maxBodySize", maxBodySize, env.maxBodySize()),
                            pick("headerTimeout", headerTimeout, env.headerTimeout()), pick("bodyTimeout", bodyTimeout, env.bodyTimeout()),
                            pick("idleTimeout", idleTimeout, env.idleTimeout()), pick("shutdownGrace", shutdownGrace, env.shutdownGrace())),
                    new DispatchConfig(pick("workers", workers, env.workersConfig()), pick("blockingThreshold", blockingThreshold, env.blockingThreshold()),
                            new LinkedHashMap<>(exceptionHandlers), withSettingsMiddleware(env), forms(formLimits), webSocketSettings(env)),
                    List.copyOf(startup), List.copyOf(shutdown), List.copyOf(features));
            return new App(AppRuntime.create(config, json), env.host().orElse("0.0.0.0"), env.port().orElse(8000));
        }

        /**
         * {@code BRISK_ACCESS_LOG=true} and {@code BRISK_CORS_ORIGINS} add those middleware, outermost, unless the
         * code registered its own (code wins, as for every knob).
         */
        private List<Object> withSettingsMiddleware(dev.brisk.internal.settings.FrameworkSettings env) {
            var out = new ArrayList<>();
            boolean access = !accessLogInCode && env.accessLog().orElse(false);
            boolean cors = !corsInCode && !env.corsOrigins().isEmpty();
            if (access || cors) dev.brisk.internal.netty.TransportWarmup.awaitDone();   // the built-ins use Netty's classes
            if (access) out.add(Builtins.filterOf(AccessLog.create()));
            if (cors) {
                out.add(Builtins.filterOf(Cors.allowOrigins(env.corsOrigins().toArray(String[]::new))));
            }
            out.addAll(middleware);
            return List.copyOf(out);
        }

        /** The WebSocket Origin check shares the CORS origins unless it was given its own. */
        private WebSocketSettings webSocketSettings(dev.brisk.internal.settings.FrameworkSettings env) {
            if (!webSockets.allowedOrigins().isEmpty()) return webSockets;
            List<String> cors = corsInCode ? corsOrigins : env.corsOrigins();
            return cors.isEmpty() ? webSockets : webSockets.allowedOrigins(cors);
        }

        /** The value set in code, else the settings' value, else the default. */
        private <T> T pick(String knob, T code, Optional<T> fromSettings) {
            return explicit.contains(knob) ? code : fromSettings.orElse(code);
        }

        private static dev.brisk.internal.multipart.FormConfig forms(FormLimits f) {
            return new dev.brisk.internal.multipart.FormConfig(f.maxFiles, f.maxFields, f.maxFieldSize, f.maxFileSize, f.maxBodySize,
                    f.maxPartHeaders, f.maxPartHeaderSize, f.maxBoundaryLength, f.spoolThreshold,
                    f.tempDirectory != null ? f.tempDirectory : dev.brisk.internal.multipart.FormConfig.DEFAULTS.tempDirectory());
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("timeout must be > 0");
            return d;
        }
    }
}
