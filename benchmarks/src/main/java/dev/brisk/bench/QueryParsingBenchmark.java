package dev.brisk.bench;

import dev.brisk.internal.http.ConnectionInfo;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.http.UrlDecoding;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Query-string access through {@link RequestView#queryValue}/{@link RequestView#queryValues}, which parse
 * the whole query on first use and cache it per request. Each operation therefore makes a new
 * {@code RequestView} (as every request does) and reads the values a handler would; {@code exchangeOnly}
 * is that creation alone, to subtract. {@code decode*} time {@link UrlDecoding} by itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class QueryParsingBenchmark {
    private static final String ENCODED_QUERY = "q=hello%20world&tag=caf%C3%A9&name=a+b";

    // Inputs are fields (not constants) so the JIT cannot fold the decoding away.
    private String plainUri = "/search?q=helloworld";
    private String encodedQuery = ENCODED_QUERY;
    private EmbeddedChannel channel;
    private ConnectionInfo connection;
    private HttpRequest single, five, encoded, none, repeated;

    @Setup
    public void setup() {
        channel = new EmbeddedChannel();
        connection = new ConnectionInfo(channel.eventLoop(), channel.alloc(), null, null, java.util.Map.of());
        single = get("/items/42?q=hello");
        five = get("/search?a=1&b=2&c=3&d=4&q=hello");
        encoded = get("/search?" + ENCODED_QUERY);
        none = get("/items/42");
        repeated = get("/items?id=1&id=2&id=3&id=4");
        var ex = exchange(encoded);
        if (!"hello world".equals(ex.queryValue("q")) || !"café".equals(ex.queryValue("tag")) || !"a b".equals(ex.queryValue("name"))) {
            throw new IllegalStateException("query decoding changed: " + ex.queryValue("q") + " " + ex.queryValue("tag"));
        }
        if (exchange(repeated).queryValues("id").size() != 4) throw new IllegalStateException("repeated keys");
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    private static HttpRequest get(String uri) {
        var req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        req.headers().set("host", "localhost");
        return req;
    }

    private RequestView exchange(HttpRequest head) {
        return new RequestView(connection, head, Unpooled.EMPTY_BUFFER);
    }

    /** Creating the exchange only (baseline for the others). */
    @Benchmark
    public RequestView exchangeOnly() {
        return exchange(single);
    }

    /** {@code ?q=hello}: one pair. */
    @Benchmark
    public String single() {
        return exchange(single).queryValue("q");
    }

    /** Five pairs, the wanted one last. */
    @Benchmark
    public String fiveParamsLast() {
        return exchange(five).queryValue("q");
    }

    /** Three pairs with %-escapes, UTF-8 and '+', all three read. */
    @Benchmark
    public void encoded(Blackhole bh) {
        var ex = exchange(encoded);
        bh.consume(ex.queryValue("q"));
        bh.consume(ex.queryValue("tag"));
        bh.consume(ex.queryValue("name"));
    }

    /** No query string: an {@code Optional} parameter that is absent. */
    @Benchmark
    public String absent() {
        return exchange(none).queryValue("q");
    }

    /** {@code ?id=1&id=2&id=3&id=4} into a list. */
    @Benchmark
    public List<String> repeated() {
        return exchange(repeated).queryValues("id");
    }

    /** {@link UrlDecoding#decode} of plain text: the no-escape fast path (a substring). */
    @Benchmark
    public String decodePlain() {
        return UrlDecoding.decode(plainUri, 10, 20, true);
    }

    /** {@link UrlDecoding#decode} of the escaped query above as a whole. */
    @Benchmark
    public String decodeEncoded() {
        return UrlDecoding.decode(encodedQuery, 0, encodedQuery.length(), true);
    }
}
