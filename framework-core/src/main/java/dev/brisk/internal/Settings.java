package dev.brisk.internal;

import dev.brisk.App;
import dev.brisk.ExceptionHandler;
import dev.brisk.RouteHandler;
import dev.brisk.Workers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything the builder collected; immutable once built. */
public record Settings(
        List<String> packages,
        List<Include> includes,
        List<LambdaRoute> lambdaRoutes,
        Map<Class<?>, Object> provided,
        List<Class<?>> dependencies,
        Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers,
        List<App.Hook> startup,
        List<App.Hook> shutdown,
        String title,
        String version,
        String description,
        List<String> servers,
        boolean docs,
        String openapiPath,
        String docsPath,
        String redocPath,
        Workers workers,
        int eventLoops,
        long maxBodySize,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        Duration shutdownGrace,
        Duration blockingThreshold) {

    /** A route class or instance registered under an extra prefix. */
    public record Include(Object target, String prefix) {
    }

    /** A route given as a lambda. */
    public record LambdaRoute(String method, String path, RouteHandler handler) {
    }
}
