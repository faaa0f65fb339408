package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.RunningServer;
import dev.brisk.observability.Metrics;
import dev.brisk.observability.Tracing;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What metrics and tracing cost on {@code GET /json}, through the whole in-VM pipeline as in
 * {@link PipelineBenchmark#json()} ({@value PipelineBenchmark#DEPTH} pipelined requests per round trip).
 * {@code observe}: {@code none} (the module not installed), {@code metrics} ({@code Metrics.prometheus()}),
 * {@code tracing} ({@code Tracing.of(sdk)}: every request sampled, spans batched to an exporter that
 * drops them), {@code both}. The ratio {@code both / none} is the cost of turning both on.
 *
 * <p>On a busy machine, throughput moves with the neighbours' load; the line
 * {@code process CPU per request} printed after each trial (the whole process's CPU time over the
 * measured iterations: client, server loop, the span exporter's thread, GC) moves less, and
 * {@code -prof gc}'s allocation per request hardly at all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class ObservabilityBenchmark {
    @Param({"none", "metrics", "tracing", "both"})
    public String observe;

    /** Counts spans and drops them. */
    static final class Dropping implements SpanExporter {
        final LongAdder spans = new LongAdder();

        @Override public CompletableResultCode export(Collection<SpanData> batch) {
            spans.add(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private RunningServer server;
    private OpenTelemetrySdk sdk;
    private Dropping exporter;
    private MultiThreadIoEventLoopGroup clientGroup;
    private Channel client;
    private final PipelineBenchmark.Responses responses = new PipelineBenchmark.Responses();
    private ByteBuf json;
    private long requests;

    @Setup
    public void setup() throws Exception {
        App.Builder b = BenchRoutes.builder();
        if (observe.equals("metrics") || observe.equals("both")) b.install(Metrics.prometheus());
        if (observe.equals("tracing") || observe.equals("both")) {
            exporter = new Dropping();
            sdk = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                            .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxQueueSize(1 << 16).build()).build())
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            b.install(Tracing.of(sdk));
        }
        server = AppRuntime.of(b.build()).startLocal(new LocalAddress("brisk-observe-" + UUID.randomUUID()));
        clientGroup = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        client = new Bootstrap().group(clientGroup).channel(LocalChannel.class).handler(responses)
                .connect(server.localAddress()).sync().channel();
        byte[] one = "GET /json HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        json = Unpooled.directBuffer(one.length * PipelineBenchmark.DEPTH);
        for (int i = 0; i < PipelineBenchmark.DEPTH; i++) json.writeBytes(one);
    }

    @TearDown
    public void tearDown() {
        client.close().syncUninterruptibly();
        server.close(Duration.ofSeconds(1));
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        json.release();
        if (sdk != null) {
            sdk.close();
            // Each request made one span: the tracing path really ran.
            if (exporter.spans.sum() != requests) {
                throw new IllegalStateException("spans exported: " + exporter.spans.sum() + ", requests: " + requests);
            }
        }
    }

    /** Process CPU time per request over the measured iterations, printed at the end of the trial. */
    @State(Scope.Thread)
    public static class Cpu {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private boolean measuring;
        private long iterationStart;
        private long cpuNanos;
        private long requests;

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            iterationStart = OS.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void end() {
            if (measuring) cpuNanos += OS.getProcessCpuTime() - iterationStart;
        }

        void count(int n) {
            if (measuring) requests += n;
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams params) {
            System.out.printf("%nprocess CPU per request (%s): %.2f us over %d measured requests%n",
                    params.getParam("observe"), cpuNanos / 1000.0 / requests, requests);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PipelineBenchmark.DEPTH)
    public int json(Cpu cpu) throws Exception {
        var done = new CompletableFuture<Void>();
        client.eventLoop().execute(() -> responses.expect(PipelineBenchmark.DEPTH, 200, done));
        client.writeAndFlush(json.retainedDuplicate());
        done.get(10, TimeUnit.SECONDS);
        requests += PipelineBenchmark.DEPTH;
        cpu.count(PipelineBenchmark.DEPTH);
        return PipelineBenchmark.DEPTH;
    }
}
