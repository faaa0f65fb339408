package dev.brisk.observability.internal;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.model.RouteDef;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code http.server.requests} and {@code http.server.requests.active}, fed by the request
 * listener. Timers are looked up per request in arrays by route, method and status (made on first
 * use), never by building tags: a request costs a few array reads, a {@code nanoTime} and the timer.
 */
final class HttpMetrics implements RequestListener {
    static final String REQUESTS = "http.server.requests";
    static final String ACTIVE = "http.server.requests.active";

    private final MeterRegistry registry;
    private final boolean histogram;
    private final LongAdder active = new LongAdder();
    /** The user's routes, known at startup; read without locks. */
    private final IdentityHashMap<RouteDef, RouteTimers> known = new IdentityHashMap<>();
    /** Routes added later (system routes of extensions): copied on write. */
    private volatile IdentityHashMap<RouteDef, RouteTimers> late = new IdentityHashMap<>();
    private final RouteTimers unmatched;

    HttpMetrics(MeterRegistry registry, boolean histogram, List<RouteDef> routes) {
        this.registry = registry;
        this.histogram = histogram;
        for (RouteDef r : routes) known.put(r, new RouteTimers(r.path()));
        this.unmatched = new RouteTimers(null);
        Gauge.builder(ACTIVE, active, LongAdder::sum)
                .description("Requests being handled (taken by a worker or an event loop, not yet answered)")
                .register(registry);
    }

    @Override
    public void started(Call call) {
        active.increment();
    }

    @Override
    public void completed(Call call, Reply reply) {
        active.decrement();
        long start = call.startNanos();
        int status = reply.status();
        Timer timer = timers(call.route()).timer(HttpTags.method(call.request().method()), status);
        Body body = reply.body();
        if (body instanceof Body.Chunks || body instanceof Body.File) {
            reply.afterSend(() -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        } else {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private RouteTimers timers(RouteDef route) {
        if (route == null) return unmatched;
        RouteTimers t = known.get(route);
        if (t != null) return t;
        t = late.get(route);
        if (t != null) return t;
        synchronized (this) {
            t = late.get(route);
            if (t == null) {
                var next = new IdentityHashMap<>(late);
                t = new RouteTimers(route.path());
                next.put(route, t);
                late = next;
            }
            return t;
        }
    }

    /** One route's timers by method and status; {@code uri == null} for requests without a route. */
    private final class RouteTimers {
        private final String uri;
        private final AtomicReferenceArray<AtomicReferenceArray<Timer>> byMethod = new AtomicReferenceArray<>(HttpTags.METHOD_SLOTS);

        RouteTimers(String uri) {
            this.uri = uri;
        }

        Timer timer(int method, int status) {
            var byStatus = byMethod.get(method);
            if (byStatus == null) {
                byMethod.compareAndSet(method, null, new AtomicReferenceArray<>(600));
                byStatus = byMethod.get(method);
            }
            int s = HttpTags.statusIndex(status);
            Timer t = byStatus.get(s);
            if (t == null) {
                // Registering again returns the same timer: a race only costs a lookup.
                t = register(method, s);
                byStatus.set(s, t);
            }
            return t;
        }

        private Timer register(int method, int status) {
            var b = Timer.builder(REQUESTS)
                    .description("HTTP requests the server answered, by route template")
                    .tag("method", HttpTags.methodName(method))
                    .tag("uri", uri != null ? uri : HttpTags.unmatchedUri(status))
                    .tag("status", HttpTags.status(status))
                    .tag("outcome", HttpTags.outcome(status));
            if (histogram) b.publishPercentileHistogram();
            return b.register(registry);
        }
    }
}
