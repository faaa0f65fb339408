package dev.brisk.internal.dispatch;

import dev.brisk.StartupException;
import dev.brisk.WebSocketSettings;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.routing.PathTemplate;
import dev.brisk.internal.routing.RouteTable;
import dev.brisk.internal.websocket.Handshake;
import dev.brisk.internal.websocket.WsContext;
import dev.brisk.internal.websocket.WsSession;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.concurrent.EventExecutorGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's WebSocket routes: a route table of their own, each route compiled like an HTTP route
 * (middleware chain, extension hooks, binding, validation, dependencies: the same {@link Endpoint})
 * with a first hook that checks the handshake and makes the session, and a {@link WebSocketInvocation}
 * in place of the usual call and result mapping. The dispatcher asks it first about requests that
 * ask for an upgrade, and about paths that only WebSocket routes serve (426 without the upgrade).
 */
public final class WebSocketRoutes {
    /** The session's key in the request's dependency cache (the binder of WebSocketSession parameters reads it). */
    private static final Object SESSION = new Object();

    private final RouteTable<Route> table = new RouteTable<>();
    private final WsContext ctx;
    private final int size;

    private WebSocketRoutes(WsContext ctx, int size) {
        this.ctx = ctx;
        this.size = size;
    }

    static WebSocketRoutes compile(List<RouteDef> defs, RouteCompiler rc, ResultMapper results, ErrorMapper errors,
                                   List<Function<RouteDef, Optional<RouteHook>>> hooks, Object[] appChain,
                                   WebSocketSettings settings, dev.brisk.internal.json.JsonSupport json, BodyReader bodies) {
        var routes = new WebSocketRoutes(new WsContext(settings, json, bodies), defs.size());
        for (RouteDef def : defs) routes.add(def, rc, results, errors, hooks, appChain);
        return routes;
    }

    private void add(RouteDef def, RouteCompiler rc, ResultMapper results, ErrorMapper errors,
                     List<Function<RouteDef, Optional<RouteHook>>> hooks, Object[] appChain) {
        var template = PathTemplate.parse(def.path());
        String[] pathNames = template.paramNames().toArray(String[]::new);
        String name = "WEBSOCKET " + def.path() + " (" + def.method().getDeclaringClass().getSimpleName() + "." + def.method().getName() + ")";
        WsSession.Style style = def.resultType() == Void.class ? WsSession.Style.SEQUENTIAL
                : def.async() ? WsSession.Style.LOOP : WsSession.Style.WORKER;
        try {
            var routeHooks = new ArrayList<RouteHook>();
            routeHooks.add(new HandshakeHook(style, name));
            for (var f : hooks) f.apply(def).ifPresent(routeHooks::add);
            var invocation = new WebSocketInvocation(def, style, name, errors, ctx);
            var endpoint = new Endpoint(def, pathNames, rc, results, errors, routeHooks, invocation);
            var chain = new ArrayList<>(List.of(appChain));
            chain.addAll(List.of(RouteCompiler.steps(def.middleware())));
            table.add("GET", template, new Route(def, endpoint, chain.toArray(), def.async(), pathNames, name));
        } catch (StartupException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new StartupException("duplicate WebSocket route " + name);
        } catch (RuntimeException e) {
            throw new StartupException(name + ": " + e.getMessage(), e);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The session of a WebSocket route's request (made by the handshake hook before binding). */
    static WsSession session(Call c) {
        return (WsSession) c.cached(SESSION);
    }

    /**
     * Serves {@code req} if it is a WebSocket handshake for one of these routes, or a plain request
     * to a path only these routes serve (426 Upgrade Required, or 405); false for everything else,
     * which the HTTP routes answer ({@code http} is their lookup).
     */
    boolean intercept(RequestView req, ReplySink sink, RouteTable.Lookup<Route> http, Dispatch d) {
        boolean upgrade = Handshake.isUpgrade(req);
        if (!upgrade && http.outcome() == RouteTable.Outcome.FOUND) return false;   // the common case: one header lookup
        var found = table.find("GET", null, req.rawPath());
        if (found.outcome() != RouteTable.Outcome.FOUND) return false;
        if (upgrade && "GET".equals(req.method())) {
            Route r = found.endpoint();
            req.pathParams(r.pathNames(), found.values());
            var c = new Call(req, r, sink, d);
            if (r.async()) {
                d.runChain(c, r);
            } else if (!d.workers().tryExecute(c)) {
                d.answer(c, () -> {
                    var busy = Replies.detail(req.connection().alloc(), 503, "Service Unavailable");
                    busy.addHeader(HttpHeaderNames.RETRY_AFTER, "1");
                    return busy;
                });
            }
            return true;
        }
        if (http.outcome() == RouteTable.Outcome.FOUND) return false;
        var alloc = req.connection().alloc();
        java.util.function.Supplier<Reply> reply;   // made only when the chain gets there (a middleware may answer first)
        if ("GET".equals(req.method()) || req.isHead()) {
            reply = () -> {
                var r = Replies.detail(alloc, 426, "Upgrade Required: this path takes WebSocket connections");
                r.addHeader(HttpHeaderNames.UPGRADE, "websocket");
                return r;
            };
        } else {
            var allowed = new LinkedHashSet<String>();
            allowed.add("GET");
            if (http.outcome() == RouteTable.Outcome.METHOD_NOT_ALLOWED) allowed.addAll(http.allowed());
            reply = () -> {
                var r = Replies.detail(alloc, 405, "Method Not Allowed");
                r.addHeader(HttpHeaderNames.ALLOW, String.join(", ", allowed));
                return r;
            };
        }
        d.answer(new Call(req, null, sink, d), reply);
        return true;
    }

    // ------------------------------------------------------------------------------------ for the running server

    /** For a server that stops: closes its sessions with 1001 and waits for them; returns what is left of {@code grace}. */
    public Duration drain(EventExecutorGroup server, Duration grace) {
        return size == 0 ? grace : ctx.sessions().drain(server, grace);
    }

    /** Starts closing every open session of one server with {@code code} (e.g. 1012 before a reload); returns how many. */
    public int closeAll(EventExecutorGroup server, int code, String reason) {
        return ctx.sessions().closeAll(server, code, reason);
    }

    /** The open sessions of one server. */
    public int open(EventExecutorGroup server) {
        return ctx.sessions().count(server);
    }

    /** Forgets a stopped server. */
    public void stopped(EventExecutorGroup server) {
        ctx.sessions().forget(server);
    }

    /** Checks the handshake (400, 426, 403; 503 while the server stops) and makes the session, before anything is bound. */
    private final class HandshakeHook implements RouteHook {
        private final WsSession.Style style;
        private final String name;

        HandshakeHook(WsSession.Style style, String name) {
            this.style = style;
            this.name = name;
        }

        @Override
        public Object afterMatch(Call call) {
            var req = call.request();
            Reply refusal = Handshake.check(req, ctx.origins());
            if (refusal != null) return refusal;
            if (ctx.sessions().draining(req.connection().loop())) {
                return Replies.detail(req.connection().alloc(), 503, "Service Unavailable: the server is shutting down");
            }
            var session = new WsSession(ctx, req, style, name);
            session.watch(call.stopSignal());   // 1012 when dev mode reloads the app, 1001 when it shuts down
            call.cache(SESSION, session);
            return null;
        }
    }
}
