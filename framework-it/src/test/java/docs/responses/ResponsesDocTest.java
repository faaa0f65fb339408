package docs.responses;

import dev.brisk.App;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsesDocTest {
    @TempDir
    Path dir;

    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/responses.md");
    }

    @Test
    void streams() throws Exception {
        Files.writeString(dir.resolve("backup.tar"), "tar bytes");
        try (var c = TestClient.of(App.builder().include(new Exports(dir)).build())) {
            assertThat(c.get("/exports/numbers")).hasHeader("Content-Type", "text/plain; charset=utf-8").hasText("0\n1\n2\n");
            assertThat(c.get("/exports/report.csv")).hasHeader("Content-Type", "text/csv").hasText("row,0\nrow,1\nrow,2\n");
            assertThat(c.get("/exports/backup")).hasHeader("Content-Type", "application/octet-stream").hasText("tar bytes");
        }
    }

    @Test
    void events() {
        try (var client = TestClient.of(App.builder().include(new Ticks()).build())) {
            try (var events = client.request("GET", "/ticks").header("Last-Event-ID", "6").stream()) {
                var first = events.nextEvent().orElseThrow();           // waits up to the client's timeout
                assertThat(first.event()).isEqualTo("tick");
                assertThat(first.id()).contains("7");
                assertThat(first.json(Ticks.Tick.class)).isEqualTo(new Ticks.Tick(7));
            }
            try (var clock = client.stream("/clock")) {                 // an endless stream: read some, then leave
                assertThat(clock.nextEvent(Duration.ofSeconds(5)).orElseThrow().data()).isEqualTo("{\"n\":1}");
            }
        }
    }

    @Test
    void files() throws Exception {
        Files.writeString(dir.resolve("latest.pdf"), "%PDF-latest");
        Files.writeString(dir.resolve("2024.pdf"), "%PDF-2024");
        try (var c = TestClient.of(App.builder().include(new Downloads(dir)).build())) {
            assertThat(c.get("/reports/latest")).hasHeader("Content-Type", "application/pdf").hasHeader("Accept-Ranges", "bytes");
            assertThat(c.get("/reports/2024/download")).hasText("%PDF-2024").hasHeader("Content-Disposition",
                    "attachment; filename=\"Rapport annuel 2024.pdf\"");
            assertThat(c.request("GET", "/reports/latest").header("Range", "bytes=0-3").send()).hasStatus(206).hasText("%PDF");
        }
    }

    @Test
    void staticFiles() throws Exception {
        Files.writeString(dir.resolve("site.css"), "body{}");
        try (var c = TestClient.of(StaticSite.app(dir))) {
            assertThat(c.get("/static/site.css")).hasHeader("Content-Type", "text/css; charset=utf-8").hasText("body{}");
            assertThat(c.get("/static/../secret")).hasStatus(404);
        }
    }

    @Test
    void uploads() throws Exception {
        try (var client = TestClient.of(UploadLimits.app(dir))) {
            var r = client.request("POST", "/photos")
                    .file("photo", "cat.jpg", "image/jpeg", new byte[] {1, 2, 3})
                    .multipart("note", "my cat")
                    .send();
            assertThat(r).hasStatus(200).hasJsonBody("{\"filename\":\"cat.jpg\",\"size\":3,\"note\":\"my cat\"}");
            assertThat(client.request("POST", "/albums").file("photos", "a.jpg", null, new byte[1]).file("photos", "b.jpg", null, new byte[1])
                    .send()).hasJsonBody("[\"a.jpg\",\"b.jpg\"]");
        }
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".jpg")).count()).isEqualTo(1);
        }
    }

    @Test
    void pages() {
        try (var c = TestClient.of(App.builder().include(new Pages()).build())) {
            assertThat(c.get("/hello")).hasHeader("Content-Type", "text/html; charset=utf-8");
            assertThat(c.get("/legacy.txt")).hasHeader("Content-Type", "text/plain; charset=iso-8859-1").hasText("café");
            assertThat(c.post("/orders", null)).hasStatus(303).hasHeader("Location", "/orders/42");
        }
    }
}
