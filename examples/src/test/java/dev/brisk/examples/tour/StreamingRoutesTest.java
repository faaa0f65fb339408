package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The tour's streaming routes, as the issue lists them. */
class StreamingRoutesTest {
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(StreamingRoutes.install(App.builder(), Optional.empty()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void streamSendsFiveChunks() {
        try (var s = client.stream("/tour/stream")) {
            assertThat(s.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(s.readText()).isEqualTo("chunk-0\nchunk-1\nchunk-2\nchunk-3\nchunk-4\n");
        }
    }

    @Test
    void sseSendsThreeTicksThenEnds() {
        try (var s = client.stream("/tour/sse")) {
            assertThat(s.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            for (int i = 1; i <= 3; i++) {
                var e = s.nextEvent().orElseThrow();
                assertThat(e.id()).contains(String.valueOf(i));
                assertThat(e.event()).isEqualTo("tick");
                assertThat(e.data()).isEqualTo("{\"n\":" + i + "}");
            }
            assertThat(s.nextEvent()).isEmpty();
        }
    }

    @Test
    void fileIsTheHundredThousandBytes() {
        var r = client.get("/tour/file");
        assertThat(r).hasStatus(200).hasHeader("Content-Length", "100000").hasHeader("Content-Disposition", "attachment; filename=\"data.bin\"")
                .hasHeader("Accept-Ranges", "bytes");
        byte[] b = r.bytes();
        for (int i = 0; i < b.length; i++) assertThat(b[i]).isEqualTo((byte) (i % 251));
        var part = client.request("GET", "/tour/file").header("Range", "bytes=251-252").send();
        assertThat(part).hasStatus(206);
        assertThat(part.bytes()).containsExactly(0, 1);
    }

    @Test
    void staticFilesComeFromTheJar() {
        assertThat(client.get("/static/")).hasText("<!doctype html><title>tour</title><h1>tour</h1>\n");
        assertThat(client.get("/static/a.txt")).hasText("hello from a\n");
        assertThat(client.get("/static/sub/b.txt")).hasText("hello from b\n");
    }

    @Test
    void staticFilesComeFromAFolderWhenGiven(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "from the folder\n");
        try (var c = TestClient.of(StreamingRoutes.install(App.builder(), Optional.of(dir)).build())) {
            assertThat(c.get("/static/a.txt")).hasText("from the folder\n");
        }
    }

    @Test
    void uploadAnswersNameSizeHashAndNote() throws Exception {
        byte[] data = "tour upload".getBytes();
        var r = client.request("POST", "/tour/upload").file("file", "t.txt", "text/plain", data).multipart("note", "hi").send();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(r).hasStatus(200).hasJsonBody("{\"filename\":\"t.txt\",\"size\":11,\"sha256\":\"" + sha + "\",\"note\":\"hi\"}");
        var tooLong = client.request("POST", "/tour/upload").file("file", "t.txt", null, data).multipart("note", "x".repeat(21)).send();
        assertThat(tooLong).hasStatus(422);
        assertThat(tooLong.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"note\"]");
    }

    @Test
    void htmlIsAPage() {
        assertThat(client.get("/tour/html")).hasStatus(200).hasHeader("Content-Type", "text/html; charset=utf-8");
        assertThat(client.get("/tour/html").text()).contains("<h1>Responses beyond JSON</h1>");
    }

    @Test
    void theDocumentHasTheStreamAndUploadShapes() {
        var doc = client.get("/openapi.json").json();
        assertThat(doc.at("/paths/~1tour~1sse/get/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(doc.at("/paths/~1tour~1upload/post/requestBody/content").has("multipart/form-data")).isTrue();
        assertThat(doc.at("/paths").has("/static/{path}")).isFalse();
    }
}
