package dev.brisk.internal.dev;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed class file is served by a new generation on the same port; a request in flight when
 * the change lands finishes on the old generation, whose shutdown hooks run after it.
 */
class ReloadOnChangeTest {
    static String main(Path log) {
        return """
                package app;

                import dev.brisk.App;
                import java.nio.file.*;

                public class Main {
                    public static void main(String[] args) {
                        App.builder().include(new Hello())
                           .onShutdown(() -> Files.writeString(Path.of("%s"), "stopped " + Hello.VERSION + "\\n",
                                   StandardOpenOption.CREATE, StandardOpenOption.APPEND))
                           .build().run("127.0.0.1", 0);
                    }
                }
                """.formatted(log.toString().replace("\\", "\\\\"));
    }

    static String hello(String version) {
        return """
                package app;

                import dev.brisk.*;

                public class Hello {
                    static final String VERSION = "%s";

                    @Get("/hello")
                    public String hello() { return "hello " + VERSION; }

                    @Get("/slow")
                    public String slow(String marker) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(marker), "in the handler");
                        Thread.sleep(1500);
                        return "slow " + VERSION;
                    }
                }
                """.formatted(version);
    }

    @Test
    void aChangedClassIsServedOnTheSamePort() throws Exception {
        try (var p = new DevProject()) {
            Path log = p.dir.resolve("shutdown.log");
            p.write("app/Main.java", main(log)).write("app/Hello.java", hello("v1")).compile();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                int port = session.port();
                assertThat(port).isPositive();
                assertThat(p.get(port, "/hello").body()).isEqualTo("hello v1");
                assertThat(session.serving()).isEqualTo(1);

                p.write("app/Hello.java", hello("v2")).compile();
                p.getUntil(port, "/hello", r -> r.body().equals("hello v2"), 20);
                assertThat(session.port()).isEqualTo(port);
                assertThat(session.serving()).isEqualTo(2);
                session.awaitRetired(Duration.ofSeconds(20));
                assertThat(Files.readString(log)).as("the old generation's shutdown hook").isEqualTo("stopped v1\n");
                assertThat(session.history()).hasSize(2);
                assertThat(session.history().get(1).failure()).isEmpty();
            }
            assertThat(Files.readString(log)).as("closing the session stops the last one").isEqualTo("stopped v1\nstopped v2\n");
        }
    }

    @Test
    void aRequestInFlightFinishesOnTheOldGeneration() throws Exception {
        try (var p = new DevProject()) {
            Path log = p.dir.resolve("shutdown.log");
            Path marker = p.dir.resolve("entered");
            p.write("app/Main.java", main(log)).write("app/Hello.java", hello("v2"));
            Path v2 = p.dir.resolve("v2");
            p.compileTo(v2);
            p.write("app/Hello.java", hello("v1")).compile();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                int port = session.port();
                String slowPath = "/slow?marker=" + java.net.URLEncoder.encode(marker.toString(), java.nio.charset.StandardCharsets.UTF_8);
                CompletableFuture<HttpResponse<String>> slow = p.http().sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + slowPath)).build(), HttpResponse.BodyHandlers.ofString());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.exists(marker) && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(marker).as("the request reached the handler").exists();
                p.install(v2);
                p.getUntil(port, "/hello", r -> r.body().equals("hello v2"), 20);
                assertThat(slow.isDone()).as("the new generation serves while the old one still works on /slow").isFalse();
                assertThat(Files.exists(log)).as("no shutdown hook while a request is in flight").isFalse();
                var r = slow.get(10, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("slow v1");
                session.awaitRetired(Duration.ofSeconds(20));
                assertThat(Files.readString(log)).isEqualTo("stopped v1\n");
            }
        }
    }
}
