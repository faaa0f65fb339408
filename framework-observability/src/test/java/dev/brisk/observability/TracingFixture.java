package dev.brisk.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;

/** An OpenTelemetry SDK that keeps every finished span in memory, with W3C propagation. */
final class TracingFixture implements AutoCloseable {
    final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    OpenTelemetry otel() {
        return sdk;
    }

    List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    /** The only finished span whose name is {@code name}. */
    SpanData span(String name) {
        var found = spans().stream().filter(s -> s.getName().equals(name)).toList();
        if (found.size() != 1) throw new AssertionError("expected one span named '" + name + "', got " + spans());
        return found.get(0);
    }

    @Override
    public void close() {
        sdk.close();
    }
}
