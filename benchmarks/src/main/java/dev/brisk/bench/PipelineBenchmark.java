package dev.brisk.bench;

import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.RunningServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.ReferenceCountUtil;
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
 * The whole server: raw HTTP/1.1 request bytes in, response bytes out, through the real pipeline
 * ({@code StrictRequestDecoder}, {@code ResponseEncoder}, {@code HttpConnection}) started with
 * {@link AppRuntime#startLocal} on Netty's in-VM transport (no socket, no syscalls). One client
 * connection writes {@value #DEPTH} pipelined requests at once and waits for their
 * {@value #DEPTH} responses (counted by a minimal parser that checks each status); the score is
 * requests per second. {@code jsonNoPipelining} sends one request at a time: a round trip, thread
 * hand-offs included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1) // Hibernate Validator and Jackson paths need longer to reach C2 on 2 cores
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class PipelineBenchmark {
    static final int DEPTH = 16;

    /** Counts complete responses in the byte stream and completes a future after the expected number. */
    static final class Responses extends ChannelInboundHandlerAdapter {
        private ByteBuf acc;
        private int expected;
        private int expectedStatus;
        private int seen;
        private String problem;
        private CompletableFuture<Void> done;

        void expect(int count, int status, CompletableFuture<Void> future) {
            expected = count;
            expectedStatus = status;
            seen = 0;
            done = future;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            acc = ctx.alloc().buffer(4096);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            acc.release();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof ByteBuf b) acc.writeBytes(b);
            } finally {
                ReferenceCountUtil.release(msg);
            }
            while (acc.isReadable()) {
                int start = acc.readerIndex();
                int end = headerEnd(acc, start);
                if (end < 0) break;
                long length = contentLength(acc, start, end);
                if (length < 0) {
                    fail("no content-length in " + acc.toString(start, end - start, StandardCharsets.US_ASCII));
                    return;
                }
                if (acc.writerIndex() - end < length) break;
                int status = status(acc, start);
                acc.readerIndex(end + (int) length);
                if (status != expectedStatus) {
                    fail("status " + status + ", wanted " + expectedStatus);
                    return;
                }
                if (++seen == expected) done.complete(null);
            }
            acc.discardReadBytes();
        }

        private void fail(String why) {
            problem = why;
            acc.clear();
            if (done != null) done.completeExceptionally(new IllegalStateException(why));
        }

        /** Index just past the blank line, or -1. */
        private static int headerEnd(ByteBuf b, int from) {
            for (int i = from, n = b.writerIndex() - 3; i < n; i++) {
                if (b.getByte(i) == '\r' && b.getByte(i + 1) == '\n' && b.getByte(i + 2) == '\r' && b.getByte(i + 3) == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private static final byte[] CL = "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

        private static long contentLength(ByteBuf b, int from, int to) {
            outer:
            for (int i = from; i + CL.length < to; i++) {
                for (int j = 0; j < CL.length; j++) {
                    if (Character.toLowerCase(b.getByte(i + j)) != CL[j]) continue outer;
                }
                long v = 0;
                int k = i + CL.length;
                while (b.getByte(k) == ' ') k++;
                for (byte c; (c = b.getByte(k)) >= '0' && c <= '9'; k++) v = v * 10 + (c - '0');
                return v;
            }
            return -1;
        }

        private static int status(ByteBuf b, int from) {
            // "HTTP/1.1 200 "
            return (b.getByte(from + 9) - '0') * 100 + (b.getByte(from + 10) - '0') * 10 + (b.getByte(from + 11) - '0');
        }
    }

    private RunningServer server;
    private MultiThreadIoEventLoopGroup clientGroup;
    private Channel client;
    private final Responses responses = new Responses();
    private ByteBuf plaintext, json, item, postValid, jsonOne;

    @Setup
    public void setup() throws Exception {
        server = AppRuntime.of(BenchRoutes.app()).startLocal(new LocalAddress("brisk-bench-" + UUID.randomUUID()));
        clientGroup = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        client = new Bootstrap().group(clientGroup).channel(LocalChannel.class).handler(responses)
                .connect(server.localAddress()).sync().channel();
        plaintext = repeat(get("/plaintext"), DEPTH);
        json = repeat(get("/json"), DEPTH);
        item = repeat(get("/items/42?q=hello"), DEPTH);
        String body = "{\"name\":\"Widget\",\"price\":9.99}";
        postValid = repeat("POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body, DEPTH);
        jsonOne = repeat(get("/json"), 1);
    }

    @TearDown
    public void tearDown() {
        // Server before the client's loop: the server side of the local pair still talks to that loop.
        client.close().syncUninterruptibly();
        server.close(Duration.ofSeconds(1));
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        for (ByteBuf b : new ByteBuf[]{plaintext, json, item, postValid, jsonOne}) b.release();
        if (responses.problem != null) throw new IllegalStateException(responses.problem);
    }

    private static String get(String uri) {
        return "GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n";
    }

    private static ByteBuf repeat(String request, int n) {
        byte[] one = request.getBytes(StandardCharsets.US_ASCII);
        ByteBuf b = Unpooled.directBuffer(one.length * n);
        for (int i = 0; i < n; i++) b.writeBytes(one);
        return b;
    }

    private int roundTrip(ByteBuf requests, int count, int status) throws Exception {
        var done = new CompletableFuture<Void>();
        // Set on the client's loop, which then reads the responses: no race with channelRead.
        client.eventLoop().execute(() -> responses.expect(count, status, done));
        client.writeAndFlush(requests.retainedDuplicate());
        done.get(10, TimeUnit.SECONDS);
        return count;
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int plaintext() throws Exception {
        return roundTrip(plaintext, DEPTH, 200);
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int json() throws Exception {
        return roundTrip(json, DEPTH, 200);
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int itemQuery() throws Exception {
        return roundTrip(item, DEPTH, 200);
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int postValid() throws Exception {
        return roundTrip(postValid, DEPTH, 201);
    }

    /** One request per round trip (no pipelining). */
    @Benchmark
    public int jsonNoPipelining() throws Exception {
        return roundTrip(jsonOne, 1, 200);
    }
}
