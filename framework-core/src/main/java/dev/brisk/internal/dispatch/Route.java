package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.model.RouteDef;

/**
 * A route as the request path runs it: its middleware chain (built at startup; empty when no
 * middleware applies) around its terminal step (the endpoint, or a fixed answer for 404/405/...).
 */
final class Route {
    /** The innermost step of a chain. */
    interface Terminal {
        void run(Call call, ReplySink out);
    }

    private final RouteDef def;
    private final Terminal terminal;
    private final Object[] chain;
    private final boolean async;
    private final String[] pathNames;
    private final String name;
    /** The endpoint when its hooks may answer on the event loop before the request goes to a worker (no middleware around it), else null. */
    private final Endpoint loopFirst;

    /**
     * @param chain the middleware steps, outermost first: {@link Filter}s and {@link MiddlewareStep}s
     */
    Route(RouteDef def, Terminal terminal, Object[] chain, boolean async, String[] pathNames, String name) {
        this.def = def;
        this.terminal = terminal;
        this.chain = chain;
        this.async = async;
        this.pathNames = pathNames;
        this.name = name;
        this.loopFirst = chain.length == 0 && terminal instanceof Endpoint e && e.loopFirst() ? e : null;
    }

    Endpoint loopFirst() {
        return loopFirst;
    }

    RouteDef def() {
        return def;
    }

    Terminal terminal() {
        return terminal;
    }

    Object[] chain() {
        return chain;
    }

    /** Runs on the event loop (a future-returning handler, or an answer without a handler). */
    boolean async() {
        return async;
    }

    String[] pathNames() {
        return pathNames;
    }

    /** For logs: {@code GET /items/{id} (Items.read)}. */
    String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
