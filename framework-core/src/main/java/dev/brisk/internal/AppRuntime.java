package dev.brisk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import dev.brisk.RouteHandler;
import dev.brisk.Server;
import dev.brisk.internal.dispatch.Overrides;
import dev.brisk.internal.dispatch.RouteCompiler;
import dev.brisk.internal.json.Json;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteDoc;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.netty.NettyDefaults;
import dev.brisk.internal.netty.NettyServer;
import dev.brisk.internal.netty.TransportWarmup;
import dev.brisk.internal.scan.ModelBuilder;
import dev.brisk.internal.scan.StartupException;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/** The built app: settings, route model, compiled routes; starts servers. */
public final class AppRuntime {
    private final Settings settings;
    private final RouteModel model;
    private final ObjectMapper mapper;
    private final Overrides overrides = new Overrides();
    private final RouteCompiler compiled;
    private final List<ModelBuilder.Lifecycle> startupMethods;
    private final List<ModelBuilder.Lifecycle> shutdownMethods;

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

    private AppRuntime(Settings settings) {
        this.settings = settings;
        NettyDefaults.apply();
        // Jackson's mapper takes ~0.2-0.3 s to set up cold; build it on a second core while the model is scanned.
        var mapperTask = new FutureTask<>(() -> Json.create(settings.maxBodySize()));
        var init = new Thread(mapperTask, "brisk-init-json");
        init.setDaemon(true);
        init.start();
        var result = new ModelBuilder(settings).build();
        if (!mapperTask.isDone()) TransportWarmup.run();   // the wait's better use
        this.mapper = await(mapperTask);
        this.model = result.model();
        this.startupMethods = result.startup();
        this.shutdownMethods = result.shutdown();
        var system = new ArrayList<RouteDef>();
        var ctx = new ExtensionContext() {
            @Override public Settings settings() { return settings; }
            @Override public RouteModel model() { return model; }
            @Override public ObjectMapper mapper() { return mapper; }

            @Override
            public void systemRoute(String method, String path, RouteHandler handler) {
                system.add(new RouteDef(method, path, null, handler, Object.class, Object.class, List.of(), List.of(), 200, false,
                        new RouteDoc("", "", List.of(), false, "", true)));
            }
        };
        for (Extension e : ServiceLoader.load(Extension.class, AppRuntime.class.getClassLoader())) {
            e.configure(ctx);
        }
        try {
            this.compiled = new RouteCompiler(settings, model, system, mapper, overrides);
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the app was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    public static AppRuntime create(Settings settings) {
        return new AppRuntime(settings);
    }

    public Settings settings() {
        return settings;
    }

    public RouteModel model() {
        return model;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Overrides overrides() {
        return overrides;
    }

    public RouteCompiler compiled() {
        return compiled;
    }

    public List<ModelBuilder.Lifecycle> startupMethods() {
        return startupMethods;
    }

    public List<ModelBuilder.Lifecycle> shutdownMethods() {
        return shutdownMethods;
    }

    public Server start(String host, int port) {
        return NettyServer.startTcp(this, host, port);
    }

    public void run(String host, int port) {
        var server = NettyServer.startTcp(this, host, port);
        var hook = new Thread(server::close, "brisk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
