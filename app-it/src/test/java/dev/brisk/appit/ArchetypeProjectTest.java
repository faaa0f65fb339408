package dev.brisk.appit;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter: {@code mvn archetype:generate} with brisk-archetype makes a project whose
 * {@code mvn verify} runs its TestClient tests (offline, against this build's artifacts) and builds a
 * jar that {@code java -jar} starts and that answers over HTTP.
 */
class ArchetypeProjectTest {
    private static final Pattern TESTS_RUN = Pattern.compile("(?m)^\\[INFO] Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$");

    @Test
    void aGeneratedProjectBuildsTestsAndServes() throws Exception {
        Path project = UserProjects.generate("starter", "com.example.starter");
        assertThat(project.resolve("src/main/java/com/example/starter/Items.java")).exists();
        assertThat(project.resolve("src/main/java/com/example/starter/Main.java")).exists();
        assertThat(project.resolve("src/test/java/com/example/starter/ItemsTest.java")).exists();
        assertThat(project.resolve("src/test/java/com/example/starter/DevMain.java")).exists();
        String readme = Files.readString(project.resolve("README.md"));
        assertThat(readme).startsWith("# starter\n").contains("## Run it", "mvn brisk:dev", "java -jar target/starter-1.0.0.jar",
                "src/main/java/com/example/starter/Items.java");
        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>brisk-app-parent</artifactId>", "<version>" + Repo.version() + "</version>",
                "<brisk.mainClass>com.example.starter.Main</brisk.mainClass>");

        var build = UserProjects.maven(project, "verify");
        assertThat(build.exit()).as("mvn verify in %s:%n%s", project, build.output()).isZero();
        Matcher m = TESTS_RUN.matcher(build.output());
        assertThat(m.find()).as("Surefire's summary in%n%s", build.output()).isTrue();
        assertThat(m.group(1)).as("tests run: both of ItemsTest").isEqualTo("2");
        assertThat(m.group(2) + m.group(3) + m.group(4)).as("failures, errors, skipped").isEqualTo("000");

        Path jar = project.resolve("target/starter-1.0.0.jar");
        assertThat(jar).exists();
        int port = freePort();
        Path log = Files.createTempFile(UserProjects.HOME, "starter-jar", ".log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var http = HttpClient.newHttpClient();
            var items = awaitOk(http, port, "/items", app, log);
            assertThat(items.body()).isEqualTo("[]");
            var created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Widget\",\"price\":9.5}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).isEqualTo("{\"id\":1,\"name\":\"Widget\",\"price\":9.5}");
            assertThat(get(http, port, "/docs").statusCode()).as("Swagger UI from brisk-openapi").isEqualTo(200);
            assertThat(get(http, port, "/items/abc").statusCode()).isEqualTo(422);
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDocumentedCommandNamesThisArchetype() {
        for (String page : new String[] {"README.md", "docs/dev-mode.md"}) {
            assertThat(Repo.read(page)).as(page).contains("mvn archetype:generate -DarchetypeGroupId=dev.brisk -DarchetypeArtifactId=brisk-archetype \\\n"
                    + "        -DarchetypeVersion=" + Repo.version() + " -DgroupId=com.example -DartifactId=shop -Dpackage=com.example.shop",
                    "java -jar target/shop-1.0-SNAPSHOT.jar", "mvn brisk:dev");
        }
        assertThat(Repo.tag(Repo.read("archetype/pom.xml"), "artifactId")).isEqualTo("brisk-parent");
        assertThat(Repo.read("archetype/pom.xml")).contains("<artifactId>brisk-archetype</artifactId>");
    }

    static int freePort() throws java.io.IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} until it answers 200 (the process may still be starting); fails with its log otherwise. */
    static HttpResponse<String> awaitOk(HttpClient http, int port, String path, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the process exited (" + process.exitValue() + "):\n" + Files.readString(log));
            try {
                var r = get(http, port, path);
                if (r.statusCode() == 200) return r;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + path + " within 3 minutes:\n" + Files.readString(log));
    }
}
