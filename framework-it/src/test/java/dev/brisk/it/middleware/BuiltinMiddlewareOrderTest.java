package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Cors;
import dev.brisk.GZip;
import dev.brisk.Get;
import dev.brisk.Middleware;
import dev.brisk.RequestId;
import dev.brisk.Response;
import dev.brisk.TrustedHost;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built-in and user middleware in one chain: registration order is nesting order both ways, early
 * answers skip what is inside, and async or blocking user middleware between built-ins changes nothing.
 */
class BuiltinMiddlewareOrderTest {
    static final String BIG = "a line of text that compresses well\n".repeat(100);
    static final String ORIGIN = "https://app.example.com";

    public static class Routes {
        @Get("/text")
        public String text() {
            return BIG;
        }

        @Get("/later")
        public CompletableFuture<String> later() {
            return Async.sleep(Duration.ofMillis(5)).thenApply(v -> BIG);
        }
    }

    /** Records, on the way out, the headers it sees. */
    static Middleware seeing(String name, List<String> seen) {
        return (request, next) -> next.proceed().thenApply(res -> {
            seen.add(name + ": id=" + res.header("X-Request-ID").isPresent() + " gzip=" + res.header("Content-Encoding").isPresent()
                    + " cors=" + res.header("Access-Control-Allow-Origin").isPresent());
            return res;
        });
    }

    @Test
    void outerMiddlewareSeeWhatInnerBuiltinsAdded() {
        var seen = new CopyOnWriteArrayList<String>();
        var app = App.builder().middleware(seeing("outer", seen), RequestId.create(), Cors.allowOrigins(ORIGIN), GZip.create(),
                seeing("inner", seen)).include(new Routes()).build();
        try (var c = TestClient.of(app)) {
            var r = c.request("GET", "/text").header("Origin", ORIGIN).header("Accept-Encoding", "gzip").send();
            assertThat(r).hasHeader("Content-Encoding", "gzip").hasHeader("X-Request-ID").hasHeader("Access-Control-Allow-Origin", ORIGIN);
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG);
        }
        assertThat(seen).containsExactly("inner: id=false gzip=false cors=false", "outer: id=true gzip=true cors=true");
    }

    @Test
    void anEarlyAnswerSkipsWhatIsInsideAndPassesWhatIsOutside() {
        var seen = new CopyOnWriteArrayList<String>();
        var app = App.builder().middleware(seeing("outer", seen), RequestId.create(), TrustedHost.of("example.com"), seeing("inner", seen))
                .include(new Routes()).build();
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/text")).hasStatus(400).hasHeader("X-Request-ID");
        }
        assertThat(seen).containsExactly("outer: id=true gzip=false cors=false");
    }

    @Test
    void asyncAndBlockingUserMiddlewareBetweenBuiltins() {
        Middleware async = (request, next) -> CompletableFuture.supplyAsync(() -> null)
                .thenCompose(v -> next.proceed()).thenApply(res -> res.header("X-Async", "yes"));
        Middleware blocking = Middleware.blocking((request, next) -> {
            Thread.sleep(2);
            return next.proceed().header("X-Blocking", "yes");
        });
        var app = App.builder().middleware(Cors.allowOrigins(ORIGIN), async, GZip.create(), blocking).include(new Routes()).build();
        try (var c = TestClient.of(app)) {
            for (String path : List.of("/text", "/later")) {
                var r = c.request("GET", path).header("Origin", ORIGIN).header("Accept-Encoding", "gzip").send();
                assertThat(r).as(path).hasStatus(200).hasHeader("X-Async", "yes").hasHeader("X-Blocking", "yes")
                        .hasHeader("Content-Encoding", "gzip").hasHeader("Access-Control-Allow-Origin", ORIGIN);
                assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG);
            }
        }
    }

    @Test
    void aBodyReplacedByInnerMiddlewareIsWhatGetsCompressed() {
        Middleware replacing = (request, next) -> next.proceed().thenApply(res -> res.body(BIG.toUpperCase()));
        try (var c = TestClient.of(App.builder().middleware(GZip.create(), replacing).include(new Routes()).build())) {
            var r = c.request("GET", "/text").header("Accept-Encoding", "gzip").send();
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG.toUpperCase());
        }
        // Outside GZip, a middleware sees the compressed bytes it would send.
        var sizes = new CopyOnWriteArrayList<Integer>();
        Middleware measuring = (request, next) -> next.proceed().thenApply(res -> {
            sizes.add(((byte[]) res.body()).length);
            return res;
        });
        try (var c = TestClient.of(App.builder().middleware(measuring, GZip.create()).include(new Routes()).build())) {
            var r = c.request("GET", "/text").header("Accept-Encoding", "gzip").send();
            assertThat(sizes).containsExactly(r.bytes().length);
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG);
        }
    }

    @Test
    void aUserMiddlewaresOwnResponseGetsTheBuiltinsOfOutside() {
        Middleware answering = (request, next) -> CompletableFuture.completedFuture(Response.text(BIG).setStatus(503));
        try (var c = TestClient.of(App.builder().middleware(RequestId.create(), GZip.create(), answering).include(new Routes()).build())) {
            var r = c.request("GET", "/text").header("Accept-Encoding", "gzip").send();
            assertThat(r).hasStatus(503).hasHeader("X-Request-ID").hasHeader("Content-Encoding", "gzip");
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG);
        }
    }
}
