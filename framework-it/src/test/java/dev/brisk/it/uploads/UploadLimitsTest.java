package dev.brisk.it.uploads;

import dev.brisk.App;
import dev.brisk.FormLimits;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Every form limit answers 413 (and leaves no temporary file); malformed bodies answer 400. */
class UploadLimitsTest {
    @TempDir
    static Path spool;
    static UploadRoutes routes;
    static TestClient client;

    @BeforeAll
    static void start() {
        routes = new UploadRoutes(spool);
        var limits = FormLimits.defaults().tempDirectory(spool).spoolThreshold(1024).maxFiles(2).maxFields(3).maxFieldSize(100)
                .maxFileSize(50_000).maxBodySize(200_000).maxPartHeaders(4).maxPartHeaderSize(300).maxBoundaryLength(40);
        client = TestClient.of(App.builder().include(routes).formLimits(limits).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static TestResponse raw(String path, String contentType, String body) {
        return client.request("POST", path).body(body, contentType).send();
    }

    static void tooLarge(TestResponse r, String detail) throws InterruptedException {
        assertThat(r).hasStatus(413);
        assertThat(r.json().get("detail").asText()).startsWith("Request Entity Too Large").contains(detail);
        assertThat(routes.spoolEmptied()).isTrue();
    }

    @Test
    void tooManyFiles() throws Exception {
        var r = client.request("POST", "/many").file("files", "a", null, new byte[2000]).file("files", "b", null, new byte[2000])
                .file("files", "c", null, new byte[2000]).send();
        tooLarge(r, "more than 2 files");
    }

    @Test
    void tooManyFields() throws Exception {
        var r = client.request("POST", "/fields").multipart("name", "a").multipart("age", "1").multipart("tags", "x").multipart("tags", "y").send();
        tooLarge(r, "more than 3 form fields");
    }

    @Test
    void aFieldTooLarge() throws Exception {
        tooLarge(client.request("POST", "/fields").multipart("name", "n".repeat(101)).multipart("age", "1").send(), "'name' is larger than 100 bytes");
    }

    @Test
    void aFileTooLarge() throws Exception {
        tooLarge(client.request("POST", "/many").file("files", "big", null, new byte[50_001]).send(), "'files' is larger than 50000 bytes");
    }

    @Test
    void aBodyTooLargeIsRefusedFromItsContentLength() throws Exception {
        var r = client.request("POST", "/many").file("files", "a", null, new byte[45_000]).file("files", "b", null, new byte[45_000])
                .multipart("x", "y".repeat(99)).body(new byte[200_001], "multipart/form-data; boundary=b").send();
        assertThat(r).hasStatus(413).hasJsonBody("{\"detail\":\"Request Entity Too Large\"}");
    }

    @Test
    void tooManyPartHeaders() throws Exception {
        var body = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nx\r\n--b--\r\n";
        tooLarge(raw("/many", "multipart/form-data; boundary=b", body), "more than 4 headers");
    }

    @Test
    void partHeadersTooLarge() throws Exception {
        var body = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + "a".repeat(400) + "\"\r\n\r\nx\r\n--b--\r\n";
        tooLarge(raw("/many", "multipart/form-data; boundary=b", body), "headers exceed 300 bytes");
    }

    @Test
    void aBoundaryTooLong() throws Exception {
        String b = "b".repeat(41);
        tooLarge(raw("/many", "multipart/form-data; boundary=" + b, "--" + b + "--\r\n"), "boundary is longer than 40");
    }

    @Test
    void urlencodedFormsObeyTheFieldLimits() {
        var four = new LinkedHashMap<String, String>();
        four.put("name", "a");
        four.put("age", "1");
        four.put("tags", "x");
        four.put("more", "y");
        assertThat(client.request("POST", "/fields").form(four).send()).hasStatus(413);
        var big = new LinkedHashMap<String, String>();
        big.put("name", "n".repeat(101));
        big.put("age", "1");
        assertThat(client.request("POST", "/fields").form(big).send()).hasStatus(413);
        var ok = new LinkedHashMap<String, String>();
        ok.put("name", "Ann");
        ok.put("age", "3");
        assertThat(client.request("POST", "/fields").form(ok).send()).hasStatus(200);
    }

    @Test
    void malformedBodiesAre400() throws Exception {
        String[][] cases = {
                {"multipart/form-data", "--b\r\n\r\n--b--\r\n", "without a boundary"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\nno end", "before its closing boundary"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n", "Content-Disposition"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--\r\n", "form-data with a name"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n", "form-data with a name"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n folded\r\n\r\nx\r\n--b--\r\n", "malformed"},
                {"multipart/form-data; boundary=b", "--b\r\n\r\nx\r\n--b--\r\n", "no Content-Disposition"},
                {"multipart/form-data; boundary=b", "--bX\r\n", "malformed"},
                {"multipart/form-data; boundary=b", "--b junk\r\n", "malformed"},
                {"multipart/form-data; boundary=\"a<b\"", "--a<b--\r\n", "invalid multipart boundary"},
        };
        for (String[] c : cases) {
            var r = raw("/many", c[0], c[1]);
            assertThat(r).as(c[1]).hasStatus(400);
            assertThat(r.json().get("detail").asText()).as(c[1]).contains(c[2]);
        }
        assertThat(routes.spoolEmptied()).isTrue();
    }

    @Test
    void aPreambleAndEpilogueAreIgnored() {
        var body = "a preamble\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nxyz\r\n--b--\r\nan epilogue";
        assertThat(raw("/many", "multipart/form-data; boundary=b", body)).hasStatus(200).hasJsonBody("[\"a.txt:3\"]");
    }

    @Test
    void aQuotedBoundaryAndTransportPaddingAreAccepted() {
        var body = "--b c\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nxyz\r\n--b c  \r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"b.txt\"\r\n\r\n\r\n--b c--";
        assertThat(raw("/many", "multipart/form-data; boundary=\"b c\"", body)).hasStatus(200).hasJsonBody("[\"a.txt:3\",\"b.txt:0\"]");
    }
}
