package dev.brisk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.brisk.bench.BenchRoutes.Item;
import dev.brisk.bench.BenchRoutes.Message;
import dev.brisk.internal.dispatch.ResultMapper;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.json.Json;
import dev.brisk.internal.json.ValueWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A handler's result to response bytes. {@code responderPooled} is what Brisk does
 * ({@link ResultMapper#encodeJson}: the route's precompiled {@link ObjectWriter} writing through a
 * {@code ByteBufOutputStream} into a buffer of the channel's allocator); {@code writerBytes} and
 * {@code mapperBytes} are Jackson's {@code writeValueAsBytes} with the precompiled writer and with
 * the mapper (type looked up per call); {@code bytesThenCopy} is the byte[] route followed by a copy
 * into a pooled buffer; {@code responderSuccess} is the reply object the dispatcher hands to the
 * transport ({@link Reply}: status, content type, body buffer).
 * Every buffer is released in the operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class JsonEncodingBenchmark {

    /** {@code message}: {@code {"message":"Hello, World!"}} (27 bytes); {@code items20}: a list of 20 items (~800 bytes). */
    @Param({"message", "items20"})
    public String payload;

    private ObjectMapper mapper;
    private ResultMapper responder;
    private ObjectWriter writer;
    /** What Brisk writes the type with: its own writer, the types being plain (see PlainJson). */
    private ValueWriter briskWriter;
    /** Jackson's writer for the type, in Brisk's path (what Brisk used before its plain writers). */
    private ValueWriter jacksonWriter;
    private Object value;
    private ByteBufAllocator alloc;
    private EmbeddedChannel channel;

    @SuppressWarnings("unused")
    private static List<Item> listShape() {
        return null;
    }

    @Setup
    public void setup() throws Exception {
        mapper = Json.create(1 << 20);
        responder = new ResultMapper(mapper);
        Type type;
        if (payload.equals("message")) {
            value = new Message("Hello, World!");
            type = Message.class;
        } else {
            var items = new ArrayList<Item>();
            for (int i = 0; i < 20; i++) items.add(new Item(i, "Item number " + i, 9.99 + i));
            value = List.copyOf(items);
            type = JsonEncodingBenchmark.class.getDeclaredMethod("listShape").getGenericReturnType();
        }
        writer = mapper.writerFor(mapper.constructType(type));
        if (responder.plainWriter(type).isEmpty()) throw new IllegalStateException(type + " is not plain");
        briskWriter = responder.writerFor(type);
        jacksonWriter = ValueWriter.of(writer);
        channel = new EmbeddedChannel();
        alloc = channel.alloc();
        for (ValueWriter w : List.of(briskWriter, jacksonWriter)) {
            ByteBuf b = responder.encodeJson(alloc, w, value);
            try {
                if (!b.toString(java.nio.charset.StandardCharsets.UTF_8).equals(mapper.writeValueAsString(value))) {
                    throw new IllegalStateException("encodings differ");
                }
            } finally {
                b.release();
            }
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /** Brisk's way: its writer of the plain type straight into a pooled buffer. */
    @Benchmark
    public int responderPooled() throws IOException {
        ByteBuf buf = responder.encodeJson(alloc, briskWriter, value);
        int n = buf.readableBytes();
        buf.release();
        return n;
    }

    /** The same path with Jackson's precompiled writer (what Brisk does for a type that is not plain). */
    @Benchmark
    public int responderJackson() throws IOException {
        ByteBuf buf = responder.encodeJson(alloc, jacksonWriter, value);
        int n = buf.readableBytes();
        buf.release();
        return n;
    }

    /** Precompiled writer to a byte[]. */
    @Benchmark
    public byte[] writerBytes() throws IOException {
        return writer.writeValueAsBytes(value);
    }

    /** {@code ObjectMapper.writeValueAsBytes} (serializer found per call by runtime class). */
    @Benchmark
    public byte[] mapperBytes() throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    /** byte[] first, then copied into a pooled buffer. */
    @Benchmark
    public int bytesThenCopy() throws IOException {
        byte[] bytes = writer.writeValueAsBytes(value);
        ByteBuf buf = alloc.buffer(bytes.length);
        buf.writeBytes(bytes);
        int n = buf.readableBytes();
        buf.release();
        return n;
    }

    /** The reply object: encode into a pooled buffer + the {@link Reply} around it. */
    @Benchmark
    public int responderSuccess() throws IOException {
        Reply res = Reply.bytes(200, Replies.JSON, responder.encodeJson(alloc, briskWriter, value));
        int n = (int) res.body().length() + res.headerCount();
        res.discard();
        return n;
    }
}
