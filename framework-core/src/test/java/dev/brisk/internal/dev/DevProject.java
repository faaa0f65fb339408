package dev.brisk.internal.dev;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A user's project on disk for dev-mode tests: sources in {@code src}, class files in {@code classes},
 * compiled against this JVM's class path (Brisk and its dependencies) as an IDE or Maven would.
 */
final class DevProject implements AutoCloseable {
    final Path dir;
    final Path src;
    final Path classes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DevProject() throws IOException {
        dir = Files.createTempDirectory("brisk-dev-test");
        src = Files.createDirectories(dir.resolve("src"));
        classes = Files.createDirectories(dir.resolve("classes"));
    }

    /** Writes a source file under {@code src} ({@code "app/Main.java"}). */
    DevProject write(String path, String source) throws IOException {
        Path f = src.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, source);
        return this;
    }

    /**
     * Compiles every source and puts the class files into {@code classes}, as the IDE does on save:
     * compiled elsewhere first and copied, so that the files change within a moment; fails the test
     * on a compile error.
     */
    void compile() throws IOException {
        Path scratch = dir.resolve("scratch-" + System.nanoTime());
        compileTo(scratch);
        install(scratch);
    }

    /** Compiles every source into {@code out}. */
    void compileTo(Path out) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        var args = new ArrayList<>(List.of("-d", out.toString(), "-parameters", "--release", "17", "-proc:none",
                "-classpath", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        var err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(String[]::new));
        if (rc != 0) throw new AssertionError("test project does not compile:\n" + err);
    }

    /** Copies the class files of {@code build} over {@code classes}. */
    void install(Path build) throws IOException {
        try (Stream<Path> files = Files.walk(build)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = classes.resolve(build.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Options for a session over {@code classes} only (the IDE's way). */
    DevOptions ideOptions(String mainClass, String... args) {
        return DevOptions.classes(mainClass, List.of(args), List.of(classes), false);
    }

    /** Options for a session that also recompiles {@code src} (the Maven plugin's way). */
    DevOptions mavenOptions(String mainClass, String... args) {
        var cp = new ArrayList<Path>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) if (!e.isBlank()) cp.add(Path.of(e));
        return new DevOptions(mainClass, List.of(args), List.of(classes), List.of(src), List.of(), classes, cp,
                List.of("-parameters", "--release", "17", "-proc:none"), false, DevOptions.DEFAULT_QUIET_MILLIS);
    }

    HttpResponse<String> get(int port, String path, String... headers) {
        try {
            var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path} until the answer satisfies {@code ok} (at most {@code seconds}); returns it. */
    HttpResponse<String> getUntil(int port, String path, Predicate<HttpResponse<String>> ok, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(port, path);
            if (ok.test(last)) return last;
            Thread.sleep(20);
        }
        throw new AssertionError("GET " + path + " never became as expected within " + seconds + " s; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        DevCompiler.deleteTree(dir);
    }
}
