package docs.observability;

import dev.brisk.*;
import dev.brisk.observability.*;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;

public class Observed {
    @Get("/orders/{id}")
    public String order(int id, MeterRegistry registry) {
        registry.counter("shop.orders.read").increment();          // the app's own meters, in the same scrape
        Span.current().setAttribute("shop.order", id);              // the request's server span
        return "order " + id;
    }

    public static App app(OpenTelemetry openTelemetry, Database db) {
        var metrics = Metrics.prometheus();                         // GET /metrics
        return App.builder()
                .include(new Observed())
                .provide(MeterRegistry.class, metrics.registry())
                .install(metrics,
                         Tracing.of(openTelemetry),                 // a server span per request
                         Health.endpoints().check("database", db::ping))   // GET /health/live, /health/ready
                .build();
    }

    public interface Database {
        boolean ping();
    }
}
