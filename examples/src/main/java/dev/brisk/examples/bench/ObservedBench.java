package dev.brisk.examples.bench;

import dev.brisk.App;
import dev.brisk.observability.Health;
import dev.brisk.observability.Metrics;
import dev.brisk.observability.Tracing;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench app with metrics and tracing on, to measure what they cost (docs/benchmarks.md):
 * {@code java -cp examples/target/brisk-examples.jar dev.brisk.examples.bench.ObservedBench --port N}.
 * Every request is sampled and its span goes through the SDK's batch processor to an exporter that
 * counts and drops it (no network), so the figure is Brisk's and the SDK's work, not a collector's.
 */
public final class ObservedBench {
    private ObservedBench() {
    }

    /** Counts the spans it is handed and keeps none. */
    static final class CountingExporter implements SpanExporter {
        final LongAdder spans = new LongAdder();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.add(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** The OpenTelemetry SDK the bench traces with: always on, batched, dropped. */
    public static OpenTelemetrySdk sdk() {
        return sdk(new CountingExporter());
    }

    static OpenTelemetrySdk sdk(CountingExporter exporter) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    /** The bench app with Metrics.prometheus(), Tracing and Health installed. */
    public static App app(OpenTelemetrySdk sdk) {
        return BenchApp.builder().install(Metrics.prometheus(), Tracing.of(sdk), Health.endpoints()).onShutdown(sdk::close).build();
    }

    public static void main(String[] args) {
        int port = 8000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) port = Integer.parseInt(args[++i]);
        }
        app(sdk()).run(port);
    }
}
