package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Post;
import dev.brisk.Query;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.param;
import static dev.brisk.openapi.Docs.schema;
import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTest {
    public record Signup(@NotBlank @Size(max = 30) String name,
                         @Size(min = 8, max = 64) String password,
                         @Email String email,
                         @Pattern(regexp = "^[a-z]+$") String handle,
                         @Min(18) @Max(130) int age,
                         @Positive double weight,
                         @PositiveOrZero int visits,
                         @NegativeOrZero long balance,
                         @DecimalMin(value = "0.5", inclusive = false) @DecimalMax("99.5") BigDecimal score,
                         @NotEmpty List<String> tags,
                         @Size(min = 2, max = 5) List<Integer> lucky,
                         @NotBlank @Size(min = 3) String code,
                         Optional<@Size(max = 20) String> nickname,
                         @Pattern(regexp = "\\d{5}") String zip,
                         @Pattern(regexp = "^a|b$") String either,
                         @NotBlank @Pattern(regexp = "[a-z ]+") String words,
                         @org.hibernate.validator.constraints.Length(min = 2, max = 4) String legacy,
                         @org.hibernate.validator.constraints.CodePointLength(max = 4) String counted,
                         List<@NotBlank @Pattern(regexp = "[a-z]+") String> words2,
                         java.util.Map<String, @NotBlank String> labels) {
    }

    public static class Routes {
        @Post("/signup")
        public void signup(Signup s) {
        }

        @Get("/search")
        public String search(@Size(min = 3, max = 50) String q, @Query(defaultValue = "10") @Min(1) @Max(100) int limit,
                             Optional<@Positive Double> above, Optional<@Size(min = 3) String> near, @Pattern(regexp = "^v[0-9]+$") @Header String xVersion,
                             @Size(max = 3) List<@Min(1) Integer> page) {
            return "";
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    /** The property's schema; of a field that may be null (anyOf [T, null]), its T. */
    private JsonNode field(String name) {
        JsonNode p = rawField(name);
        return p.has("anyOf") && !name.equals("nickname") ? p.path("anyOf").path(0) : p;
    }

    private JsonNode rawField(String name) {
        return schema(doc, "Signup").path("properties").path(name);
    }

    @Test
    void stringLengthsAndPatterns() {
        assertThat(field("name").path("minLength").asInt()).isEqualTo(1);
        assertThat(field("name").path("maxLength").asInt()).isEqualTo(30);
        assertThat(field("password").path("minLength").asInt()).isEqualTo(8);
        assertThat(field("password").path("maxLength").asInt()).isEqualTo(64);
        assertThat(field("code").path("minLength").asInt()).as("@NotBlank does not lower @Size's bound").isEqualTo(3);
        assertThat(field("email").path("format").asText()).isEqualTo("email");
        assertThat(field("handle").path("pattern").asText()).isEqualTo("^[a-z]+$");
    }

    @Test
    void notBlankSaysSoWithAPattern() {
        assertThat(field("name").path("pattern").asText()).isEqualTo("\\S");
        assertThat(field("code").path("pattern").asText()).isEqualTo("\\S");
        // with a @Pattern too: both, in the one pattern a schema has
        assertThat(field("words").path("pattern").asText()).isEqualTo("^(?=[\\s\\S]*\\S)(?:[a-z ]+)$");
    }

    @Test
    void patternsMatchTheWholeValueAsBeanValidationDoes() {
        assertThat(field("zip").path("pattern").asText()).isEqualTo("^(?:\\d{5})$");
        assertThat(field("either").path("pattern").asText()).isEqualTo("^(?:^a|b$)$");
        assertThat(param(op(doc, "GET", "/search"), "x-version").path("schema").path("pattern").asText()).isEqualTo("^v[0-9]+$");
    }

    @Test
    void itemsAndMapValuesInBrisksTermsToo() {
        assertThat(field("words2").path("items").path("pattern").asText()).isEqualTo("^(?=[\\s\\S]*\\S)(?:[a-z]+)$");
        assertThat(field("labels").path("additionalProperties").path("pattern").asText()).isEqualTo("\\S");
    }

    @Test
    void hibernateLengthsToo() {
        assertThat(rawField("legacy")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\",\"minLength\":2,\"maxLength\":4},{\"type\":\"null\"}]}"));
        assertThat(field("counted").path("maxLength").asInt()).isEqualTo(4);
    }

    @Test
    void constraintsOnAnOptionalsTypeArgument() {
        assertThat(field("nickname")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\",\"maxLength\":20},{\"type\":\"null\"}]}"));
    }

    @Test
    void numberBounds() {
        assertThat(field("age").path("minimum").asInt()).isEqualTo(18);
        assertThat(field("age").path("maximum").asInt()).isEqualTo(130);
        assertThat(field("weight").path("exclusiveMinimum").asInt()).isZero();
        assertThat(field("weight").has("minimum")).isFalse();
        assertThat(field("visits").path("minimum").asInt()).isZero();
        assertThat(field("balance").path("maximum").asInt()).isZero();
        assertThat(field("score").path("exclusiveMinimum").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(field("score").path("maximum").decimalValue()).isEqualByComparingTo("99.5");
    }

    @Test
    void collectionSizes() {
        assertThat(field("tags").path("minItems").asInt()).isEqualTo(1);
        assertThat(field("lucky").path("minItems").asInt()).isEqualTo(2);
        assertThat(field("lucky").path("maxItems").asInt()).isEqualTo(5);
    }

    @Test
    void noOpenEndedBounds() {
        assertThat(doc.toString()).doesNotContain("2147483647").doesNotContain("\"minLength\":0").doesNotContain("\"minItems\":0");
    }

    @Test
    void parametersCarryTheirConstraints() {
        JsonNode op = op(doc, "GET", "/search");
        assertThat(param(op, "q").path("schema")).isEqualTo(Docs.json("{\"type\":\"string\",\"minLength\":3,\"maxLength\":50}"));
        assertThat(param(op, "limit").path("schema")).isEqualTo(Docs.json(
                "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":100,\"default\":10}"));
        assertThat(param(op, "above").path("schema").path("exclusiveMinimum").asInt()).isZero();
        assertThat(param(op, "near").path("schema")).isEqualTo(Docs.json("{\"type\":\"string\",\"minLength\":3}"));
        assertThat(param(op, "x-version").path("schema").path("pattern").asText()).isEqualTo("^v[0-9]+$");
        assertThat(param(op, "page").path("schema").path("maxItems").asInt()).isEqualTo(3);
        assertThat(param(op, "page").path("schema").path("items").path("minimum").asInt()).isEqualTo(1);
    }
}
