package dev.brisk.internal.dev;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that does not compile, or compiles but fails to start, keeps the last good generation
 * serving: the error is logged and shown to the next request (HTML to a browser, text otherwise),
 * the requests after it get the old generation, and the next good change is served.
 */
class BrokenReloadTest {
    static final String MAIN = """
            package app;

            public class Main {
                public static void main(String[] args) {
                    dev.brisk.App.builder().include(new Hello()).build().run("127.0.0.1", 0);
                }
            }
            """;

    static String hello(String body) {
        return """
                package app;

                import dev.brisk.*;

                public class Hello {
                    %s
                }
                """.formatted(body);
    }

    static final String GOOD_V1 = hello("@Get(\"/hello\") public String hello() { return \"v1\"; }");
    static final String GOOD_V3 = hello("@Get(\"/hello\") public String hello() { return \"v3\"; }");

    @Test
    void aCompileErrorKeepsTheOldGenerationAndShowsTheErrorOnce() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN).write("app/Hello.java", GOOD_V1).compile();
            try (var session = DevSession.start(p.mavenOptions("app.Main"))) {
                int port = session.port();
                assertThat(p.get(port, "/hello").body()).isEqualTo("v1");

                p.write("app/Hello.java", hello("@Get(\"/hello\") public String hello() { return undefinedName; }"));
                assertThat(session.awaitAttempts(2, Duration.ofSeconds(30))).isTrue();
                assertThat(session.history().get(1).failure()).hasValueSatisfying(f -> assertThat(f).startsWith("Compilation failed"));
                assertThat(session.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("Hello.java:6", "cannot find symbol", "undefinedName"));

                var page = p.get(port, "/hello", "Accept", "text/html,application/xhtml+xml");
                assertThat(page.statusCode()).isEqualTo(500);
                assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
                assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
                assertThat(page.body()).contains("<h1>Compilation failed</h1>", "cannot find symbol", "undefinedName");

                var next = p.get(port, "/hello");
                assertThat(next.statusCode()).as("the old generation serves the next request").isEqualTo(200);
                assertThat(next.body()).isEqualTo("v1");
                assertThat(session.serving()).isEqualTo(1);

                p.write("app/Hello.java", GOOD_V3);
                p.getUntil(port, "/hello", r -> r.body().equals("v3"), 30);
                assertThat(session.lastFailure()).isEmpty();
                assertThat(session.port()).isEqualTo(port);
            }
        }
    }

    @Test
    void aStartupFailureKeepsTheOldGenerationAndShowsTheErrorOnce() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN).write("app/Hello.java", GOOD_V1).compile();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                int port = session.port();
                assertThat(p.get(port, "/hello").body()).isEqualTo("v1");

                // compiles, but the route's parameter type cannot be bound: the app fails to build
                p.write("app/Hello.java", hello("@Get(\"/hello/{id}\") public String hello(Thread id) { return \"v2\"; }")).compile();
                assertThat(session.awaitAttempts(2, Duration.ofSeconds(30))).isTrue();
                assertThat(session.history().get(1).failure()).hasValueSatisfying(f -> assertThat(f).startsWith("Startup failed"));

                var page = p.get(port, "/hello");
                assertThat(page.statusCode()).isEqualTo(500);
                assertThat(page.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
                assertThat(page.body()).startsWith("Brisk dev mode: Startup failed").contains("StartupException", "Hello.hello");

                assertThat(p.get(port, "/hello").body()).isEqualTo("v1");

                p.write("app/Hello.java", GOOD_V3).compile();
                p.getUntil(port, "/hello", r -> r.body().equals("v3"), 30);
            }
        }
    }

    @Test
    void aFailingStartupHookKeepsTheOldGeneration() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN).write("app/Hello.java", GOOD_V1).compile();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                int port = session.port();
                p.write("app/Hello.java", hello("""
                        @Get("/hello") public String hello() { return "v2"; }
                        @OnStartup public void connect() { throw new IllegalStateException("database unreachable"); }
                        """)).compile();
                assertThat(session.awaitAttempts(2, Duration.ofSeconds(30))).isTrue();
                var page = p.get(port, "/hello");
                assertThat(page.statusCode()).isEqualTo(500);
                assertThat(page.body()).contains("Startup failed", "database unreachable");
                assertThat(p.get(port, "/hello").body()).isEqualTo("v1");
            }
        }
    }
}
