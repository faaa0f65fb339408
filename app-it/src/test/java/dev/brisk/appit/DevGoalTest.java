package dev.brisk.appit;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn brisk:dev} in a project from the starter: the app answers, a saved change to a source
 * file is recompiled and served on the same port, a change that does not compile shows the compiler's
 * error once while the last good version keeps serving, and stopping Maven stops the app.
 */
class DevGoalTest {
    @Test
    void mvnBriskDevRecompilesAndReloadsOnTheSamePort() throws Exception {
        Path project = UserProjects.generate("devgoal", "com.example.devgoal");
        Path items = project.resolve("src/main/java/com/example/devgoal/Items.java");
        int port = ArchetypeProjectTest.freePort();
        Path log = Files.createTempFile(UserProjects.HOME, "brisk-dev", ".log");
        Process mvn = UserProjects.mavenInBackground(project, log, "brisk:dev", "-Dbrisk.dev.args=--port " + port);
        var http = HttpClient.newHttpClient();
        try {
            ArchetypeProjectTest.awaitOk(http, port, "/items", mvn, log);
            assertThat(ArchetypeProjectTest.get(http, port, "/items/7").body()).isEqualTo("{\"detail\":\"Item not found\"}");

            Files.writeString(items, Files.readString(items).replace("\"Item not found\"", "\"No item 7 here\""));
            awaitBody(http, port, "/items/7", b -> b.contains("No item 7 here"), log);

            Files.writeString(items, Files.readString(items).replace("return item;", "return item"));
            var error = awaitResponse(http, port, "/items/7", r -> r.statusCode() == 500, log);
            assertThat(error.body()).contains("Compilation failed", "Items.java", "';' expected");
            assertThat(ArchetypeProjectTest.get(http, port, "/items/7").body()).as("the last good version serves")
                    .contains("No item 7 here");

            Files.writeString(items, Files.readString(items).replace("return item", "return item;").replace("No item 7 here", "Gone"));
            awaitBody(http, port, "/items/7", b -> b.contains("Gone"), log);
            assertThat(Files.readString(log)).contains("reloaded in", "compiled 2 source files");
        } finally {
            mvn.destroy();
            assertThat(mvn.waitFor(60, TimeUnit.SECONDS)).as("Maven stops").isTrue();
        }
        Thread.sleep(500);
        try {
            ArchetypeProjectTest.get(http, port, "/items");
            throw new AssertionError("the app still answers after Maven stopped:\n" + Files.readString(log));
        } catch (java.io.IOException expected) {
            // nothing listens any more: the app's JVM stopped with Maven
        }
    }

    private static void awaitBody(HttpClient http, int port, String path, Predicate<String> ok, Path log) throws Exception {
        awaitResponse(http, port, path, r -> ok.test(r.body()), log);
    }

    private static HttpResponse<String> awaitResponse(HttpClient http, int port, String path, Predicate<HttpResponse<String>> ok, Path log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = ArchetypeProjectTest.get(http, port, path);
            if (ok.test(last)) return last;
            Thread.sleep(50);
        }
        throw new AssertionError("GET " + path + " never as expected; last " + (last == null ? "none" : last.body()) + "\n" + Files.readString(log));
    }
}
