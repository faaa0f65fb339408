package dev.brisk.it.uploads;

import dev.brisk.App;
import dev.brisk.FormLimits;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** multipart/form-data: files and fields bound, validated, spooled to owner-only files that are gone after the response. */
class UploadsTest {
    @TempDir
    static Path spool;
    static UploadRoutes routes;
    static TestClient client;

    @BeforeAll
    static void start() {
        routes = new UploadRoutes(spool);
        client = TestClient.of(App.builder().include(routes)
                .formLimits(FormLimits.defaults().tempDirectory(spool).spoolThreshold(64 * 1024)).build(),
                TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aSmallFileAndAFieldAreBound() throws Exception {
        byte[] data = "hello upload".getBytes(StandardCharsets.UTF_8);
        var r = client.request("POST", "/upload").file("file", "hello.txt", "text/plain", data).multipart("note", "first").send();
        assertThat(r).hasStatus(200).hasJsonBody("{\"filename\":\"hello.txt\",\"contentType\":\"text/plain\",\"size\":12,\"sha256\":\""
                + sha(data) + "\",\"note\":\"first\"}");
        assertThat(routes.seenOnDisk.get(routes.seenOnDisk.size() - 1)).isEmpty();   // kept in memory
    }

    @Test
    void aLargeFileIsSpooledToAFileThatIsGoneAfterTheResponse() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 17);
        var r = client.request("POST", "/upload").file("file", "big.bin", "application/octet-stream", data).multipart("note", "big").send();
        assertThat(r).hasStatus(200);
        assertThat(r.json().get("size").asLong()).isEqualTo(data.length);
        assertThat(r.json().get("sha256").asText()).isEqualTo(sha(data));
        var during = routes.seenOnDisk.get(routes.seenOnDisk.size() - 1);
        assertThat(during).hasSize(1);
        assertThat(during.get(0).getFileName().toString()).startsWith("brisk-upload-");
        assertThat(routes.spoolEmptied()).isTrue();
    }

    @Test
    void spoolFilesAreReadableByTheOwnerOnly() throws Exception {
        var perms = new java.util.concurrent.atomic.AtomicReference<String>();
        Path dir = Files.createTempDirectory("brisk-perm");
        var app = App.builder().formLimits(FormLimits.defaults().tempDirectory(dir).spoolThreshold(10))
                .route("POST", "/x", req -> "never").include(new Object() {
                    @dev.brisk.Post("/perm")
                    public String perm(dev.brisk.UploadFile file) throws Exception {
                        try (var s = Files.list(dir)) {
                            perms.set(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.findFirst().orElseThrow())));
                        }
                        return "ok";
                    }
                }).build();
        try (var c = TestClient.of(app)) {
            assertThat(c.request("POST", "/perm").file("file", "a.bin", null, random(1000)).send()).hasStatus(200);
        }
        assertThat(perms.get()).isEqualTo("rw-------");
        Files.delete(dir);
    }

    @Test
    void severalFilesOfOneField() {
        var r = client.request("POST", "/many").file("files", "a.txt", "text/plain", "aa".getBytes())
                .file("files", "b.txt", "text/plain", "bbb".getBytes()).send();
        assertThat(r).hasJsonBody("[\"a.txt:2\",\"b.txt:3\"]");
    }

    @Test
    void optionalFilesAndFields() {
        assertThat(client.request("POST", "/maybe").multipart("title", "t").send()).hasText("no file / t");
        assertThat(client.request("POST", "/maybe").file("file", "f.txt", null, new byte[0]).send()).hasText("f.txt / no title");
    }

    @Test
    void aMissingFileIs422() {
        var r = client.request("POST", "/upload").multipart("note", "x").send();
        assertThat(r).hasStatus(422);
        assertThat(r.json().at("/detail/0/type").asText()).isEqualTo("missing");
        assertThat(r.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"file\"]");
    }

    @Test
    void fieldsAreValidatedWithTheFileErrorsTogether() {
        var r = client.request("POST", "/upload").multipart("note", "this note is far too long for the route").send();
        assertThat(r).hasStatus(422);
        assertThat(r.json().get("detail").size()).isEqualTo(2);
        assertThat(r.text()).contains("[\"body\",\"file\"]").contains("[\"body\",\"note\"]");
    }

    @Test
    void theClientsContentTypeDefaultsToOctets() throws Exception {
        var r = client.request("POST", "/upload").file("file", "x", null, new byte[] {1}).multipart("note", "n").send();
        assertThat(r.json().get("contentType").asText()).isEqualTo("application/octet-stream");
    }

    @Test
    void anExtendedFilenameIsDecoded() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\n"
                + "x\r\n--b--\r\n";
        var r = client.request("POST", "/many").body(body, "multipart/form-data; boundary=b").send();
        assertThat(r).hasJsonBody("[\"€ rates.txt:1\"]");
    }

    @Test
    void transferToCopiesTheContent() throws Exception {
        var r = client.request("POST", "/copy").file("file", "a.bin", null, random(200_000)).send();
        assertThat(r).hasJsonBody("{\"copied\":200000,\"same\":true}");
        assertThat(routes.spoolEmptied()).isTrue();
    }

    @Test
    void spoolFilesAreGoneAfterAHandlerFails() throws Exception {
        var r = client.request("POST", "/fails").file("file", "a.bin", null, random(500_000)).send();
        assertThat(r).hasStatus(500);
        assertThat(routes.seenOnDisk.get(routes.seenOnDisk.size() - 1)).hasSize(1);
        assertThat(routes.spoolEmptied()).isTrue();
    }

    @Test
    void formRoutesTakeMultipartTextFields() {
        var r = client.request("POST", "/fields").multipart("name", "Ann").multipart("age", "41").multipart("tags", "a").multipart("tags", "b").send();
        assertThat(r).hasStatus(200).hasJsonBody("{\"name\":\"Ann\",\"age\":41,\"tags\":[\"a\",\"b\"]}");
        var bad = client.request("POST", "/fields").multipart("name", "Ann").multipart("age", "old").send();
        assertThat(bad).hasStatus(422);
        assertThat(bad.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"age\"]");
    }

    @Test
    void aJsonBodyToAnUploadRouteIs415() {
        assertThat(client.post("/many", java.util.Map.of("a", 1))).hasStatus(415);
    }
}
