/**
 * Metrics (Micrometer, scraped by Prometheus), tracing (OpenTelemetry) and health endpoints for
 * Brisk apps: {@code App.Builder.install(Metrics.prometheus(), Tracing.of(openTelemetry), Health.endpoints())}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})   // Micrometer and OpenTelemetry have no module-info
module dev.brisk.observability {
    requires transitive dev.brisk;
    requires transitive micrometer.core;
    requires transitive micrometer.registry.prometheus;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.brisk.observability;

    provides dev.brisk.internal.spi.Extension with dev.brisk.observability.internal.ObservabilityExtension;
}
