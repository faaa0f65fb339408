package dev.brisk.transport;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that has reached the server is answered, also when the process is told to stop right
 * after it arrived: 100 clients each open a connection and send a request to a handler that sleeps
 * 100 ms, and the server gets SIGTERM just after (the way the bench app was found to drop about
 * half of them). Every client must get its 200 (with {@code Connection: close} when the drain had begun). The server runs
 * in a child JVM started with {@code App.run}, so the signal takes the real shutdown path.
 */
class ShutdownLosesNoRequestsTest {
    private static final int CLIENTS = 100;
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    public static class Routes {
        @Get("/sync-sleep")
        public String syncSleep() throws InterruptedException {
            Thread.sleep(100);
            return "slept";
        }
    }

    /** Child JVM entry point. */
    public static void main(String[] args) {
        App.builder().include(new Routes()).docs(false).build().run("127.0.0.1", 0);
    }

    @RepeatedTest(3)
    void sigtermRightAfterTheRequestsArrive() throws Exception {
        assertEveryClientAnswered(50);
    }

    @Test
    void sigtermWhileTheRequestsAreStillBeingSent() throws Exception {
        assertEveryClientAnswered(0);
    }

    private static void assertEveryClientAnswered(long signalAfterMillis) throws Exception {
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownLosesNoRequestsTest.class.getName())
                .redirectErrorStream(true).start();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            int port = awaitPort(child);
            var clients = new ArrayList<RawHttp>(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) clients.add(RawHttp.connect(port));
            for (var c : clients) c.send(RawHttp.get("/sync-sleep"));
            if (signalAfterMillis > 0) Thread.sleep(signalAfterMillis);
            child.destroy();   // SIGTERM
            var answers = new ArrayList<CompletableFuture<String>>();
            for (var c : clients) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try (c) {
                        var r = c.read();
                        // A response finished before the drain began may keep the connection (the drain closes it after).
                        String close = r.header("connection");
                        return r.status() + " " + r.text() + (close == null || close.equals("close") ? "" : " connection: " + close);
                    } catch (RuntimeException e) {
                        return "failed: " + e;
                    }
                }, pool));
            }
            List<String> got = new ArrayList<>();
            for (var a : answers) got.add(a.get(30, TimeUnit.SECONDS));
            assertThat(got).allSatisfy(s -> assertThat(s).isEqualTo("200 slept"));
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
            child.destroyForcibly();
        }
    }

    private static int awaitPort(Process child) throws IOException {
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        var seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            var m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining the child's output so it never blocks on a full pipe.
                var drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child is gone
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the child never said where it listens:\n" + seen);
    }
}
