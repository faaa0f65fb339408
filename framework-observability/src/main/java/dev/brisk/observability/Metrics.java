package dev.brisk.observability;

import dev.brisk.Feature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Objects;
import java.util.Optional;

/**
 * Micrometer metrics of every request, the server and the JVM, and a Prometheus scrape endpoint.
 *
 * <pre>{@code
 * App.builder().install(Metrics.prometheus())          // GET /metrics
 * }</pre>
 *
 * <p>Per request, the timer {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds_count},
 * {@code _sum}, {@code _max}) tagged {@code method}, {@code uri} (the route's template, e.g.
 * {@code /items/{id}}, never the raw path; {@code NOT_FOUND} for a 404 without a route, {@code REDIRECTION}
 * for a 3xx without one, else {@code UNKNOWN}), {@code status} and {@code outcome} ({@code SUCCESS},
 * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, ...). Also: {@code http.server.requests.active}, the worker
 * pool ({@code brisk.workers.active}, {@code .queued}, {@code .limit}, {@code .queue.capacity}), the
 * blocking detector's {@code brisk.eventloop.stalls}, and Micrometer's JVM and process metrics.
 *
 * <p>Instances are immutable: each method returns a new one.
 */
public final class Metrics implements Feature {
    private final MeterRegistry registry;
    private final Optional<String> path;
    private final boolean jvm;
    private final boolean histogram;

    private Metrics(MeterRegistry registry, Optional<String> path, boolean jvm, boolean histogram) {
        this.registry = registry;
        this.path = path;
        this.jvm = jvm;
        this.histogram = histogram;
    }

    /** Metrics in a new Prometheus registry, scraped at {@code /metrics}, with JVM metrics. */
    public static Metrics prometheus() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.of("/metrics"), true, false);
    }

    /**
     * Metrics in the app's own registry (any Micrometer registry). A {@link PrometheusMeterRegistry} is
     * scraped at {@code /metrics}; for any other, turn the endpoint off with {@link #withoutEndpoint()}.
     */
    public static Metrics into(MeterRegistry registry) {
        return new Metrics(Objects.requireNonNull(registry, "registry"), Optional.of("/metrics"), true, false);
    }

    /** Where the Prometheus scrape endpoint is served (default {@code /metrics}). */
    public Metrics path(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) throw new IllegalArgumentException("the metrics path must start with '/': " + path);
        return new Metrics(registry, Optional.of(path), jvm, histogram);
    }

    /** No scrape endpoint (the registry is read some other way, e.g. pushed). */
    public Metrics withoutEndpoint() {
        return new Metrics(registry, Optional.empty(), jvm, histogram);
    }

    /** Whether JVM and process metrics (memory, GC, threads, classes, CPU, uptime) are recorded (default true). */
    public Metrics jvm(boolean on) {
        return new Metrics(registry, path, on, histogram);
    }

    /**
     * Whether {@code http.server.requests} also publishes histogram buckets (Prometheus
     * {@code _bucket} series, for {@code histogram_quantile}); default false, as they multiply the series.
     */
    public Metrics histogram(boolean on) {
        return new Metrics(registry, path, jvm, on);
    }

    /** The registry, to add the app's own meters (e.g. {@code App.Builder.provide(MeterRegistry.class, metrics.registry())}). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The scrape endpoint's path, if it is served. */
    public Optional<String> path() {
        return path;
    }

    /** Whether JVM metrics are on. */
    public boolean jvm() {
        return jvm;
    }

    /** Whether histogram buckets are published. */
    public boolean histogram() {
        return histogram;
    }

    @Override
    public String toString() {
        return "Metrics[" + registry.getClass().getSimpleName() + path.map(p -> ", " + p).orElse("") + "]";
    }
}
