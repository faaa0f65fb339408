package dev.brisk.internal.model;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route as built at startup: the single description that drives binding, dispatch and OpenAPI.
 *
 * @param httpMethod upper-case method, e.g. {@code GET}
 * @param path the full template, prefixes applied, e.g. {@code /items/{id}} or {@code /files/{p:path}}
 * @param method the Java handler ({@code null} for lambda routes)
 * @param target the instance the handler is called on ({@code null} for static or lambda)
 * @param returnType the generic return type, e.g. {@code CompletableFuture<List<Item>>}
 * @param resultType the value type after unwrapping futures ({@code void} becomes {@code Void.class})
 * @param params the handler's parameters in declaration order
 * @param routeDependencies providers run for this route because of router or app dependencies
 * @param status the success status (resolved: 200, 204 for void, or the annotation's)
 * @param async whether the handler runs on the event loop
 * @param doc documentation attributes
 * @param middleware the router's then the route's middleware instances ({@code @UseMiddleware}), outermost first
 */
public record RouteDef(String httpMethod, String path, Method method, Object target, Type returnType,
                       Type resultType, List<ParamDef> params, List<ProviderDef> routeDependencies,
                       int status, boolean async, RouteDoc doc, List<Object> middleware) {

    /** A route an extension serves but does not document (e.g. {@code /docs}); it runs on the worker pool. */
    public static RouteDef system(String method, String path, Object handler) {
        return new RouteDef(method, path, null, handler, Object.class, Object.class, List.of(), List.of(), 200, false,
                new RouteDoc("", "", List.of(), false, "", true), List.of());
    }

    /**
     * The route's annotation of {@code type}: on the handler method, else on its class (the router);
     * empty for lambda and system routes.
     */
    public <A extends java.lang.annotation.Annotation> java.util.Optional<A> annotation(Class<A> type) {
        if (method == null) return java.util.Optional.empty();
        A a = method.getAnnotation(type);
        if (a == null) a = method.getDeclaringClass().getAnnotation(type);
        return java.util.Optional.ofNullable(a);
    }

    /** The class that declares the handler (the router), if the route has a handler method. */
    public java.util.Optional<Class<?>> routerClass() {
        return method == null ? java.util.Optional.empty() : java.util.Optional.of(method.getDeclaringClass());
    }

    /** Human-readable name for logs and errors: {@code GET /items/{id} (Items.read)}. */
    public String describe() {
        return httpMethod + " " + path + (method == null ? "" : " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")");
    }

    /**
     * Every wire parameter of the route, its dependencies' included (each dependency once), in the
     * order errors are reported: dependencies first, then the handler's own.
     */
    public List<ParamDef> allWireParams() {
        var out = new LinkedHashMap<String, ParamDef>();
        var seen = new java.util.HashSet<ProviderDef>();
        for (var p : routeDependencies) collect(p, out, seen);
        for (var p : params) {
            if (p.kind() == ParamKind.DEPENDS) collect(p.dependency(), out, seen);
        }
        for (var p : params) {
            if (p.kind().isWire()) out.putIfAbsent(p.kind() + ":" + p.wireName(), p);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The route's credentials: the wire parameters of the route and its dependencies that carry a
     * secret ({@link ParamDef#credential()}: the header, query parameter or cookie a security scheme
     * reads, the password fields of the OAuth2 password form). Whatever logs or caches requests must
     * leave their values out.
     */
    public List<ParamDef> credentialParams() {
        var out = new ArrayList<ParamDef>();
        for (var p : allWireParams()) if (p.credential()) out.add(p);
        return out;
    }

    private static void collect(ProviderDef provider, Map<String, ParamDef> out, java.util.Set<ProviderDef> seen) {
        if (!seen.add(provider)) return;
        for (var p : provider.params()) {
            if (p.kind() == ParamKind.DEPENDS) collect(p.dependency(), out, seen);
        }
        for (var p : provider.params()) {
            if (p.kind().isWire()) out.putIfAbsent(p.kind() + ":" + p.wireName(), p);
        }
    }
}
