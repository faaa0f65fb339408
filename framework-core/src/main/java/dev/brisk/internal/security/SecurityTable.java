package dev.brisk.internal.security;

import dev.brisk.internal.model.RouteDef;
import dev.brisk.security.SecurityScopes;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code SecurityScopes} of each route of one app, worked out at startup, so that the provider of
 * {@code SecurityScopes} is one lookup per request.
 */
public final class SecurityTable {
    private volatile Map<RouteDef, SecurityScopes> scopes = Map.of();

    /** Fills the table (once, when the model is complete). */
    public void fill(Map<RouteDef, SecurityScopes> byRoute) {
        this.scopes = new IdentityHashMap<>(byRoute);
    }

    /** The scopes of {@code route} (none for a route outside the model, e.g. a system route). */
    public SecurityScopes scopes(RouteDef route) {
        if (route == null) return SecurityScopes.of(java.util.List.of());
        var s = scopes.get(route);
        return s != null ? s : SecurityScopes.of(RouteSecurity.of(route).scopes());
    }
}
