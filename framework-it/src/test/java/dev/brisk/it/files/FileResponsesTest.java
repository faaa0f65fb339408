package dev.brisk.it.files;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A file result: content type, length, validators, Accept-Ranges, Content-Disposition, HEAD, and 404 for missing files. */
class FileResponsesTest {
    @TempDir
    static Path dir;
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new FileRoutes(dir)).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static String lastModified() {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC).format(FileRoutes.MODIFIED);
    }

    @Test
    void aPathIsSentWithItsHeaders() {
        var r = client.get("/data");
        assertThat(r).hasStatus(200).hasHeader("Content-Type", "application/octet-stream").hasHeader("Content-Length", "100")
                .hasHeader("Accept-Ranges", "bytes").hasHeader("Last-Modified", lastModified());
        assertThat(r.header("ETag")).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(r.header("Content-Disposition")).isNull();
        byte[] body = r.bytes();
        assertThat(body).hasSize(100);
        for (int i = 0; i < 100; i++) assertThat(body[i]).isEqualTo((byte) i);
    }

    @Test
    void theContentTypeComesFromTheExtension() {
        assertThat(client.get("/notes")).hasHeader("Content-Type", "text/plain; charset=utf-8").hasText("some notes\n");
    }

    @Test
    void theEtagIsStableAndStrong() {
        String a = client.get("/data").header("ETag");
        assertThat(client.get("/data").header("ETag")).isEqualTo(a).doesNotStartWith("W/");
    }

    @Test
    void anEmptyFileHasLengthZero() {
        assertThat(client.get("/empty")).hasStatus(200).hasHeader("Content-Length", "0");
    }

    @Test
    void aMissingFileIs404() {
        assertThat(client.get("/missing")).hasStatus(404).hasJsonBody("{\"detail\":\"Not Found\"}");
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() {
        var get = client.get("/data");
        var head = client.head("/data");
        assertThat(head).hasStatus(200).hasHeader("Content-Length", "100").hasHeader("ETag", get.header("ETag"))
                .hasHeader("Last-Modified", get.header("Last-Modified")).hasHeader("Accept-Ranges", "bytes");
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void aDownloadHasAnAttachmentDisposition() {
        assertThat(client.get("/download?name=report.bin")).hasHeader("Content-Disposition", "attachment; filename=\"report.bin\"");
    }

    @Test
    void nonAsciiNamesAreEncodedAsRfc8187() {
        var r = client.request("GET", "/download").query("name", "résumé 2024.pdf").send();
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"r_sum_ 2024.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202024.pdf");
    }

    @Test
    void quotesAndLineBreaksNeverReachTheHeader() {
        var r = client.request("GET", "/download").query("name", "a\"b\r\nSet-Cookie: x=1\\.txt").send();
        String cd = r.header("Content-Disposition");
        assertThat(cd).isEqualTo("attachment; filename=\"a_b__Set-Cookie: x=1_.txt\"; filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x%3D1%5C.txt");
        assertThat(r.header("Set-Cookie")).isNull();
    }

    @Test
    void inlineFilesNameThemselves() {
        assertThat(client.get("/inline")).hasHeader("Content-Disposition", "inline; filename=\"notes.txt\"");
    }

    @Test
    void aChosenTypeAndHeadersAreKept() {
        assertThat(client.get("/typed")).hasHeader("Content-Type", "application/x-custom").hasHeader("Cache-Control", "max-age=60")
                .hasHeader("Content-Length", "100");
    }

    @Test
    void aFutureOfAPathOnTheEventLoopIsOpenedOnAWorker() {
        assertThat(client.get("/later")).hasStatus(200).hasHeader("Content-Length", "100");
    }
}
