package dev.brisk.it.middleware;

import dev.brisk.AccessLog;
import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.RequestId;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The access log: one logfmt line per request, with what it says and what it never says. */
class AccessLogTest {
    public record Item(int id, String name) {
    }

    public static class Routes {
        @Get("/items/{id}")
        public Item item(int id) {
            return new Item(id, "item " + id);
        }

        @Get("/items")
        public List<Item> items() {
            return IntStream.range(0, 100).mapToObj(i -> new Item(i, "item " + i)).toList();
        }

        @Post(value = "/items", status = 204)
        public void create() {
        }

        @Get("/private/{token}")
        public Map<String, Boolean> secret(String token) {
            return Map.of("ok", true);
        }

        @Get("/teapot")
        public String teapot() {
            throw new HttpException(418, "short and stout");
        }
    }

    static App app(dev.brisk.Middleware... middleware) {
        return App.builder().middleware(middleware).include(new Routes()).build();
    }

    static final String LINE = "method=GET path=/items/\\{id} status=200 bytes=\\d+ duration_ms=\\d+\\.\\d{3}";

    @Test
    void oneLinePerRequestWithTheRouteTemplate() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(AccessLog.create()))) {
            var r = c.get("/items/42");
            var lines = log.await(1);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).matches(LINE).contains("bytes=" + r.bytes().length).doesNotContain("request_id");
        }
    }

    @Test
    void statusesBytesAndUnmatchedPaths() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(AccessLog.create()))) {
            c.post("/items", null);
            c.head("/items/1");
            c.get("/teapot");
            c.get("/nowhere/at/all?page=2");
            c.request("DELETE", "/items/1").send();
            c.get("/items/x");
            var lines = log.await(6);
            assertThat(lines.get(0)).startsWith("method=POST path=/items status=204 bytes=0 ");
            assertThat(lines.get(1)).as("HEAD sends no body").startsWith("method=HEAD path=/items/{id} status=200 bytes=0 ");
            assertThat(lines.get(2)).startsWith("method=GET path=/teapot status=418 bytes=28 ");
            assertThat(lines.get(3)).as("no route: the raw path, without query").startsWith("method=GET path=/nowhere/at/all status=404 bytes=22 ");
            assertThat(lines.get(4)).startsWith("method=DELETE path=/items/1 status=405 ");
            assertThat(lines.get(5)).startsWith("method=GET path=/items/{id} status=422 ");
        }
    }

    @Test
    void secretsNeverAppear() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(AccessLog.create()))) {
            c.request("GET", "/private/TOKEN-IN-PATH?api_key=KEY-IN-QUERY&access_token=TOKEN-IN-QUERY")
                    .header("Authorization", "Bearer BEARER-SECRET")
                    .header("Cookie", "session=COOKIE-SECRET")
                    .header("X-API-Key", "HEADER-SECRET")
                    .send();
            c.get("/missing?api_key=KEY-IN-404-QUERY");
            var lines = log.await(2);
            assertThat(lines.get(0)).startsWith("method=GET path=/private/{token} status=200 ");
            assertThat(lines.get(1)).startsWith("method=GET path=/missing status=404 ");
            for (String secret : List.of("TOKEN-IN-PATH", "KEY-IN-QUERY", "TOKEN-IN-QUERY", "BEARER-SECRET", "COOKIE-SECRET", "HEADER-SECRET",
                    "KEY-IN-404-QUERY", "api_key", "Authorization", "Cookie")) {
                assertThat(log.all()).as("everything logged").doesNotContain(secret);
            }
        }
    }

    @Test
    void theRequestIdIsLoggedWhicheverComesFirst() {
        for (var order : List.of(List.<dev.brisk.Middleware>of(AccessLog.create(), RequestId.create()), List.<dev.brisk.Middleware>of(RequestId.create(), AccessLog.create()))) {
            try (var log = LogCapture.of("dev.brisk.access");
                 var c = TestClient.of(app(order.toArray(dev.brisk.Middleware[]::new)))) {
                c.request("GET", "/items/1").header("X-Request-ID", "req-77").send();
                c.get("/nowhere");
                var lines = log.await(2);
                assertThat(lines.get(0)).endsWith(" request_id=req-77");
                assertThat(lines.get(1)).containsPattern(" request_id=[0-9a-f-]{36}$");
            }
        }
    }

    @Test
    void bytesAreWhatIsSentWhenTheLogIsOutermost() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(AccessLog.create(), GZip.create()))) {
            var r = c.request("GET", "/items").header("Accept-Encoding", "gzip").send();
            assertThat(r).hasHeader("Content-Encoding", "gzip");
            assertThat(log.await(1).get(0)).contains(" bytes=" + r.bytes().length + " ");
        }
    }

    @Test
    void oddPathsAreQuotedSoALineStaysOneRecord() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(AccessLog.create()))) {
            c.get("/a=b/x%20y");
            c.get("/quote\"d");
            var lines = log.await(2);
            assertThat(lines.get(0)).startsWith("method=GET path=\"/a=b/x%20y\" status=404 ");
            assertThat(lines.get(1)).startsWith("method=GET path=/quote%22d status=404 ");
        }
    }

    @Test
    void anotherLoggerAndNothingWithoutTheMiddleware() throws InterruptedException {
        try (var log = LogCapture.of("shop.access"); var all = LogCapture.of("dev.brisk.access");
             var c = TestClient.of(app(AccessLog.create().logger("shop.access")))) {
            c.get("/items/1");
            assertThat(log.await(1).get(0)).matches(LINE);
            assertThat(all.messages()).isEmpty();
        }
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app())) {
            c.get("/items/1");
            c.get("/nowhere");
            Thread.sleep(100);   // lines would come right after the responses
            assertThat(log.messages()).isEmpty();
        }
    }
}
