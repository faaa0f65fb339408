package dev.brisk.internal.dispatch;

import dev.brisk.Middleware;
import dev.brisk.Response;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A user {@link Middleware} in a route's chain: its future-based API over the dispatcher's reply callbacks. */
final class MiddlewareStep {
    private final Middleware middleware;
    private final String name;

    MiddlewareStep(Middleware middleware) {
        this.middleware = middleware;
        this.name = "middleware " + middleware.getClass().getName();
    }

    String name() {
        return name;
    }

    void run(Call c, Route r, int index, ReplySink out, Dispatch d) {
        var next = new Next(c, r, index + 1, d);
        CompletionStage<Response> stage;
        try {
            stage = middleware.handle(c.request(), next);
            if (stage == null) throw new NullPointerException(name + " returned null instead of a CompletionStage");
        } catch (Throwable t) {
            next.discardInner();
            out.reply(d.errors().map(c, t, name));
            return;
        }
        stage.whenComplete((res, t) -> {
            Reply reply;
            if (t != null) {
                next.discardInner();
                reply = d.errors().map(c, t, name);
            } else if (res == null) {
                next.discardInner();
                reply = d.errors().map(c, new NullPointerException(name + " completed with a null response"), name);
            } else {
                try {
                    reply = ResponseBridge.toReply(c, res, next.inner, d.results());
                } catch (Throwable e) {
                    next.discardInner();
                    reply = d.errors().map(c, e, name);
                }
            }
            out.reply(reply);
        });
    }

    /** The rest of the chain, run at most once, on the thread kind of the route. */
    private static final class Next implements Middleware.Next {
        private final Call call;
        private final Route route;
        private final int index;
        private final Dispatch dispatch;
        private boolean called;
        volatile Reply inner;

        Next(Call call, Route route, int index, Dispatch dispatch) {
            this.call = call;
            this.route = route;
            this.index = index;
            this.dispatch = dispatch;
        }

        @Override
        public synchronized CompletionStage<Response> proceed() {
            if (called) throw new IllegalStateException("next.proceed() may be called once per request");
            called = true;
            var f = new CompletableFuture<Response>();
            dispatch.continueChain(call, route, index, reply -> {
                inner = reply;
                f.complete(ResponseBridge.toResponse(reply));
            });
            return f;
        }

        void discardInner() {
            var r = inner;
            inner = null;
            if (r != null) r.discard();
        }
    }
}
