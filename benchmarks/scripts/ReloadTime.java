import javax.tools.ToolProvider;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Dev mode's reload time for the shop example: from writing a changed class file to the first
 * response that shows the new code, measured by a client polling the app.
 *
 *     mvn -q -DskipTests package
 *     java benchmarks/scripts/ReloadTime.java examples/target/brisk-examples.jar [RUNS]
 *
 * The shop's classes are copied to a scratch directory that a dev session (brisk-core's DevLauncher,
 * as mvn brisk:dev starts it) watches. Two builds of Items.java, whose 404 message differs ("Item not
 * found (a)" / "(b)"), are compiled up front; each run copies one build's class file over the watched
 * one and polls GET /items/999 until the message changes. Prints each run and the median; the dev
 * session's own "reloaded in N ms" lines are in the log it names.
 */
public class ReloadTime {
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("brisk-reload-time");
        Path root = Files.createDirectories(work.resolve("classes"));
        try (var j = new JarFile(jar.toFile())) {
            for (var e : Collections.list(j.entries())) {
                if (e.isDirectory() || !e.getName().startsWith("dev/brisk/examples/")) continue;
                Path t = root.resolve(e.getName());
                Files.createDirectories(t.getParent());
                try (InputStream in = j.getInputStream(e)) {
                    Files.copy(in, t);
                }
            }
        }
        String items = Files.readString(Path.of("examples/src/main/java/dev/brisk/examples/shop/Items.java"));
        String marker = "new HttpException(404, \"Item not found\")";
        if (!items.contains(marker)) throw new IllegalStateException("Items.java no longer has " + marker);
        Path[] builds = new Path[2];
        for (int v = 0; v < 2; v++) {
            String tag = v == 0 ? "a" : "b";
            Path src = Files.createDirectories(work.resolve("src-" + tag + "/dev/brisk/examples/shop")).resolve("Items.java");
            Files.writeString(src, items.replace(marker, "new HttpException(404, \"Item not found (" + tag + ")\")"));
            builds[v] = Files.createDirectories(work.resolve("build-" + tag));
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", builds[v].toString(), "-cp", jar.toString(),
                    "-parameters", "--release", "17", "-proc:none", src.toString());
            if (rc != 0) throw new IllegalStateException("javac failed");
        }
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path options = work.resolve("options.txt");
        Files.write(options, List.of("main=dev.brisk.examples.Main", "arg=shop", "arg=--port", "arg=" + port,
                "root=" + root, "output=" + root));
        Path log = work.resolve("dev.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process dev = new ProcessBuilder(java, "-cp", jar.toString(), "dev.brisk.internal.dev.DevLauncher", options.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            await(http, port, "Item not found\"", 60_000);
            var times = new ArrayList<Long>();
            for (int i = -3; i < runs; i++) {   // three reloads to warm up, not counted
                int v = (i + 3) % 2;
                String expect = "Item not found (" + (v == 0 ? "a" : "b") + ")";
                long t0 = System.nanoTime();
                copy(builds[v], root);
                await(http, port, expect, 30_000);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (i >= 0) {
                    times.add(ms);
                    System.out.println("run " + (i + 1) + ": " + ms + " ms");
                }
                Thread.sleep(500);   // the old generation stops meanwhile
            }
            var sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            System.out.println("median of " + runs + ": " + median + " ms (min " + sorted.get(0) + ", max " + sorted.get(sorted.size() - 1) + "); log: " + log);
        } finally {
            dev.destroy();
            dev.waitFor();
        }
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void await(HttpClient http, int port, String text, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items/999")).build();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.body().contains(text)) return;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no answer with " + text + " within " + timeoutMillis + " ms");
    }
}
