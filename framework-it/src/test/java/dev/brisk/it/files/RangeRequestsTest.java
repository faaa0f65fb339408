package dev.brisk.it.files;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9110 section 14 on a 100-byte file whose byte i is i. Includes the three places where
 * Starlette's FileResponse departs from the RFC (its behaviour in the test names).
 */
class RangeRequestsTest {
    @TempDir
    static Path dir;
    static TestClient client;
    static String etag;
    static String lastModified;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new FileRoutes(dir)).build());
        var r = client.get("/data");
        etag = r.header("ETag");
        lastModified = r.header("Last-Modified");
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static TestResponse range(String value) {
        return client.request("GET", "/data").header("Range", value).send();
    }

    /** Bytes of data.bin. */
    static byte[] bytes(int from, int to) {
        byte[] b = new byte[to - from + 1];
        for (int i = from; i <= to; i++) b[i - from] = (byte) i;
        return b;
    }

    static void assertWhole(TestResponse r) {
        assertThat(r).hasStatus(200).hasHeader("Content-Length", "100");
        assertThat(r.header("Content-Range")).isNull();
        assertThat(r.bytes()).isEqualTo(bytes(0, 99));
    }

    @Test
    void aSingleRangeIs206() {
        var r = range("bytes=10-19");
        assertThat(r).hasStatus(206).hasHeader("Content-Range", "bytes 10-19/100").hasHeader("Content-Length", "10")
                .hasHeader("Content-Type", "application/octet-stream").hasHeader("ETag", etag);
        assertThat(r.bytes()).isEqualTo(bytes(10, 19));
    }

    @Test
    void aLastPosPastTheEndIsCut() {
        var r = range("bytes=90-1000");
        assertThat(r).hasStatus(206).hasHeader("Content-Range", "bytes 90-99/100");
        assertThat(r.bytes()).isEqualTo(bytes(90, 99));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        var r = range("bytes=-5");
        assertThat(r).hasStatus(206).hasHeader("Content-Range", "bytes 95-99/100");
        assertThat(r.bytes()).isEqualTo(bytes(95, 99));
        assertThat(range("bytes=-500")).hasStatus(206).hasHeader("Content-Range", "bytes 0-99/100");
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        var r = range("bytes=95-");
        assertThat(r).hasStatus(206).hasHeader("Content-Range", "bytes 95-99/100");
        assertThat(r.bytes()).isEqualTo(bytes(95, 99));
    }

    @Test
    void theUnitIsCaseInsensitiveAndSpacesAreAllowed() {
        assertThat(range("Bytes = 0-0")).hasStatus(206).hasHeader("Content-Range", "bytes 0-0/100");
    }

    @Test
    void severalRangesAreMultipartByteranges() {
        var r = client.request("GET", "/big").header("Range", "bytes=0-999, 5000-5999").send();
        assertThat(r).hasStatus(206);
        String ct = r.header("Content-Type");
        assertThat(ct).startsWith("multipart/byteranges; boundary=");
        String boundary = ct.substring(ct.indexOf('=') + 1);
        assertThat(r.header("Content-Range")).isNull();
        var parts = parts(r.bytes(), boundary);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).headers).containsExactly("Content-Type: application/octet-stream", "Content-Range: bytes 0-999/10000");
        assertThat(parts.get(0).body).isEqualTo(big(0, 999));
        assertThat(parts.get(1).headers).containsExactly("Content-Type: application/octet-stream", "Content-Range: bytes 5000-5999/10000");
        assertThat(parts.get(1).body).isEqualTo(big(5000, 5999));
        assertThat(Long.parseLong(r.header("Content-Length"))).isEqualTo(r.bytes().length);
    }

    static byte[] big(int from, int to) {
        byte[] b = new byte[to - from + 1];
        for (int i = from; i <= to; i++) b[i - from] = (byte) (i % 251);
        return b;
    }

    @Test
    void noSatisfiableRangeIs416() {
        var r = range("bytes=100-200");
        assertThat(r).hasStatus(416).hasHeader("Content-Range", "bytes */100").hasJsonBody("{\"detail\":\"Range Not Satisfiable\"}");
        assertThat(range("bytes=-0")).hasStatus(416);
        assertThat(range("bytes=200-300, 400-")).hasStatus(416);
    }

    @Test
    void anEmptyFileSatisfiesNoRange() {
        assertThat(client.request("GET", "/empty").header("Range", "bytes=0-").send()).hasStatus(416).hasHeader("Content-Range", "bytes */0");
    }

    @Test
    void unsatisfiableRangesAmongSatisfiableOnesAreLeftOut_starletteAnswers416() {
        // RFC 9110 14.1.1: a range set is satisfiable when one of its ranges is; Starlette answers 416 when any is not.
        var r = range("bytes=0-4, 500-600");
        assertThat(r).hasStatus(206).hasHeader("Content-Range", "bytes 0-4/100");
        assertThat(r.bytes()).isEqualTo(bytes(0, 4));
    }

    @Test
    void anUnknownUnitIsIgnored_starletteAnswers400() {
        // RFC 9110 14.2: a server MUST ignore a Range with a unit it does not understand.
        assertWhole(range("items=0-5"));
    }

    @Test
    void aRangeOnHeadIsIgnored_starletteAnswers206() {
        // RFC 9110 14.2: GET is the only method for which range handling is defined.
        var r = client.request("HEAD", "/data").header("Range", "bytes=0-4").send();
        assertThat(r).hasStatus(200).hasHeader("Content-Length", "100");
        assertThat(r.header("Content-Range")).isNull();
    }

    @Test
    void malformedRangesAreIgnored() {
        for (String bad : List.of("bytes=5-2", "bytes=abc", "bytes=1-2-3", "bytes", "=0-1", "bytes=", "bytes=-", "bytes=0x1-2",
                "bytes=1--2", "bytes=99999999999999999999-")) {
            assertWhole(range(bad));
        }
    }

    @Test
    void moreThanAHundredRangesAreIgnored() {
        String many = IntStream.range(0, 101).mapToObj(i -> i + "-" + i).collect(Collectors.joining(","));
        assertWhole(range("bytes=" + many));
    }

    @Test
    void overlappingRangesAreIgnored() {
        assertWhole(range("bytes=0-50, 40-60"));
        assertWhole(range("bytes=0-10, -95"));
    }

    @Test
    void tinyRangesThatWouldAmplifyAreIgnored() {
        // Ten one-byte parts would cost more than the whole file.
        assertWhole(range("bytes=0-0,10-10,20-20,30-30,40-40,50-50,60-60,70-70,80-80,90-90"));
    }

    @Test
    void aMatchingIfRangeKeepsTheRange() {
        assertThat(client.request("GET", "/data").header("Range", "bytes=0-4").header("If-Range", etag).send()).hasStatus(206);
        assertThat(client.request("GET", "/data").header("Range", "bytes=0-4").header("If-Range", lastModified).send()).hasStatus(206);
    }

    @Test
    void aStaleOrWeakIfRangeSendsTheWholeFile() {
        assertWhole(client.request("GET", "/data").header("Range", "bytes=0-4").header("If-Range", "\"stale\"").send());
        assertWhole(client.request("GET", "/data").header("Range", "bytes=0-4").header("If-Range", "W/" + etag).send());
        assertWhole(client.request("GET", "/data").header("Range", "bytes=0-4").header("If-Range", "Mon, 06 May 2024 07:08:08 GMT").send());
    }

    @Test
    void aRangeOfAPostIsIgnored() {
        var r = client.request("POST", "/data").header("Range", "bytes=0-4").send();
        assertThat(r).hasStatus(200).hasHeader("Content-Length", "100");
    }

    @Test
    void anInMemoryStreamOverTheTestClientMatchesTheFile() {
        try (var s = client.request("GET", "/data").header("Range", "bytes=10-19").stream()) {
            assertThat(s.status()).isEqualTo(206);
            assertThat(s.readAll()).isEqualTo(bytes(10, 19));
        }
    }

    record Part(List<String> headers, byte[] body) {}

    static List<Part> parts(byte[] body, String boundary) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(s).endsWith("--" + boundary + "--\r\n");
        var out = new ArrayList<Part>();
        String delim = "--" + boundary + "\r\n";
        int i = s.indexOf(delim);
        assertThat(i).isEqualTo(0);
        while (i >= 0) {
            int headEnd = s.indexOf("\r\n\r\n", i);
            var headers = List.of(s.substring(i + delim.length(), headEnd).split("\r\n"));
            int next = s.indexOf("\r\n--" + boundary, headEnd + 4);
            out.add(new Part(headers, s.substring(headEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1)));
            i = s.startsWith(delim, next + 2) ? next + 2 : -1;
        }
        return out;
    }
}
