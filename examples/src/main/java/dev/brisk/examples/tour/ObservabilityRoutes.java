package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.observability.Health;
import dev.brisk.observability.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The tour's metrics and health: {@code GET /metrics} (Prometheus text format, with
 * {@code http_server_requests_seconds_*} series labelled by route template), {@code GET /health/live},
 * {@code GET /health/ready} (503 once shutdown has begun), and a route that counts with a meter of
 * its own ({@code tour_visits_total} in the same scrape).
 */
public class ObservabilityRoutes {
    private final Counter visits;

    public ObservabilityRoutes(MeterRegistry registry) {
        this.visits = Counter.builder("tour.visits").description("Visits of GET /visits").register(registry);
    }

    /** Installs metrics and health into the tour's builder, and this route class. */
    public static void install(App.Builder b) {
        var metrics = Metrics.prometheus();
        b.install(metrics, Health.endpoints()).include(new ObservabilityRoutes(metrics.registry()));
    }

    /** Counts a visit and says how many there were. */
    @Get("/tour/visits")
    public long visit() {
        visits.increment();
        return (long) visits.count();
    }
}
