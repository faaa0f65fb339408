package dev.brisk.observability.internal;

import dev.brisk.Workers;
import dev.brisk.internal.spi.ServerHandle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Gauges over the app's running servers (worker pool, event-loop stalls) and the JVM binders. A
 * server counts from when it listens until it has stopped; the GC binder, which listens to the
 * JVM, is bound only while some server runs.
 */
final class ServerMeters {
    private final MeterRegistry registry;
    private final boolean jvm;
    private final List<ServerHandle> live = new CopyOnWriteArrayList<>();
    /** Stalls of servers that have stopped, so that the counter never goes down. */
    private volatile long pastStalls;
    private JvmGcMetrics gc;

    ServerMeters(MeterRegistry registry, boolean jvm) {
        this.registry = registry;
        this.jvm = jvm;
        Gauge.builder("brisk.workers.active", this, m -> m.sum(s -> s.workers().active()))
                .description("Worker tasks running (handlers, offloaded calls, background tasks)").register(registry);
        Gauge.builder("brisk.workers.queued", this, m -> m.sum(s -> s.workers().queued()))
                .description("Requests waiting for a worker thread (platform workers only)").register(registry);
        Gauge.builder("brisk.workers.limit", this, m -> m.sum(s -> s.workers().config().threads()))
                .description("Worker threads (platform) or concurrent handlers allowed (virtual)").register(registry);
        Gauge.builder("brisk.workers.queue.capacity", this,
                        m -> m.sum(s -> s.workers().config().kind() == Workers.Kind.PLATFORM ? s.workers().config().queue() : 0))
                .description("Requests that may wait for a worker thread before new ones get 503").register(registry);
        FunctionCounter.builder("brisk.eventloop.stalls", this, m -> m.pastStalls + m.sum(s -> s.detector().stalls()))
                .description("Event loops found blocked longer than the blocking threshold").register(registry);
        if (jvm) {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new JvmInfoMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
    }

    private double sum(java.util.function.ToDoubleFunction<ServerHandle> f) {
        double total = 0;
        for (ServerHandle s : live) total += f.applyAsDouble(s);
        return total;
    }

    synchronized void started(ServerHandle server) {
        live.add(server);
        if (jvm && gc == null) {
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
        }
    }

    synchronized void stopped(ServerHandle server) {
        if (live.remove(server)) pastStalls += server.detector().stalls();
        if (live.isEmpty() && gc != null) {
            gc.close();
            gc = null;
        }
    }
}
