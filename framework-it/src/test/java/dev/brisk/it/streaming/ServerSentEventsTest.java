package dev.brisk.it.streaming;

import dev.brisk.App;
import dev.brisk.EventStream;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Post;
import dev.brisk.ServerSentEvent;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Event streams: headers, every field of the wire format, payload encoding, POST, Last-Event-ID, keep-alive, pushed events. */
class ServerSentEventsTest {
    public record Tick(int n) {}

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "test-timer");
        t.setDaemon(true);
        return t;
    });

    public static class Routes {
        @Get("/ticks")
        public EventStream<Tick> ticks() {
            return EventStream.of(IntStream.rangeClosed(1, 3).mapToObj(i ->
                    ServerSentEvent.of(new Tick(i)).withEvent("tick").withId(String.valueOf(i))));
        }

        @Get("/plain")
        public EventStream<Object> plain() {
            return EventStream.of(List.<Object>of("one line", "two\nlines", "crlf\r\nand\rcr", new Tick(7),
                    ServerSentEvent.of("x").withRetry(Duration.ofSeconds(3)).withComment("note"),
                    ServerSentEvent.comment("only a comment"), "last").iterator());
        }

        @Post("/chat")
        public EventStream<String> chat(Question question) {
            return EventStream.of(List.of("you asked: " + question.text(), "done").iterator());
        }

        @Get("/resume")
        public EventStream<Tick> resume(@Header Optional<Integer> lastEventId) {
            int from = lastEventId.map(i -> i + 1).orElse(1);
            return EventStream.of(IntStream.range(from, from + 2).mapToObj(i -> ServerSentEvent.of(new Tick(i)).withId(String.valueOf(i))));
        }

        @Get("/quiet")
        public EventStream<String> quiet() {
            return EventStream.<String>create(e -> { }).keepAlive(Duration.ofMillis(100));
        }

        @Get("/pushed")
        public EventStream<Tick> pushed() {
            return EventStream.create(emitter -> {
                var n = new AtomicInteger();
                var task = TIMER.scheduleAtFixedRate(() -> {
                    int i = n.incrementAndGet();
                    emitter.send(new Tick(i));
                    if (i == 3) emitter.complete();
                }, 0, 10, TimeUnit.MILLISECONDS);
                emitter.onClose(() -> task.cancel(false));
            });
        }
    }

    public record Question(String text) {}

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new Routes()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void anEventStreamHasItsHeadersAndEvents() {
        try (var s = client.stream("/ticks")) {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            assertThat(s.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(s.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
            for (int i = 1; i <= 3; i++) {
                var e = s.nextEvent().orElseThrow();
                assertThat(e.event()).isEqualTo("tick");
                assertThat(e.id()).contains(String.valueOf(i));
                assertThat(e.data()).isEqualTo("{\"n\":" + i + "}");
                assertThat(e.json(Tick.class)).isEqualTo(new Tick(i));
            }
            assertThat(s.nextEvent()).isEmpty();
        }
    }

    @Test
    void theWireFormatIsExact() {
        String body = client.get("/ticks").text();
        assertThat(body).isEqualTo("event: tick\ndata: {\"n\":1}\nid: 1\n\n"
                + "event: tick\ndata: {\"n\":2}\nid: 2\n\n"
                + "event: tick\ndata: {\"n\":3}\nid: 3\n\n");
    }

    @Test
    void stringsAreSentAsTextAndSplitIntoDataLines() {
        String body = client.get("/plain").text();
        assertThat(body).isEqualTo("data: one line\n\n"
                + "data: two\ndata: lines\n\n"
                + "data: crlf\ndata: and\ndata: cr\n\n"
                + "data: {\"n\":7}\n\n"
                + ": note\ndata: x\nretry: 3000\n\n"
                + ": only a comment\n\n"
                + "data: last\n\n");
        try (var s = client.stream("/plain")) {
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("one line");
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("two\nlines");
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("crlf\nand\ncr");
            assertThat(s.nextEvent().orElseThrow().json().get("n").asInt()).isEqualTo(7);
            var withRetry = s.nextEvent().orElseThrow();
            assertThat(withRetry.retry()).contains(3000L);
            assertThat(withRetry.comments()).containsExactly("note");
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("last");   // the comment-only block is skipped
        }
    }

    @Test
    void idsAndNamesMustBeSingleLine() {
        assertThatThrownBy(() -> ServerSentEvent.of("x").withId("1\n2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSentEvent.of("x").withId("1\r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSentEvent.of("x").withId("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> ServerSentEvent.of("x").withEvent("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSentEvent.of("x").withRetry(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postRoutesStreamEventsToo() {
        try (var s = client.request("POST", "/chat").json(new Question("why?")).stream()) {
            assertThat(s.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("you asked: why?");
            assertThat(s.nextEvent().orElseThrow().data()).isEqualTo("done");
            assertThat(s.nextEvent()).isEmpty();
        }
    }

    @Test
    void lastEventIdIsATypedHeader() {
        try (var s = client.request("GET", "/resume").header("Last-Event-ID", "41").stream()) {
            assertThat(s.nextEvent().orElseThrow().id()).contains("42");
            assertThat(s.nextEvent().orElseThrow().id()).contains("43");
        }
        try (var s = client.stream("/resume")) {
            assertThat(s.nextEvent().orElseThrow().id()).contains("1");
        }
        var bad = client.request("GET", "/resume").header("Last-Event-ID", "abc").send();
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/detail/0/loc").toString()).isEqualTo("[\"header\",\"last-event-id\"]");
    }

    @Test
    void anIdleStreamSendsKeepAliveComments() {
        try (var s = client.stream("/quiet")) {
            long start = System.nanoTime();
            var chunk = s.nextChunk(Duration.ofSeconds(5)).orElseThrow();
            assertThat(new String(chunk, StandardCharsets.UTF_8)).isEqualTo(": ping\n\n");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(80));
            assertThat(new String(s.nextChunk(Duration.ofSeconds(5)).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(": ping\n\n");
        }
    }

    @Test
    void pushedEventsArriveInOrder() {
        try (var s = client.stream("/pushed")) {
            for (int i = 1; i <= 3; i++) assertThat(s.nextEvent().orElseThrow().json(Tick.class)).isEqualTo(new Tick(i));
            assertThat(s.nextEvent()).isEmpty();
        }
    }
}
