package dev.brisk.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up recipes of docs/server.md ("Start-up time"), run on the bench example: one training run with
 * {@code -Dbrisk.training=/json} writes the cache and ends itself; the next start maps it (with
 * {@code -Xshare:on} / {@code -XX:AOTMode=on}, which refuse to start without it), loads Brisk's
 * classes from it, and answers. AppCDS on this JVM; the AOT cache (JEP 514/515, and without JEP 515's
 * method profiles) on JDK 25, when this JVM is one or the machine has one.
 */
class ClassDataCacheRecipeTest {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @Test
    void appCdsArchiveFromOneTrainingRun() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("brisk-appcds");
        Path archive = work.resolve("bench.jsa");
        String cp = jarredClassPath(work);
        var training = run(work, java.toString(), "-XX:ArchiveClassesAtExit=" + archive, "-Dbrisk.training=/json", "-cp", cp,
                "dev.brisk.examples.Main", "bench", "--port", String.valueOf(freePort()));
        assertThat(training.exit).as(training.output).isZero();
        assertThat(training.output).contains("Brisk training run: 50 requests each to /json 200; stopping");
        assertThat(archive).isNotEmptyFile();
        assertStartsFromCache(work, java.toString(), List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), cp);
    }

    @Test
    void aotCacheFromOneTrainingRunOnJdk25() throws Exception {
        aotCache(List.of());
    }

    /** The variant for few cores: the cache without JEP 515's method profiles, whose JIT work competes with the start. */
    @Test
    void aotCacheWithoutMethodProfilesOnJdk25() throws Exception {
        aotCache(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"));
    }

    private static void aotCache(List<String> trainingOptions) throws Exception {
        Optional<Path> java25 = jdk25();
        Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 here: the AOT cache recipe needs one");
        Path java = java25.get();
        Path work = Files.createTempDirectory("brisk-aot");
        Path cache = work.resolve("bench.aot");
        String cp = jarredClassPath(work);
        var command = new ArrayList<String>(List.of(java.toString()));
        command.addAll(trainingOptions);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dbrisk.training=/json", "-cp", cp,
                "dev.brisk.examples.Main", "bench", "--port", String.valueOf(freePort())));
        var training = run(work, command.toArray(String[]::new));
        assertThat(training.exit).as(training.output).isZero();
        assertThat(training.output).contains("Brisk training run: 50 requests each to /json 200; stopping", "AOTCache creation is complete");
        assertThat(cache).isNotEmptyFile();
        assertStartsFromCache(work, java.toString(), List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), cp);
    }

    /** Starts the bench app with {@code cacheOptions}; it must answer /json and have loaded Brisk from the cache. */
    private static void assertStartsFromCache(Path work, String java, List<String> cacheOptions, String cp) throws Exception {
        int port = freePort();
        Path log = work.resolve("with-cache.log");
        var command = new ArrayList<String>(List.of(java));
        command.addAll(cacheOptions);
        command.addAll(List.of("-Xlog:class+load=info:file=" + work.resolve("classes.txt"), "-cp", cp,
                "dev.brisk.examples.Main", "bench", "--port", String.valueOf(port)));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            HttpResponse<String> r = null;
            while (r == null && System.nanoTime() < deadline) {
                assertThat(app.isAlive()).as("the app runs with the cache:%n%s", Files.readString(log)).isTrue();
                try {
                    r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json")).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            assertThat(r).as("an answer within 2 minutes:%n%s", Files.readString(log)).isNotNull();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
            String classes = Files.readString(work.resolve("classes.txt"));
            assertThat(classes).as("Brisk's classes come from the cache")
                    .contains("dev.brisk.App source: shared objects file", "dev.brisk.internal.dispatch.Dispatch source: shared objects file");
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 3 minutes:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    /** This JVM if it is JDK 25+, else the machine's Temurin 25, if any. */
    static Optional<Path> jdk25() {
        if (Runtime.version().feature() >= 25) return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path j = JDK25.resolve("bin/java");
        return Files.isExecutable(j) ? Optional.of(j) : Optional.empty();
    }

    /** The test class path with each directory turned into a jar: class-data caches hold classes from jars only. */
    static String jarredClassPath(Path work) throws IOException {
        var out = new ArrayList<String>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                if (p.endsWith("test-classes")) continue;
                Path jar = work.resolve("dir" + (i++) + ".jar");
                jar(p, jar);
                out.add(jar.toString());
            } else if (Files.isRegularFile(p)) {
                out.add(e);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); var zip = new JarOutputStream(o); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
