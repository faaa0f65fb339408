package dev.brisk.internal.scan;

import dev.brisk.Blocking;
import dev.brisk.Body;
import dev.brisk.Brisk;
import dev.brisk.Cookie;
import dev.brisk.Delete;
import dev.brisk.Depends;
import dev.brisk.Form;
import dev.brisk.Get;
import dev.brisk.Head;
import dev.brisk.Header;
import dev.brisk.OnShutdown;
import dev.brisk.OnStartup;
import dev.brisk.Options;
import dev.brisk.Patch;
import dev.brisk.Path;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Put;
import dev.brisk.Query;
import dev.brisk.Request;
import dev.brisk.BackgroundTasks;
import dev.brisk.Middleware;
import dev.brisk.StartupException;
import dev.brisk.UseMiddleware;
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.binding.Scalar;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamDef.Container;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteDoc;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.routing.PathTemplate;
import io.github.classgraph.ClassGraph;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Stream;


/** Turns route classes and lambdas into {@link RouteDef}s: paths, methods, statuses, docs, middleware; duplicates refused. */
final class RouteInference {
    private final RouteSources sources;
    private final Providers providers;
    private final List<RouteDef> routes = new ArrayList<>();
    private final Map<String, RouteDef> seen = new HashMap<>();
    private final Map<Class<?>, Object> middleware = new LinkedHashMap<>();

    RouteInference(RouteSources sources, Providers providers) {
        this.sources = sources;
        this.providers = providers;
    }

    List<RouteDef> routes() {
        return routes;
    }

    /** The WebSocket routes (kept apart from the HTTP routes: they are not OpenAPI operations). */
    List<RouteDef> webSockets() {
        return webSockets;
    }

    private final List<RouteDef> webSockets = new ArrayList<>();
    private final Map<String, RouteDef> seenWebSockets = new HashMap<>();

    /** A route's path under its prefix, its template, and its parameters, every path parameter matched by one. */
    private record BoundPath(String path, PathTemplate template, List<ParamDef> params) {
    }

    /** What an HTTP and a WebSocket route share: the instance, the path, and the parameters that bind it. */
    private BoundPath bindPath(Class<?> c, Method m, Object instance, String prefix, String own, String what) {
        if (!Modifier.isStatic(m.getModifiers()) && instance == null) {
            throw new StartupException(ModelBuilder.name(m) + ": no instance of " + c.getName());
        }
        String path = own.isEmpty() ? (prefix.equals("/") ? "/" : prefix) : joinPath(prefix, own);
        if (path.length() > 1 && own.isEmpty() && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        PathTemplate template;
        try {
            template = PathTemplate.parse(path);
        } catch (IllegalArgumentException e) {
            throw new StartupException(ModelBuilder.name(m) + ": " + e.getMessage());
        }
        m.setAccessible(true);
        var pathNames = new LinkedHashSet<>(template.paramNames());
        if (pathNames.size() != template.paramNames().size()) {
            throw new StartupException(ModelBuilder.name(m) + ": path \"" + path + "\" repeats a parameter name");
        }
        List<ParamDef> params = providers.params().inferParams(m, pathNames, what + ModelBuilder.name(m), true);
        for (String pn : pathNames) {
            if (params.stream().noneMatch(p -> p.kind() == ParamKind.PATH && p.wireName().equals(pn))) {
                throw new StartupException(ModelBuilder.name(m) + ": path parameter {" + pn + "} in \"" + path
                        + "\" has no method parameter of that name (parameters: " + params.stream().map(ParamDef::javaName).toList() + ")");
            }
        }
        return new BoundPath(path, template, params);
    }

    /** A {@code @WebSocket} method: bound like an HTTP GET route, with its own table of paths. */
    private void addWebSocket(Class<?> c, Method m, dev.brisk.WebSocket ws, Object instance, String prefix, List<String> tags, List<Class<?>> deps) {
        var bound = bindPath(c, m, instance, prefix, ws.value(), "WebSocket route ");
        String path = bound.path();
        PathTemplate template = bound.template();
        List<ParamDef> params = bound.params();
        for (var p : params) {
            if (p.kind() == ParamKind.BODY || p.kind() == ParamKind.FORM || p.kind() == ParamKind.RESPONSE) {
                throw new StartupException(ModelBuilder.name(m) + " parameter '" + p.javaName() + "': a WebSocket handshake has no "
                        + (p.kind() == ParamKind.RESPONSE ? "Response to set" : "body") + "; read messages from the WebSocketSession"
                        + (p.kind() == ParamKind.BODY ? " (a record parameter is a body: use @Query, @Header or @Depends for handshake values)" : ""));
            }
        }
        var routeDeps = new ArrayList<ProviderDef>();
        for (Class<?> d : deps) {
            var p = providers.findProvider(d, "", "dependencies of " + c.getName());
            providers.resolveProvider(p);
            routeDeps.add(p);
        }
        Type resultType = WebSocketInference.resultType(m, params);
        boolean async = WebSocketInference.async(m);
        var doc = new RouteDoc(ws.summary(), ws.description(), List.copyOf(tags), m.isAnnotationPresent(Deprecated.class), "", false);
        var mw = new ArrayList<Object>(routerMiddleware(c));
        var own = m.getAnnotation(UseMiddleware.class);
        if (own != null) for (var type : own.value()) mw.add(middleware(type, ModelBuilder.name(m)));
        var r = new RouteDef("GET", path, m, Modifier.isStatic(m.getModifiers()) ? null : instance, m.getGenericReturnType(), resultType,
                params, List.copyOf(routeDeps), 101, async, doc, List.copyOf(mw));
        var prev = seenWebSockets.putIfAbsent(template.shape(), r);
        if (prev != null) {
            throw new StartupException("duplicate WebSocket route " + path + ": " + prev.describe() + " and " + r.describe());
        }
        webSockets.add(r);
    }

    private record RouteAttrs(String method, String path, int status, String summary, String description, String[] tags,
                              boolean deprecated, String operationId, boolean hidden) {
        static RouteAttrs of(Annotation a) {
            if (a instanceof Get g) return new RouteAttrs("GET", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Post g) return new RouteAttrs("POST", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Put g) return new RouteAttrs("PUT", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Patch g) return new RouteAttrs("PATCH", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Delete g) return new RouteAttrs("DELETE", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Head g) return new RouteAttrs("HEAD", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            var g = (Options) a;
            return new RouteAttrs("OPTIONS", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
        }
    }

    static String joinPath(String... parts) {
        var sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            String q = p.startsWith("/") ? p : "/" + p;
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '/') sb.setLength(sb.length() - 1);
            sb.append(q);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    void addRoutes(Class<?> c, Object instance, String includePrefix) {
        Router router = c.getAnnotation(Router.class);
        String prefix = joinPath(includePrefix, router == null ? "" : router.prefix());
        var tags = new ArrayList<String>(router == null ? List.of() : List.of(router.tags()));
        var deps = new ArrayList<Class<?>>(sources.dependencies());
        if (router != null) deps.addAll(List.of(router.dependencies()));
        Method[] methods = c.getDeclaredMethods();
        Arrays.sort(methods, (a, b) -> {
            int byName = a.getName().compareTo(b.getName());
            return byName != 0 ? byName : a.toGenericString().compareTo(b.toGenericString());
        });
        for (Method m : methods) {
            Annotation a = ClassScanner.routeAnnotation(m);
            var ws = m.getAnnotation(dev.brisk.WebSocket.class);
            if (ws != null) {
                if (a != null) throw new StartupException(ModelBuilder.name(m) + " has both @WebSocket and an HTTP route annotation");
                addWebSocket(c, m, ws, instance, prefix, tags, deps);
                continue;
            }
            if (a == null) continue;
            var attrs = RouteAttrs.of(a);
            var bound = bindPath(c, m, instance, prefix, attrs.path(), "route ");
            String path = bound.path();
            PathTemplate template = bound.template();
            List<ParamDef> params = bound.params();
            WebSocketInference.noSession(params, "route " + ModelBuilder.name(m));
            var routeDeps = new ArrayList<ProviderDef>();
            for (Class<?> d : deps) {
                var p = providers.findProvider(d, "", "dependencies of " + c.getName());
                providers.resolveProvider(p);
                routeDeps.add(p);
            }
            Class<?> rt = m.getReturnType();
            checkReturnType(m);
            boolean async = CompletionStage.class.isAssignableFrom(rt) && !m.isAnnotationPresent(Blocking.class);
            Type resultType = CompletionStage.class.isAssignableFrom(rt) ? Types.arg(m.getGenericReturnType(), 0) : m.getGenericReturnType();
            if (resultType == void.class) resultType = Void.class;
            int status = attrs.status() != 0 ? attrs.status() : (resultType == Void.class ? 204 : 200);
            if (status < 100 || status > 599) throw new StartupException(ModelBuilder.name(m) + ": status " + status + " is not an HTTP status");
            var routeTags = new ArrayList<>(tags);
            for (String t : attrs.tags()) if (!routeTags.contains(t)) routeTags.add(t);
            var doc = new RouteDoc(attrs.summary(), attrs.description(), List.copyOf(routeTags), attrs.deprecated() || m.isAnnotationPresent(Deprecated.class),
                    attrs.operationId(), attrs.hidden(), RouteDeclarations.responses(m, c, status));
            var mw = new ArrayList<Object>(routerMiddleware(c));
            var own = m.getAnnotation(UseMiddleware.class);
            if (own != null) for (var type : own.value()) mw.add(middleware(type, ModelBuilder.name(m)));
            addRoute(new RouteDef(attrs.method(), path, m, Modifier.isStatic(m.getModifiers()) ? null : instance,
                    m.getGenericReturnType(), resultType, params, List.copyOf(routeDeps), status, async, doc, List.copyOf(mw)), template);
        }
    }

    void addLambdaRoute(RouteSources.LambdaRoute lr) {
        String method = lr.method().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
            throw new StartupException("route(" + lr.method() + ", " + lr.path() + "): unsupported method");
        }
        PathTemplate template;
        try {
            template = PathTemplate.parse(lr.path());
        } catch (IllegalArgumentException e) {
            throw new StartupException("route(" + method + ", " + lr.path() + "): " + e.getMessage());
        }
        var deps = new ArrayList<ProviderDef>();
        for (Class<?> d : sources.dependencies()) {
            var p = providers.findProvider(d, "", "app dependencies");
            providers.resolveProvider(p);
            deps.add(p);
        }
        var doc = new RouteDoc("", "", List.of(), false, "", false);
        addRoute(new RouteDef(method, lr.path(), null, lr.handler(), Object.class, Object.class, List.of(), List.copyOf(deps),
                200, false, doc, List.of()), template);
    }

    private List<Object> routerMiddleware(Class<?> c) {
        var ann = c.getAnnotation(UseMiddleware.class);
        if (ann == null) return List.of();
        var out = new ArrayList<Object>();
        for (var type : ann.value()) out.add(middleware(type, c.getName()));
        return out;
    }

    /** One instance per middleware class: a provided one, or made once with provided constructor arguments. */
    private Object middleware(Class<? extends Middleware> type, String user) {
        var existing = middleware.get(type);
        if (existing != null) return existing;
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new StartupException(user + ": @UseMiddleware(" + type.getSimpleName() + ".class) names an interface or abstract class;"
                    + " give a concrete class, or provide an instance with App.builder().provide(" + type.getSimpleName() + ".class, ...)");
        }
        Object inst = providers.provides(type) ? providers.singletonOf(type) : null;
        if (inst == null && type.getPackageName().equals("dev.brisk")) {   // Brisk's built-in middleware: configured instances only
            throw new StartupException(user + ": @UseMiddleware(" + type.getSimpleName() + ".class) needs a configured instance;"
                    + " provide one with App.builder().provide(" + type.getSimpleName() + ".class, ...)");
        }
        if (inst == null) inst = providers.instantiate(type);
        middleware.put(type, inst);
        return inst;
    }

    private void addRoute(RouteDef r, PathTemplate template) {
        String key = r.httpMethod() + " " + template.shape();
        var prev = seen.putIfAbsent(key, r);
        if (prev != null) {
            throw new StartupException("duplicate route " + r.httpMethod() + " " + r.path() + ": " + prev.describe() + " and " + r.describe());
        }
        routes.add(r);
    }

    private static void checkReturnType(Method m) {
        Class<?> rt = m.getReturnType();
        if (Future.class.isAssignableFrom(rt) && !CompletionStage.class.isAssignableFrom(rt)) {
            throw new StartupException(ModelBuilder.name(m) + ": unsupported return type " + rt.getName() + "; return a CompletableFuture/CompletionStage");
        }
        // Streams, iterators, input streams and publishers are streamed bodies (see StreamResults).
        if (Thread.class.isAssignableFrom(rt) || Runnable.class.isAssignableFrom(rt) && !rt.isRecord()) {
            throw new StartupException(ModelBuilder.name(m) + ": unsupported return type " + rt.getName()
                    + "; return a record, class, collection, map, String, byte[], Response, Optional, a Path, a stream or a future of one");
        }
    }
}
