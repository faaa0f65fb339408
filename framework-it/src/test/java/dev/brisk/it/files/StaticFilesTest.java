package dev.brisk.it.files;

import dev.brisk.App;
import dev.brisk.StartupException;
import dev.brisk.StaticFiles;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Static files from a folder and from the class path: what they answer, index files, redirects, methods, SPA fallback, caching. */
class StaticFilesTest {
    @TempDir
    static Path root;
    static StaticTree tree;
    static TestClient client;

    @BeforeAll
    static void start() {
        tree = new StaticTree(root);
        client = TestClient.of(App.builder()
                .staticFiles("/static", tree.dir)
                .staticFiles("/assets", StaticFiles.directory(tree.dir).immutableFingerprinted().cacheControl("no-cache").withoutIndex())
                .staticFiles("/app", StaticFiles.directory(tree.dir).spaFallback("index.html"))
                .staticFiles("/cp", StaticFiles.classpath("classpath:/public-test"))
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void aFileIsServedWithItsHeaders() {
        var r = client.get("/static/a.txt");
        assertThat(r).hasStatus(200).hasText("hello from a\n").hasHeader("Content-Type", "text/plain; charset=utf-8")
                .hasHeader("Content-Length", "13").hasHeader("Accept-Ranges", "bytes").hasHeader("X-Content-Type-Options", "nosniff");
        assertThat(r.header("ETag")).isNotNull();
        assertThat(r.header("Last-Modified")).isNotNull();
        assertThat(r.header("Cache-Control")).isNull();
        assertThat(client.get("/static/sub/b.txt")).hasText("hello from b\n");
    }

    @Test
    void aDirectoryAnswersItsIndex() {
        assertThat(client.get("/static/")).hasStatus(200).hasHeader("Content-Type", "text/html; charset=utf-8").hasText("<h1>index</h1>\n");
        assertThat(client.get("/static/sub/")).hasText("<h1>sub</h1>\n");
        assertThat(client.get("/static/nodex/")).hasStatus(404);   // no index, no listing
    }

    @Test
    void aDirectoryWithoutItsSlashRedirectsWith308KeepingTheQuery() {
        assertThat(client.get("/static/sub?x=1&y=2")).hasStatus(308).hasHeader("Location", "/static/sub/?x=1&y=2");
        assertThat(client.get("/static")).hasStatus(308).hasHeader("Location", "/static/");
        assertThat(client.get("/static?v=3")).hasStatus(308).hasHeader("Location", "/static/?v=3");
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        assertThat(client.post("/static/a.txt", null)).hasStatus(405).hasHeader("Allow", "GET, HEAD");
        assertThat(client.delete("/static/a.txt")).hasStatus(405);
        var head = client.head("/static/a.txt");
        assertThat(head).hasStatus(200).hasHeader("Content-Length", "13");
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void conditionalRequestsAndRangesWork() {
        String etag = client.get("/static/a.txt").header("ETag");
        assertThat(client.request("GET", "/static/a.txt").header("If-None-Match", etag).send()).hasStatus(304);
        assertThat(client.request("GET", "/static/a.txt").header("Range", "bytes=0-4").send()).hasStatus(206).hasText("hello");
    }

    @Test
    void missingFilesAre404() {
        assertThat(client.get("/static/none.txt")).hasStatus(404).hasJsonBody("{\"detail\":\"Not Found\"}");
        assertThat(client.get("/static/sub/none/deeper.txt")).hasStatus(404);
    }

    @Test
    void fingerprintedAssetsAreImmutable() {
        assertThat(client.get("/assets/app.0123abcd.js")).hasHeader("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(client.get("/assets/a.txt")).hasHeader("Cache-Control", "no-cache");
        assertThat(client.get("/assets/")).hasStatus(404);   // withoutIndex
    }

    @Test
    void aSinglePageAppGetsItsIndexForNavigations() {
        var page = client.request("GET", "/app/users/42").header("Accept", "text/html,application/xhtml+xml").send();
        assertThat(page).hasStatus(200).hasText("<h1>index</h1>\n").hasHeader("Cache-Control", "no-cache");
        assertThat(client.request("GET", "/app/missing.js").header("Accept", "text/html").send()).hasStatus(404);
        assertThat(client.request("GET", "/app/users/42").header("Accept", "application/json").send()).hasStatus(404);
        assertThat(client.request("GET", "/app/.env").header("Accept", "text/html").send()).hasStatus(404);
        assertThat(client.get("/app/a.txt")).hasText("hello from a\n");
    }

    @Test
    void classPathFilesAreServed() {
        var r = client.get("/cp/hello.txt");
        assertThat(r).hasStatus(200).hasText("hello from the class path\n").hasHeader("Content-Type", "text/plain; charset=utf-8");
        assertThat(r.header("ETag")).isNotNull();
        assertThat(client.request("GET", "/cp/hello.txt").header("If-None-Match", r.header("ETag")).send()).hasStatus(304);
        assertThat(client.get("/cp/")).hasText("<h1>cp index</h1>\n");
        assertThat(client.get("/cp/sub")).hasStatus(308).hasHeader("Location", "/cp/sub/");
        assertThat(client.get("/cp/sub/deep.txt")).hasText("deeper\n");
        assertThat(client.get("/cp/none.txt")).hasStatus(404);
        assertThat(client.get("/cp/.hidden-dir/inside.txt")).hasStatus(404);
    }

    @Test
    void aMissingDirectoryFailsStartup() {
        assertThatThrownBy(() -> App.builder().staticFiles("/s", root.resolve("no-such-dir")))
                .isInstanceOf(StartupException.class).hasMessageContaining("no-such-dir").hasMessageContaining("not a readable directory");
    }

    @Test
    void aPrefixMustBeAPlainPath() {
        assertThatThrownBy(() -> App.builder().staticFiles("static", tree.dir)).isInstanceOf(StartupException.class);
        assertThatThrownBy(() -> App.builder().staticFiles("/static/", tree.dir)).isInstanceOf(StartupException.class);
        assertThatThrownBy(() -> App.builder().staticFiles("/{x}", tree.dir)).isInstanceOf(StartupException.class);
    }

    @Test
    void filesCanBeServedAtTheRoot() {
        try (var c = TestClient.of(App.builder().staticFiles("/", tree.dir).build())) {
            assertThat(c.get("/")).hasText("<h1>index</h1>\n");
            assertThat(c.get("/a.txt")).hasText("hello from a\n");
            assertThat(c.get("/sub")).hasStatus(308).hasHeader("Location", "/sub/");
        }
    }

    @Test
    void staticRoutesAreNotDocumented() {
        var r = client.get("/openapi.json");
        if (r.status() == 200) assertThat(r.text()).doesNotContain("/static");
    }
}
