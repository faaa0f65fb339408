package dev.brisk.examples.shop;

import dev.brisk.internal.dev.DevOptions;
import dev.brisk.internal.dev.DevSession;
import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop example in dev mode, with the OpenAPI extension in every generation: 20 changes of
 * {@code Items} are each served on the same port (the 404 message and the OpenAPI document show the
 * new code), and afterwards the 20 old generations' class loaders are garbage, swagger-core's and
 * Jackson's caches included.
 */
class ShopReloadTest {
    static final int RELOADS = 20;
    static final String MARKER = "new HttpException(404, \"Item not found\")";

    @Test
    void twentyReloadsOfTheShopLeaveNoOldGenerationBehind() throws Exception {
        Path work = Files.createTempDirectory("brisk-shop-reload");
        Path root = copyOf(Path.of(ShopApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()), work.resolve("classes"));
        String items = Files.readString(Path.of("src/main/java/dev/brisk/examples/shop/Items.java"));
        assertThat(items).contains(MARKER);
        Path[] builds = {compile(work, items, "a"), compile(work, items, "b")};

        var options = DevOptions.classes("dev.brisk.examples.Main", List.of("shop", "--port", "0"), List.of(root), false);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var loaders = new ArrayList<WeakReference<ClassLoader>>();
        try (var session = DevSession.start(options)) {
            int port = session.port();
            assertThat(get(http, port, "/items/999").body()).isEqualTo("{\"detail\":\"Item not found\"}");
            loaders.add(new WeakReference<>(session.servingLoader().orElseThrow()));
            for (int i = 0; i < RELOADS; i++) {
                String tag = i % 2 == 0 ? "a" : "b";
                copy(builds[i % 2], root);
                awaitBody(http, port, "/items/999", "Item not found (" + tag + ")");
                assertThat(session.port()).isEqualTo(port);
                assertThat(get(http, port, "/openapi.json").body()).contains("\"title\":\"Shop\"", "\"/items/{id}\"");
                assertThat(get(http, port, "/docs").statusCode()).isEqualTo(200);
                var created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Widget\",\"price\":2.5}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(get(http, port, "/items?limit=1000").statusCode()).isEqualTo(422);
                loaders.add(new WeakReference<>(session.servingLoader().orElseThrow()));
            }
            session.awaitRetired(Duration.ofSeconds(30));
            var alive = new ArrayList<Integer>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                System.gc();
                alive.clear();
                for (int i = 0; i < RELOADS; i++) if (loaders.get(i).get() != null) alive.add(i + 1);
                if (alive.isEmpty()) break;
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            if (!alive.isEmpty()) {
                Path dump = Path.of("target", "shop-reload.hprof").toAbsolutePath();
                Files.deleteIfExists(dump);
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(ProcessHandle.current().pid()), "GC.heap_dump", dump.toString()).inheritIO().start().waitFor();
            }
            assertThat(alive).as("generations whose loader is still reachable").isEmpty();
            assertThat(session.history()).hasSize(RELOADS + 1).allSatisfy(r -> assertThat(r.failure()).isEmpty());
        }
    }

    private static Path compile(Path work, String items, String tag) throws Exception {
        Path src = Files.createDirectories(work.resolve("src-" + tag + "/dev/brisk/examples/shop")).resolve("Items.java");
        Files.writeString(src, items.replace(MARKER, "new HttpException(404, \"Item not found (" + tag + ")\")"));
        Path out = Files.createDirectories(work.resolve("build-" + tag));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"), "-parameters", "--release", "17", "-proc:none", src.toString());
        assertThat(rc).as("javac").isZero();
        return out;
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitBody(HttpClient http, int port, String path, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = get(http, port, path).body();
            if (last.contains(text)) return;
            Thread.sleep(10);
        }
        throw new AssertionError(path + " never contained " + text + "; last: " + last);
    }

    private static Path copyOf(Path from, Path to) throws Exception {
        copy(from, to);
        return to;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
