package dev.brisk.internal.scan;

import dev.brisk.RouteHandler;
import dev.brisk.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Where the app's routes, providers and lifecycle methods come from.
 *
 * @param packages packages to scan
 * @param includes route classes and instances given to the builder
 * @param lambdaRoutes routes given as lambdas
 * @param provided singletons by type
 * @param dependencies providers run for every route
 * @param security the security schemes registered with {@code App.Builder.security}
 */
public record RouteSources(List<String> packages, List<Include> includes, List<LambdaRoute> lambdaRoutes,
                           Map<Class<?>, Object> provided, List<Class<?>> dependencies, List<SecurityScheme> security) {

    /** Sources without security schemes. */
    public RouteSources(List<String> packages, List<Include> includes, List<LambdaRoute> lambdaRoutes,
                        Map<Class<?>, Object> provided, List<Class<?>> dependencies) {
        this(packages, includes, lambdaRoutes, provided, dependencies, List.of());
    }

    /** A route class or instance registered under an extra prefix. */
    public record Include(Object target, String prefix) {
    }

    /** A route given as a lambda. */
    public record LambdaRoute(String method, String path, RouteHandler handler) {
    }
}
