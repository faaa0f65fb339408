package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Cookie;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Path;
import dev.brisk.Query;
import dev.brisk.Request;
import dev.brisk.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.param;
import static org.assertj.core.api.Assertions.assertThat;

class ParametersTest {
    public enum Size { SMALL, LARGE }

    public static class Routes {
        @Get("/items/{id}")
        public String read(int id, String q, @Query(defaultValue = "10") int limit, Optional<Boolean> full,
                           @Header String xToken, @Header("X-Trace") Optional<String> trace,
                           @Cookie("session") String session, Request raw, Response out) {
            return "";
        }

        @Get("/files/{file:path}")
        public String file(String file) {
            return "";
        }

        @Get("/search")
        public String search(List<String> tag, Set<Integer> ids, @Query(value = "when", defaultValue = "2024-01-31") LocalDate day,
                             @Query(defaultValue = "yes") boolean exact, @Query(defaultValue = "LARGE") Size size,
                             @Query(defaultValue = "0.5") double ratio, UUID ref, @Deprecated Optional<String> old) {
            return "";
        }

        @Get("/small/{b}")
        public String small(byte b, Optional<Short> s, List<Short> many) {
            return "";
        }

        @Get("/users/{userId}/posts/{post}")
        public String post(@Path("userId") long user, @Path String post) {
            return "";
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    @Test
    void everyKindHasItsInAndRequiredFlag() {
        JsonNode op = op(doc, "GET", "/items/{id}");
        assertThat(Docs.paramNames(op)).containsExactly("id", "q", "limit", "full", "x-token", "X-Trace", "session");
        assertThat(param(op, "id").path("in").asText()).isEqualTo("path");
        assertThat(param(op, "id").path("required").asBoolean()).isTrue();
        assertThat(param(op, "q").path("in").asText()).isEqualTo("query");
        assertThat(param(op, "q").path("required").asBoolean()).isTrue();
        assertThat(param(op, "limit").path("required").asBoolean()).isFalse();
        assertThat(param(op, "full").path("required").asBoolean()).isFalse();
        assertThat(param(op, "x-token").path("in").asText()).isEqualTo("header");
        assertThat(param(op, "x-token").path("required").asBoolean()).isTrue();
        assertThat(param(op, "X-Trace").path("required").asBoolean()).isFalse();
        assertThat(param(op, "session").path("in").asText()).isEqualTo("cookie");
        assertThat(param(op, "session").path("required").asBoolean()).isTrue();
    }

    @Test
    void shortsAndBytesAreIntegersInTheirRange() {
        JsonNode op = op(doc, "GET", "/small/{b}");
        assertThat(param(op, "b").path("schema")).isEqualTo(Docs.json("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-128,\"maximum\":127}"));
        assertThat(param(op, "s").path("schema").path("maximum").asInt()).isEqualTo(32767);
        assertThat(param(op, "many").path("schema").path("items").path("minimum").asInt()).isEqualTo(-32768);
    }

    @Test
    void schemasFollowTheJavaType() {
        JsonNode op = op(doc, "GET", "/items/{id}");
        assertThat(param(op, "id").path("schema")).isEqualTo(Docs.json("{\"type\":\"integer\",\"format\":\"int32\"}"));
        assertThat(param(op, "q").path("schema")).isEqualTo(Docs.json("{\"type\":\"string\"}"));
        assertThat(param(op, "full").path("schema")).isEqualTo(Docs.json("{\"type\":\"boolean\"}"));

        JsonNode search = op(doc, "GET", "/search");
        assertThat(param(search, "tag").path("schema")).isEqualTo(Docs.json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        assertThat(param(search, "tag").path("required").asBoolean()).isFalse();
        assertThat(param(search, "ids").path("schema").path("uniqueItems").asBoolean()).isTrue();
        assertThat(param(search, "ref").path("schema")).isEqualTo(Docs.json("{\"type\":\"string\",\"format\":\"uuid\"}"));
        assertThat(param(search, "size").path("schema").path("enum")).isEqualTo(Docs.json("[\"SMALL\",\"LARGE\"]"));
    }

    @Test
    void defaultsAreTypedJsonValues() {
        JsonNode search = op(doc, "GET", "/search");
        assertThat(param(op(doc, "GET", "/items/{id}"), "limit").path("schema").path("default")).isEqualTo(Docs.json("10"));
        assertThat(param(search, "when").path("schema").path("default").asText()).isEqualTo("2024-01-31");
        assertThat(param(search, "when").path("schema").path("format").asText()).isEqualTo("date");
        assertThat(param(search, "exact").path("schema").path("default")).isEqualTo(Docs.json("true"));
        assertThat(param(search, "size").path("schema").path("default").asText()).isEqualTo("LARGE");
        assertThat(param(search, "ratio").path("schema").path("default").asDouble()).isEqualTo(0.5);
        assertThat(param(search, "ratio").path("required").asBoolean()).isFalse();
    }

    @Test
    void pathConverterShowsAsAPlainName() {
        assertThat(doc.path("paths").has("/files/{file}")).isTrue();
        assertThat(param(op(doc, "GET", "/files/{file}"), "file").path("in").asText()).isEqualTo("path");
    }

    @Test
    void explicitWireNamesAreUsed() {
        JsonNode op = op(doc, "GET", "/users/{userId}/posts/{post}");
        assertThat(param(op, "userId").path("schema").path("format").asText()).isEqualTo("int64");
        assertThat(param(op, "post").path("required").asBoolean()).isTrue();
    }

    @Test
    void deprecatedParametersAreMarked() {
        assertThat(param(op(doc, "GET", "/search"), "old").path("deprecated").asBoolean()).isTrue();
        assertThat(param(op(doc, "GET", "/search"), "tag").has("deprecated")).isFalse();
    }

    @Test
    void requestAndResponseParametersAreNotOnTheWire() {
        JsonNode op = op(doc, "GET", "/items/{id}");
        assertThat(op.path("parameters").toString()).doesNotContain("\"raw\"").doesNotContain("\"out\"");
        assertThat(op.has("requestBody")).isFalse();
    }
}
