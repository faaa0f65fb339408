package dev.brisk.internal.scan;

import dev.brisk.StartupException;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteModel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and checks the route model from the app's route sources: scanning ({@link ClassScanner}),
 * providers ({@link Providers}), parameter inference ({@link ParamInference}), route inference
 * ({@link RouteInference}) and lifecycle methods ({@link Lifecycle}). Every problem fails with a
 * {@link dev.brisk.StartupException} naming the class and method.
 */
public final class ModelBuilder {
    private final RouteSources sources;

    /** What the builder produces. */
    public record Result(RouteModel model, List<Lifecycle.Method> startup, List<Lifecycle.Method> shutdown) {
    }

    public ModelBuilder(RouteSources sources) {
        this.sources = sources;
    }

    public Result build() {
        var providers = new Providers();
        sources.provided().forEach((type, instance) ->
                providers.addProvider(new ProviderDef(type, "", null, null, instance, type, false)));
        var security = new SecurityRegistration(providers, sources.security());

        List<Class<?>> scanned = ClassScanner.scan(sources.packages());
        for (Class<?> c : scanned) providers.addProviders(c, null, true);

        // Route classes: scanned ones, then included classes/instances.
        record Source(Class<?> type, Object instance, String prefix) {
        }
        var list = new ArrayList<Source>();
        for (Class<?> c : scanned) {
            if (ClassScanner.isRouteClass(c) || ClassScanner.hasLifecycle(c)) list.add(new Source(c, null, ""));
        }
        for (var inc : sources.includes()) {
            Class<?> c = inc.target() instanceof Class<?> k ? k : inc.target().getClass();
            list.add(new Source(c, inc.target() instanceof Class<?> ? null : inc.target(), inc.prefix()));
            providers.addProviders(c, null, true);
        }
        var ready = new ArrayList<Source>();
        for (var s : list) {
            Object inst = s.instance();
            if (inst == null && ClassScanner.needsInstance(s.type())) inst = providers.instantiate(s.type());
            if (inst != null) providers.addProviders(s.type(), inst, false);
            ready.add(new Source(s.type(), inst, s.prefix()));
        }
        var routes = new RouteInference(sources, providers);
        var lifecycle = new Lifecycle();
        for (var s : ready) {
            routes.addRoutes(s.type(), s.instance(), s.prefix());
            lifecycle.collect(s.type(), s.instance());
        }
        for (var lr : sources.lambdaRoutes()) routes.addLambdaRoute(lr);
        providers.resolveAll();
        var model = new RouteModel(List.copyOf(routes.routes()), List.copyOf(providers.all()), List.copyOf(routes.webSockets()));
        RouteDeclarations.checkDefaults(model);
        security.check(model);
        return new Result(model, lifecycle.startup(), lifecycle.shutdown());
    }

    /** {@code com.example.Items.read()}, for messages. */
    static String name(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "()";
    }

    /** {@code xToken} and {@code x_token} both become {@code x-token}. */
    public static String headerName(String javaName) {
        return ParamInference.headerName(javaName);
    }
}
