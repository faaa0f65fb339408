package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Post;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.brisk.openapi.Docs.schema;
import static org.assertj.core.api.Assertions.assertThat;

class FieldTypesTest {
    public record Everything(String s, int i, long l, double d, float f, boolean b, BigDecimal dec, BigInteger big,
                             UUID id, LocalDate date, LocalDateTime local, OffsetDateTime offset, Instant at, Duration took,
                             List<String> list, Set<Long> set, Map<String, Double> map, String[] array, Object anything) {
    }

    public static class Routes {
        @Post("/everything")
        public Everything echo(Everything e) {
            return e;
        }
    }

    private final JsonNode props = schema(Docs.of(new Routes()), "Everything").path("properties");

    private void is(String field, String json) {
        assertThat(props.path(field)).as(field).isEqualTo(Docs.json(json));
    }

    @Test
    void scalars() {
        is("s", "{\"type\":\"string\"}");
        is("i", "{\"type\":\"integer\",\"format\":\"int32\"}");
        is("l", "{\"type\":\"integer\",\"format\":\"int64\"}");
        is("d", "{\"type\":\"number\",\"format\":\"double\"}");
        is("f", "{\"type\":\"number\",\"format\":\"float\"}");
        is("b", "{\"type\":\"boolean\"}");
        is("dec", "{\"type\":\"number\"}");
        is("big", "{\"type\":\"integer\"}");
        is("id", "{\"type\":\"string\",\"format\":\"uuid\"}");
        is("anything", "{}");
    }

    @Test
    void javaTime() {
        is("date", "{\"type\":\"string\",\"format\":\"date\"}");
        is("local", "{\"type\":\"string\",\"format\":\"date-time\"}");
        is("offset", "{\"type\":\"string\",\"format\":\"date-time\"}");
        is("at", "{\"type\":\"string\",\"format\":\"date-time\"}");
        is("took", "{\"type\":\"string\",\"format\":\"duration\"}");
    }

    @Test
    void collectionsAndMaps() {
        is("list", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        is("set", "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int64\"},\"uniqueItems\":true}");
        is("map", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\",\"format\":\"double\"}}");
        is("array", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    }
}
