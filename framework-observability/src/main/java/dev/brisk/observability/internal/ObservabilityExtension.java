package dev.brisk.observability.internal;

import dev.brisk.Response;
import dev.brisk.StartupException;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;
import dev.brisk.observability.Health;
import dev.brisk.observability.Metrics;
import dev.brisk.observability.Tracing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Takes up the {@link Metrics}, {@link Tracing} and {@link Health} features an app installed; with
 * none installed it adds nothing (no listener, no route), so the request path is unchanged.
 */
public final class ObservabilityExtension implements Extension {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Override
    public void configure(ExtensionContext ctx) {
        Metrics metrics = single(ctx.features(Metrics.class), "Metrics");
        Tracing tracing = single(ctx.features(Tracing.class), "Tracing");
        Health health = single(ctx.features(Health.class), "Health");
        if (metrics != null) metrics(ctx, metrics);
        if (tracing != null) ctx.requestListener(new ServerSpans(tracing.openTelemetry(), ctx.api().version(), ctx.model().routes()));
        if (health != null) HealthRoutes.install(ctx, health);
    }

    private static void metrics(ExtensionContext ctx, Metrics m) {
        var registry = m.registry();
        if (m.path().isPresent()) {
            if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
                throw new StartupException("Metrics: the scrape endpoint " + m.path().get() + " needs a PrometheusMeterRegistry, not a "
                        + registry.getClass().getName() + "; call withoutEndpoint() for other registries");
            }
            ctx.systemRoute("GET", m.path().get(), req -> {
                // Prometheus asks for OpenMetrics in its Accept header; anything else gets the classic text format.
                String accept = req.header("Accept").orElse("");
                String type = accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
                return Response.bytes(prometheus.scrape(type).getBytes(StandardCharsets.UTF_8), type);
            });
        }
        var servers = new ServerMeters(registry, m.jvm());
        ctx.servers(servers::started, servers::stopped);
        ctx.requestListener(new HttpMetrics(registry, m.histogram(), ctx.model().routes()));
    }

    private static <T> T single(List<T> list, String what) {
        if (list.size() > 1) throw new StartupException(what + " is installed " + list.size() + " times: install it once");
        return list.isEmpty() ? null : list.get(0);
    }
}
