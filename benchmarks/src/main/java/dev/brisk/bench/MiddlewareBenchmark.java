package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.GZip;
import dev.brisk.RequestId;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.RunningServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import org.openjdk.jmh.annotations.Benchmark;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the built-in middleware on {@code GET /json} through the whole in-VM pipeline (as in
 * {@link PipelineBenchmark}, {@value #DEPTH} pipelined requests per round trip): {@code none},
 * CORS + GZip + request ids, or each alone. The request has an allowed {@code Origin} and {@code Accept-Encoding:
 * gzip}; the body (27 bytes) is below GZip's minimum, so this measures the chain, not compression.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class MiddlewareBenchmark {
    static final int DEPTH = PipelineBenchmark.DEPTH;

    @Param({"none", "cors-gzip-requestid", "cors", "gzip", "requestid"})
    public String middleware;

    private RunningServer server;
    private MultiThreadIoEventLoopGroup clientGroup;
    private Channel client;
    private final PipelineBenchmark.Responses responses = new PipelineBenchmark.Responses();
    private ByteBuf json;

    @Setup
    public void setup() throws Exception {
        var b = App.builder().title("Bench").include(new BenchRoutes()).docs(false);
        switch (middleware) {
            case "cors-gzip-requestid" -> b.middleware(RequestId.create(), Cors.allowOrigins("https://app.example.com"), GZip.create());
            case "cors" -> b.middleware(Cors.allowOrigins("https://app.example.com"));
            case "gzip" -> b.middleware(GZip.create());
            case "requestid" -> b.middleware(RequestId.create());
            default -> { }
        }
        server = AppRuntime.of(b.build()).startLocal(new LocalAddress("brisk-bench-" + UUID.randomUUID()));
        clientGroup = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        client = new Bootstrap().group(clientGroup).channel(LocalChannel.class).handler(responses)
                .connect(server.localAddress()).sync().channel();
        byte[] one = ("GET /json HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\n"
                + "Origin: https://app.example.com\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        json = Unpooled.directBuffer(one.length * DEPTH);
        for (int i = 0; i < DEPTH; i++) json.writeBytes(one);
    }

    @TearDown
    public void tearDown() {
        client.close().syncUninterruptibly();
        server.close(Duration.ofSeconds(1));
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        json.release();
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int json() throws Exception {
        var done = new CompletableFuture<Void>();
        client.eventLoop().execute(() -> responses.expect(DEPTH, 200, done));
        client.writeAndFlush(json.retainedDuplicate());
        done.get(10, TimeUnit.SECONDS);
        return DEPTH;
    }
}
