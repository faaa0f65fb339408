package dev.brisk.internal.dev;

import dev.brisk.internal.dispatch.Dispatcher;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dispatcher dev mode gives the transport once: it passes each request to the current
 * generation's dispatcher, which {@link #swap} replaces while the port stays bound, and counts what
 * each generation has in flight so that the old one can finish before it stops. After a failed
 * reload the next request gets the error page instead. Only dev mode uses it: a server started by
 * {@code App.run} gives the transport the app's dispatcher directly.
 */
final class ReloadDispatcher implements Dispatcher {
    /** One generation's dispatcher and the number of its requests without a reply yet. */
    static final class Target {
        final Dispatcher dispatcher;
        final AtomicInteger inFlight = new AtomicInteger();

        Target(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        ReplySink track(ReplySink sink) {
            inFlight.incrementAndGet();
            return reply -> {
                try {
                    sink.reply(reply);
                } finally {
                    inFlight.decrementAndGet();
                }
            };
        }
    }

    private volatile Target current;
    private final AtomicReference<ErrorPage> unshown = new AtomicReference<>();

    /** Makes {@code next} serve every following request; returns the target it replaces (null at first). */
    Target swap(Dispatcher next) {
        unshown.set(null);
        var old = current;
        current = new Target(next);
        return old;
    }

    /** Shows {@code page} to the next request (once); the current generation serves the ones after it. */
    void showOnce(ErrorPage page) {
        unshown.set(page);
    }

    @Override
    public void dispatch(RequestView request, ReplySink sink) {
        if (unshown.get() != null) {
            var page = unshown.getAndSet(null);
            if (page != null) {
                sink.reply(page.reply(request));
                return;
            }
        }
        var t = current;
        if (t == null) {
            sink.reply(starting(request));
            return;
        }
        t.dispatcher.dispatch(request, t.track(sink));
    }

    @Override
    public void refuse(RequestView request, int status, String detail, ReplySink sink) {
        var t = current;
        if (t == null) {
            sink.reply(Replies.detail(request.connection().alloc(), status, detail));
            return;
        }
        t.dispatcher.refuse(request, status, detail, t.track(sink));
    }

    private static Reply starting(RequestView request) {
        var r = Replies.detail(request.connection().alloc(), 503, "The app is starting");
        r.addHeader(HttpHeaderNames.RETRY_AFTER, "1");
        return r;
    }
}
