package dev.brisk.extension;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Request;
import dev.brisk.Server;
import dev.brisk.Workers;
import dev.brisk.transport.RawHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an extension can do through its context: see every request (404, 405, 413 and 503 included),
 * add a filter, hook into routes by their annotations (answer before binding, see the bound arguments
 * and answer or go on, possibly after I/O, change the reply), and run at startup and shutdown.
 */
class ExtensionHooksTest {
    static final CountDownLatch HOLD = new CountDownLatch(1);

    public static class Routes {
        @Get("/plain/{id}")
        @Hooked("observe")
        public String plain(int id, String q) {
            return "plain " + id + " " + q;
        }

        @Get("/loop/{id}")
        @Hooked("continue-later")
        public CompletableFuture<String> loop(int id) {
            return CompletableFuture.completedFuture("loop " + id + " on " + Thread.currentThread().getName().replaceAll("-\\d+$", ""));
        }

        @Get("/later")
        @Hooked("answer-later")
        public String later() {
            throw new AssertionError("the hook answers instead");
        }

        @Get("/denied")
        @Hooked("deny")
        public String denied(int required) {
            throw new AssertionError("never bound, never called");
        }

        @Get("/hold")
        public String hold() throws InterruptedException {
            HOLD.await(5, TimeUnit.SECONDS);
            return "held";
        }

        @Post("/body")
        public String body(Request r) {
            return r.bodyText();
        }
    }

    @Test
    void routeHooksRunByAnnotationAndSeeTheBoundArguments() throws Exception {
        String title = "ext-test-hooks";
        Server s = App.builder().title(title).docs(false).eventLoops(1).include(new Routes()).build().start("127.0.0.1", 0);
        try (var c = RawHttp.connect(s.port())) {
            var plain = c.exchange(get("/plain/7?q=x"));
            assertThat(plain.text()).isEqualTo("plain 7 x");
            assertThat(plain.header("x-hook")).isEqualTo("observe");
            assertThat(plain.header("x-extension")).isEqualTo("seen");

            var loop = c.exchange(get("/loop/3"));
            assertThat(loop.text()).startsWith("loop 3 on brisk-loop");   // resumed on the route's own loop after the hook's I/O
            assertThat(loop.header("x-hook")).isEqualTo("continue-later");

            var later = c.exchange(get("/later"));
            assertThat(later.text()).isEqualTo("from the hook");
            assertThat(later.header("x-hook")).isEqualTo("answer-later");

            var denied = c.exchange(get("/denied"));   // answered before binding: no 422 for the missing parameter
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.header("x-hook")).isEqualTo("deny");
            assertThat(denied.header("x-extension")).isEqualTo("seen");
        } finally {
            s.close();
        }
        assertThat(RecordingExtension.EVENTS.get(title)).containsSubsequence("startup", "beforeInvoke [7, x]",
                "completed 200 /plain/{id} timed", "beforeInvoke [3]", "completed 200 /loop/{id} timed",
                "completed 200 /later timed", "completed 403 /denied timed", "shutdown");
    }

    @Test
    void theListenerSeesRequestsWithoutARoute() throws Exception {
        String title = "ext-test-listener";
        Server s = App.builder().title(title).docs(false).eventLoops(1).maxBodySize(4).workers(Workers.platform(1, 0))
                .include(new Routes()).build().start("127.0.0.1", 0);
        try {
            try (var c = RawHttp.connect(s.port())) {
                assertThat(c.exchange(get("/nowhere")).header("x-extension")).isEqualTo("seen");
                assertThat(c.exchange("DELETE /plain/1 HTTP/1.1\r\nHost: t\r\n\r\n").status()).isEqualTo(405);
            }
            try (var c = RawHttp.connect(s.port())) {
                var big = c.exchange("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n0123456789");
                assertThat(big.status()).isEqualTo(413);
                assertThat(big.header("x-extension")).isEqualTo("seen");
            }
            try (var busy = RawHttp.connect(s.port()).send(get("/hold"))) {
                Thread.sleep(100);   // the one worker is taken
                try (var c = RawHttp.connect(s.port())) {
                    var full = c.exchange(get("/hold"));
                    assertThat(full.status()).isEqualTo(503);
                    assertThat(full.header("x-extension")).isEqualTo("seen");
                }
                HOLD.countDown();
                assertThat(busy.read().text()).isEqualTo("held");
            }
        } finally {
            s.close(Duration.ofSeconds(2));
        }
        assertThat(RecordingExtension.EVENTS.get(title)).contains("completed 404 /nowhere timed", "completed 405 /plain/1 timed",
                "completed 413 /body timed", "completed 503 /hold timed", "completed 200 /hold timed");
    }
}
