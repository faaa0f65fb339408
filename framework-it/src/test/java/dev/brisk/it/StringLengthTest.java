package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Length;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * String lengths are counted in code points, as JSON Schema's {@code maxLength} and pydantic do: an
 * emoji is one character. The same on the fast path (a flat record proven valid without Hibernate
 * Validator), through Hibernate Validator (nested, query) and for {@code @Length}. {@code @NotBlank}
 * means "has a character that is not whitespace", whitespace being what {@code \s} matches in JSON
 * Schema's regular expressions.
 */
@BriskTest
class StringLengthTest {
    private static final String SMILE = "\ud83d\ude00";

    public record Code(@Size(min = 2, max = 3) String code) {
    }

    public record Wrapper(@Valid Code inner, @Length(max = 3) String legacy, List<@Size(max = 2) String> tags) {
    }

    public record Name(@NotBlank String name) {
    }

    public static class Routes {
        @Post("/codes")
        public Code code(Code c) {
            return c;
        }

        @Post("/wrapped")
        public Wrapper wrapped(Wrapper w) {
            return w;
        }

        @Get("/search")
        public String search(@Size(max = 3) String q) {
            return q;
        }

        @Post("/names")
        public Name name(Name n) {
            return n;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    private TestResponse post(String path, String json) {
        return client.request("POST", path).body(json, "application/json").send();
    }

    @Test
    void emojiCountAsOneCharacter() {
        assertThat(post("/codes", "{\"code\":\"" + SMILE.repeat(3) + "\"}")).hasStatus(200);
        assertThat(post("/codes", "{\"code\":\"" + SMILE.repeat(4) + "\"}")).hasStatus(422).hasJsonBody(
                "{\"detail\":[{\"type\":\"size\",\"loc\":[\"body\",\"code\"],\"msg\":\"String should have between 2 and 3 characters\","
                        + "\"input\":\"" + SMILE.repeat(4) + "\",\"ctx\":{\"min\":2,\"max\":3}}]}");
        assertThat(post("/codes", "{\"code\":\"" + SMILE + "\"}")).hasValidationError("size", "body", "code");
    }

    @Test
    void throughTheValidatorToo() {
        String three = SMILE.repeat(3);
        assertThat(post("/wrapped", "{\"inner\":{\"code\":\"" + three + "\"},\"legacy\":\"" + three + "\",\"tags\":[\"" + SMILE + SMILE + "\"]}"))
                .hasStatus(200);
        assertThat(post("/wrapped", "{\"inner\":{\"code\":\"" + three + SMILE + "\"},\"legacy\":\"" + three + SMILE + "\",\"tags\":[\""
                + three + "\"]}"))
                .hasStatus(422)
                .hasValidationError("size", "body", "inner", "code")
                .hasValidationError("length", "body", "legacy")
                .hasValidationError("size", "body", "tags", 0);
        assertThat(client.get("/search?q=" + URLEncoder.encode(three, StandardCharsets.UTF_8))).hasStatus(200).hasText(three);
        assertThat(client.get("/search?q=" + URLEncoder.encode(three + "x", StandardCharsets.UTF_8))).hasValidationError("size", "query", "q");
    }

    @Test
    void blankMeansOnlyJsonSchemaWhitespace() {
        for (String blank : List.of("", " ", "\\t\\n", "\\u00a0", "\\u2003", "\\ufeff", "\\u3000 ")) {
            assertThat(post("/names", "{\"name\":\"" + blank + "\"}")).as(blank).hasValidationError("not_blank", "body", "name");
        }
        for (String text : List.of("a", " a ", "\\u001c", "\\u0085", "\\u200b")) {
            assertThat(post("/names", "{\"name\":\"" + text + "\"}")).as(text).hasStatus(200);
        }
    }
}
