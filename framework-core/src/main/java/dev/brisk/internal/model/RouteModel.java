package dev.brisk.internal.model;

import java.util.List;

/**
 * All routes and providers of an app, built once at startup.
 *
 * @param routes the HTTP routes (what the OpenAPI document describes)
 * @param providers the dependencies
 * @param webSockets the WebSocket routes: method {@code GET}, status 101, bound like HTTP routes,
 *                   with a {@link ParamKind#WEBSOCKET} parameter for the session; their
 *                   {@code resultType} is the listener type, or {@code Void} for a sequential handler
 */
public record RouteModel(List<RouteDef> routes, List<ProviderDef> providers, List<RouteDef> webSockets) {
    public RouteModel(List<RouteDef> routes, List<ProviderDef> providers) {
        this(routes, providers, List.of());
    }
}
