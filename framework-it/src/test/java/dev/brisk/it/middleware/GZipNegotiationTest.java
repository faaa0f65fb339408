package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Which coding a request's Accept-Encoding gets: q-values, "*", aliases, ties, malformed values. */
class GZipNegotiationTest {
    static final String TEXT = "All work and no play makes Jack a dull boy. ".repeat(100);
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().middleware(GZip.create()).route("GET", "/text", req -> TEXT).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip                         | gzip",
            "GZIP                         | gzip",
            "x-gzip                       | gzip",
            "deflate                      | deflate",
            "gzip, deflate                | gzip",
            "deflate, gzip                | gzip",        // a tie: gzip
            "gzip;q=0.5, deflate          | deflate",
            "deflate;q=0.9, gzip;q=0.8    | deflate",
            "gzip;q=0                     | identity",
            "gzip;q=0.000                 | identity",
            "gzip;q=0, deflate;q=0.001    | deflate",
            "gzip ; Q=0.9                 | gzip",
            "gzip;level=1                 | gzip",        // other parameters do not matter
            "*                            | gzip",
            "*;q=0                        | identity",
            "*;q=0.1, gzip;q=0            | deflate",     // '*' stands for the codings not listed
            "br, *;q=0.1                  | gzip",
            "br                           | identity",
            "br, gzip;q=0.8               | gzip",
            "compress, deflate            | deflate",
            "identity                     | identity",
            "identity;q=0                 | identity",    // nothing acceptable: identity is sent anyway
            "gzip;q=1.5                   | identity",    // a malformed q-value drops its element
            "gzip;q=abc                   | identity",
            "gzip;q=0.0001                | identity",
            "gzip;q=                      | identity",
            "gzip;q                       | identity",
            "gzip;q=1.000, deflate;q=2    | gzip",
            "gzipx                        | identity",
            "'  ,, gzip ,  '              | gzip",
            "''                           | identity",
    })
    void acceptEncoding(String header, String expected) {
        var r = client.request("GET", "/text").header("Accept-Encoding", header).send();
        assertCoding(r, expected);
    }

    @Test
    void noAcceptEncodingMeansNoCompression() {
        assertCoding(client.get("/text"), "identity");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        var r = client.request("GET", "/text").header("Accept-Encoding", "deflate").header("Accept-Encoding", "gzip;q=0").send();
        assertCoding(r, "deflate");
    }

    static void assertCoding(dev.brisk.test.TestResponse r, String expected) {
        assertThat(r).hasStatus(200).hasHeader("Vary", "Accept-Encoding");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.bytes().length));
        switch (expected) {
            case "gzip" -> {
                assertThat(r).hasHeader("Content-Encoding", "gzip");
                assertThat(Compressed.gunzip(r.bytes())).isEqualTo(TEXT);
                assertThat(r.bytes().length).isLessThan(TEXT.length() / 10);
            }
            case "deflate" -> {
                assertThat(r).hasHeader("Content-Encoding", "deflate");
                assertThat(Compressed.inflate(r.bytes())).isEqualTo(TEXT);
            }
            default -> {
                assertThat(r).doesNotHaveHeader("Content-Encoding");
                assertThat(r.text()).isEqualTo(TEXT);
            }
        }
    }
}
