package dev.brisk.internal.dev;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After 20 reloads, the class loaders of the 20 old generations are garbage: nothing in Brisk, Netty,
 * Jackson or Hibernate Validator keeps them reachable, although each generation served every kind of
 * route (worker and event-loop handlers, JSON in and out, a validated body and a custom constraint,
 * an enum parameter, a dependency, Async.sleep and Async.offload, a background task, a 404 and a 422).
 */
class OldGenerationsCollectedTest {
    static final int RELOADS = 20;

    static final String MAIN = """
            package app;

            import dev.brisk.*;

            public class Main {
                public static void main(String[] args) {
                    App.builder().include(new Routes()).include(Deps.class)
                       .exceptionHandler(IllegalArgumentException.class, (e, req) -> Response.json(400, java.util.Map.of("bad", e.getMessage())))
                       .build().run("127.0.0.1", 0);
                }
            }
            """;

    static final String EVEN = """
            package app;

            import jakarta.validation.*;
            import java.lang.annotation.*;

            @Constraint(validatedBy = Even.Check.class)
            @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
            @Retention(RetentionPolicy.RUNTIME)
            public @interface Even {
                String message() default "must be even";
                Class<?>[] groups() default {};
                Class<? extends Payload>[] payload() default {};

                class Check implements ConstraintValidator<Even, Integer> {
                    @Override public boolean isValid(Integer v, ConstraintValidatorContext c) { return v == null || v % 2 == 0; }
                }
            }
            """;

    static final String DEPS = """
            package app;

            import dev.brisk.*;

            public class Deps {
                public record Clock(long started) {}
                @Provides public static Clock clock() { return new Clock(42); }
            }
            """;

    static String routes(String version) {
        return """
                package app;

                import dev.brisk.*;
                import jakarta.validation.constraints.*;
                import java.time.Duration;
                import java.util.concurrent.CompletableFuture;

                public class Routes {
                    static final String VERSION = "%s";
                    public enum Color { RED, GREEN }
                    public record Item(String name, double price, String version) {}
                    public record NewItem(@NotBlank String name, @Positive double price) {}

                    @Get("/text") public String text() { return "text " + VERSION; }
                    @Get("/item") public CompletableFuture<Item> item() {
                        return Async.sleep(Duration.ofMillis(1)).thenApply(v -> new Item("loop", 1.5, VERSION));
                    }
                    @Post("/items") public Item create(NewItem item, BackgroundTasks tasks) {
                        tasks.add(() -> { });
                        return new Item(item.name(), item.price(), VERSION);
                    }
                    @Get("/color") public String color(Color color, @Even @Query(defaultValue = "2") int n) { return color + " " + n; }
                    @Get("/offload") public CompletableFuture<String> offload() { return Async.offload(() -> "offloaded " + VERSION); }
                    @Get("/dep") public long dep(Deps.Clock clock) { return clock.started(); }
                    @Get("/bad") public String bad() { throw new IllegalArgumentException("nope"); }
                    @Get("/missing") public String missing() { throw new HttpException(404, "gone"); }
                }
                """.formatted(version);
    }

    @Test
    void theLoadersOfOldGenerationsAreGarbageCollected() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN).write("app/Even.java", EVEN).write("app/Deps.java", DEPS);
            // Two builds of the app, copied over the class directory in turn (as fast as an IDE's build).
            Path odd = p.dir.resolve("odd");
            p.write("app/Routes.java", routes("odd")).compileTo(odd);
            Path even = p.dir.resolve("even");
            p.write("app/Routes.java", routes("even")).compileTo(even);
            p.install(even);

            var loaders = new ArrayList<WeakReference<ClassLoader>>();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                int port = session.port();
                for (int i = 1; i <= RELOADS + 1; i++) {
                    String version = i % 2 == 0 ? "odd" : "even";
                    if (i > 1) {
                        p.install(version.equals("odd") ? odd : even);
                        p.getUntil(port, "/text", r -> r.body().equals("text " + version), 20);
                    }
                    assertThat(session.serving()).isEqualTo(i);
                    loaders.add(new WeakReference<>(session.loader()));
                    exercise(p, port, version);
                }
                session.awaitRetired(Duration.ofSeconds(30));
                var alive = awaitCollected(loaders.subList(0, RELOADS));
                if (!alive.isEmpty()) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        System.err.println("thread " + t.getName() + " context loader " + t.getContextClassLoader());
                    }
                    dumpHeap(p);
                }
                assertThat(alive).as("generations whose loader is still reachable").isEmpty();
                assertThat(loaders.get(RELOADS).get()).as("the serving generation's loader").isNotNull();
                assertThat(session.history()).hasSize(RELOADS + 1).allSatisfy(r -> assertThat(r.failure()).isEmpty());
            }
        }
    }

    private static void exercise(DevProject p, int port, String version) throws Exception {
        assertThat(p.get(port, "/item").body()).isEqualTo("{\"name\":\"loop\",\"price\":1.5,\"version\":\"" + version + "\"}");
        var created = p.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"price\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        var invalid = p.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\" \",\"price\":-1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(p.get(port, "/color?color=GREEN&n=4").body()).isEqualTo("GREEN 4");
        assertThat(p.get(port, "/color?color=BLUE").statusCode()).isEqualTo(422);
        assertThat(p.get(port, "/color?color=RED&n=3").body()).contains("must be even");
        assertThat(p.get(port, "/offload").body()).isEqualTo("offloaded " + version);
        assertThat(p.get(port, "/dep").body()).isEqualTo("42");
        assertThat(p.get(port, "/bad").statusCode()).isEqualTo(400);
        assertThat(p.get(port, "/missing").statusCode()).isEqualTo(404);
        assertThat(p.get(port, "/nowhere").statusCode()).isEqualTo(404);
    }

    /** Collects until every loader is gone or 20 s have passed; returns the generations still alive. */
    static List<Integer> awaitCollected(List<WeakReference<ClassLoader>> refs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            System.gc();
            var alive = new ArrayList<Integer>();
            for (int i = 0; i < refs.size(); i++) if (refs.get(i).get() != null) alive.add(i + 1);
            if (alive.isEmpty() || System.nanoTime() > deadline) return alive;
            Thread.sleep(100);
        }
    }

    private static void dumpHeap(DevProject p) {
        try {
            Path target = Path.of("target", "old-generations.hprof").toAbsolutePath();
            Files.deleteIfExists(target);
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), String.valueOf(ProcessHandle.current().pid()), "GC.heap_dump", target.toString())
                    .inheritIO().start().waitFor();
            System.err.println("heap dump of the leak: " + target);
        } catch (Exception e) {
            System.err.println("no heap dump: " + e);
        }
    }
}
