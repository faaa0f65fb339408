package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Which responses GZip compresses: size, type, status, no-transform, existing encodings; Vary, ETag, HEAD. */
class GZipEligibilityTest {
    static final String BIG = "<p>compressible text, over and over</p>".repeat(80);
    static final byte[] BIG_BYTES = BIG.getBytes(StandardCharsets.UTF_8);

    public record Item(int id, String name) {
    }

    public static class Routes {
        @Get("/items")
        public List<Item> items() {
            return IntStream.range(0, 200).mapToObj(i -> new Item(i, "item-" + i)).toList();
        }

        @Get("/small")
        public Item small() {
            return new Item(1, "one");
        }

        @Get("/typed/{kind}")
        public Response typed(String kind) {
            String type = switch (kind) {
                case "html" -> "text/html; charset=utf-8";
                case "css" -> "text/css";
                case "csv" -> "TEXT/CSV";
                case "js" -> "application/javascript";
                case "xml" -> "application/xml";
                case "atom" -> "application/atom+xml";
                case "problem" -> "application/problem+json";
                case "svg" -> "image/svg+xml";
                case "ndjson" -> "application/x-ndjson";
                case "png" -> "image/png";
                case "octets" -> "application/octet-stream";
                case "zip" -> "application/zip";
                case "sse" -> "text/event-stream";
                case "sse-charset" -> "text/event-stream; charset=utf-8";
                case "jsonish" -> "application/jsonx";
                default -> throw new IllegalArgumentException(kind);
            };
            return Response.bytes(BIG_BYTES, type);
        }

        @Get("/sized/{n}")
        public Response sized(int n) {
            return Response.text("x".repeat(n));
        }

        @Get("/no-transform")
        public Response noTransform() {
            return Response.text(BIG).header("Cache-Control", "public, No-Transform");
        }

        @Get("/encoded")
        public Response encoded() {
            return Response.bytes(BIG_BYTES, "text/plain").header("Content-Encoding", "br");
        }

        @Get("/partial")
        public Response partial() {
            return Response.bytes(BIG_BYTES, "text/plain").setStatus(206).header("Content-Range", "bytes 0-" + (BIG_BYTES.length - 1) + "/99999");
        }

        @Get("/validated")
        public Response validated() {
            return Response.text(BIG).header("ETag", "\"v1\"").header("Accept-Ranges", "bytes");
        }

        @Get("/weak")
        public Response weak() {
            return Response.text(BIG).header("ETag", "W/\"v1\"");
        }

        @Get(value = "/nothing", status = 204)
        public void nothing() {
        }

        @Get("/refused")
        public String refused() {
            throw new dev.brisk.HttpException(400, BIG);
        }

        @Get("/varies")
        public Response varies() {
            return Response.text(BIG).header("Vary", "Cookie");
        }
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().middleware(GZip.create()).include(new Routes()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static TestResponse gzipGet(String path) {
        return client.request("GET", path).header("Accept-Encoding", "gzip").send();
    }

    @Test
    void aLargeJsonBodyIsCompressedAndTheLengthIsTheCompressedOne() {
        var plain = client.get("/items");
        var r = gzipGet("/items");
        assertThat(r).hasStatus(200).hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding")
                .hasHeader("Content-Type", "application/json");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.bytes().length));
        assertThat(Compressed.gunzip(r.bytes())).isEqualTo(plain.text());
        assertThat(plain).hasHeader("Vary", "Accept-Encoding").doesNotHaveHeader("Content-Encoding");
    }

    @Test
    void bodiesBelowTheMinimumSizeAreNotCompressedButVary() {
        var r = gzipGet("/small");
        assertThat(r).hasStatus(200).doesNotHaveHeader("Content-Encoding").hasHeader("Vary", "Accept-Encoding").hasJsonBody("{\"id\":1,\"name\":\"one\"}");
        assertThat(gzipGet("/sized/1023")).doesNotHaveHeader("Content-Encoding");
        assertThat(gzipGet("/sized/1024")).hasHeader("Content-Encoding", "gzip");
    }

    @Test
    void theMinimumSizeIsConfigurable() {
        try (var c = TestClient.of(App.builder().middleware(GZip.minimumSize(10)).include(new Routes()).build())) {
            var r = c.request("GET", "/sized/20").header("Accept-Encoding", "gzip").send();
            assertThat(r).hasHeader("Content-Encoding", "gzip");
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo("x".repeat(20));
            assertThat(c.request("GET", "/sized/9").header("Accept-Encoding", "gzip").send()).doesNotHaveHeader("Content-Encoding");
        }
        try (var c = TestClient.of(App.builder().middleware(GZip.minimumSize(0).level(9)).include(new Routes()).build())) {
            var r = c.request("GET", "/sized/1").header("Accept-Encoding", "gzip").send();
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo("x");
            assertThat(c.request("GET", "/sized/0").header("Accept-Encoding", "gzip").send())
                    .as("an empty body is never compressed").doesNotHaveHeader("Content-Encoding");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "html, true", "css, true", "csv, true", "js, true", "xml, true", "atom, true", "problem, true", "svg, true", "ndjson, true",
            "png, false", "octets, false", "zip, false", "sse, false", "sse-charset, false", "jsonish, false",
    })
    void onlyCompressibleTypesAreCompressedAndVary(String kind, boolean compressed) {
        var r = gzipGet("/typed/" + kind);
        assertThat(r).hasStatus(200);
        if (compressed) {
            assertThat(r).hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding");
            assertThat(Compressed.gunzip(r.bytes())).isEqualTo(BIG);
        } else {
            assertThat(r).doesNotHaveHeader("Content-Encoding").doesNotHaveHeader("Vary");
            assertThat(r.bytes()).isEqualTo(BIG_BYTES);
        }
    }

    @Test
    void noTransformIsRespected() {
        var r = gzipGet("/no-transform");
        assertThat(r).doesNotHaveHeader("Content-Encoding").hasText(BIG);
    }

    @Test
    void anExistingContentEncodingIsLeftAlone() {
        var r = gzipGet("/encoded");
        assertThat(r.headers().get("Content-Encoding")).containsExactly("br");
        assertThat(r.bytes()).isEqualTo(BIG_BYTES);
    }

    @Test
    void partialContentIsNeverCompressed() {
        var r = gzipGet("/partial");
        assertThat(r).hasStatus(206).doesNotHaveHeader("Content-Encoding").doesNotHaveHeader("Vary");
        assertThat(r.bytes()).isEqualTo(BIG_BYTES);
    }

    @Test
    void aCompressedBodyHasAWeakETagAndNoByteRanges() {
        var r = gzipGet("/validated");
        assertThat(r).hasHeader("Content-Encoding", "gzip").hasHeader("ETag", "W/\"v1\"").doesNotHaveHeader("Accept-Ranges");
        var plain = client.get("/validated");
        assertThat(plain).hasHeader("ETag", "\"v1\"").hasHeader("Accept-Ranges", "bytes");
        assertThat(gzipGet("/weak")).hasHeader("ETag", "W/\"v1\"");
    }

    @Test
    void aHandlersVaryIsExtended() {
        assertThat(gzipGet("/varies").headers().get("Vary")).containsExactly("Cookie, Accept-Encoding");
    }

    @Test
    void noContentStaysEmpty() {
        var r = gzipGet("/nothing");
        assertThat(r).hasStatus(204).doesNotHaveHeader("Content-Encoding");
    }

    @Test
    void headHasTheHeadersOfGet() {
        var get = gzipGet("/items");
        var head = client.request("HEAD", "/items").header("Accept-Encoding", "gzip").send();
        assertThat(head).hasStatus(200).hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding")
                .hasHeader("Content-Length", get.header("Content-Length"));
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void errorAnswersAreCompressedLikeAnyResponse() {
        var big = gzipGet("/refused");
        assertThat(big).hasStatus(400).hasHeader("Content-Encoding", "gzip");
        assertThat(Compressed.gunzip(big.bytes())).isEqualTo("{\"detail\":\"" + BIG + "\"}");
        var small = gzipGet("/nowhere");
        assertThat(small).hasStatus(404).doesNotHaveHeader("Content-Encoding").hasHeader("Vary", "Accept-Encoding");
    }
}
