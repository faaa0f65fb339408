package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.bench.cache.CacheBenchApp;
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
 * An in-memory cache hit against the uncached {@code /json} route and a 10 ms handler's hit, through
 * the whole pipeline on Netty's in-VM transport (as {@link PipelineBenchmark}: no socket, so the
 * CPU cost of Brisk's own work shows, not the kernel's): {@value #DEPTH} pipelined requests per
 * round trip; the score is requests per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class CacheHitBenchmark {
    static final int DEPTH = 16;

    private RunningServer server;
    private MultiThreadIoEventLoopGroup clientGroup;
    private Channel client;
    private final PipelineBenchmark.Responses responses = new PipelineBenchmark.Responses();
    private ByteBuf json, cachedJson, cachedSlow;

    @Setup
    public void setup() throws Exception {
        App app = App.builder().docs(false).include(new CacheBenchApp()).build();
        server = AppRuntime.of(app).startLocal(new LocalAddress("brisk-cache-bench-" + UUID.randomUUID()));
        clientGroup = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        client = new Bootstrap().group(clientGroup).channel(LocalChannel.class).handler(responses)
                .connect(server.localAddress()).sync().channel();
        json = repeat("/json");
        cachedJson = repeat("/cached/json");
        cachedSlow = repeat("/cached/slow");
        roundTrip(cachedJson);   // the first request is the miss that stores the entry
        roundTrip(cachedSlow);
    }

    @TearDown
    public void tearDown() {
        client.close().syncUninterruptibly();
        server.close(Duration.ofSeconds(1));
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        for (ByteBuf b : new ByteBuf[] {json, cachedJson, cachedSlow}) b.release();
    }

    private static ByteBuf repeat(String uri) {
        byte[] one = ("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuf b = Unpooled.directBuffer(one.length * DEPTH);
        for (int i = 0; i < DEPTH; i++) b.writeBytes(one);
        return b;
    }

    private int roundTrip(ByteBuf requests) throws Exception {
        var done = new CompletableFuture<Void>();
        client.eventLoop().execute(() -> responses.expect(DEPTH, 200, done));
        client.writeAndFlush(requests.retainedDuplicate());
        done.get(10, TimeUnit.SECONDS);
        return DEPTH;
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int jsonUncached() throws Exception {
        return roundTrip(json);
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int jsonHit() throws Exception {
        return roundTrip(cachedJson);
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int slowHandlerHit() throws Exception {
        return roundTrip(cachedSlow);
    }
}
