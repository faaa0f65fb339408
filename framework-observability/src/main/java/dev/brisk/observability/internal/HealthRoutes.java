package dev.brisk.observability.internal;

import dev.brisk.Response;
import dev.brisk.RouteHandler;
import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.spi.ExtensionContext;
import dev.brisk.observability.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The liveness and readiness routes. Readiness runs the checks in its handler; a route hook answers
 * 503 before it once the server that took the request is draining.
 */
final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.health");
    static final String JSON = "application/json";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DRAINING = "{\"status\":\"DOWN\",\"reason\":\"shutting down\"}".getBytes(StandardCharsets.US_ASCII);

    private HealthRoutes() {
    }

    static void install(ExtensionContext ctx, Health health) {
        if (health.livePath().equals(health.readyPath())) {
            throw new StartupException("Health: liveness and readiness need different paths, both are " + health.livePath());
        }
        ctx.systemRoute("GET", health.livePath(), req -> Response.bytes(UP, JSON));
        RouteHandler ready = req -> {
            var checks = new LinkedHashMap<String, String>();
            boolean up = true;
            for (Map.Entry<String, Health.Check> c : health.checks().entrySet()) {
                boolean ok;
                try {
                    ok = c.getValue().ready();
                } catch (Exception | LinkageError e) {
                    LOG.warn("Readiness check '{}' failed", c.getKey(), e);
                    ok = false;
                }
                checks.put(c.getKey(), ok ? "UP" : "DOWN");
                up &= ok;
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("checks", checks);
            return Response.bytes(ctx.mapper().writeValueAsBytes(body), JSON).setStatus(up ? 200 : 503);
        };
        ctx.systemRoute("GET", health.readyPath(), ready);
        RouteHook draining = new RouteHook() {
            @Override
            public Object afterMatch(Call call) {
                if (!call.serverDraining()) return null;
                return Replies.raw(call.request().connection().alloc(), 503, Replies.JSON, DRAINING);
            }
        };
        ctx.routeHook(r -> isRoute(r, ready) ? Optional.of(draining) : Optional.empty());
    }

    private static boolean isRoute(RouteDef r, RouteHandler handler) {
        return r.method() == null && r.target() == handler;
    }
}
