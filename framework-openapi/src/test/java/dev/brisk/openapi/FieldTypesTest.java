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
                             List<String> list, Set<Long> set, Map<String, Double> map, String[] array, Object anything,
                             short sh, Byte by, List<Short> shorts, Map<String, Byte> bytes, @jakarta.validation.constraints.Min(-5) short atLeast,
                             @jakarta.validation.constraints.Max(100000) short atMost) {
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

    /** A reference-type field that is not required: it may be null (NullableFieldsTest). */
    private void nullable(String field, String json) {
        assertThat(props.path(field)).as(field).isEqualTo(Docs.json("{\"anyOf\":[" + json + ",{\"type\":\"null\"}]}"));
    }

    @Test
    void scalars() {
        nullable("s", "{\"type\":\"string\"}");
        is("i", "{\"type\":\"integer\",\"format\":\"int32\"}");
        is("l", "{\"type\":\"integer\",\"format\":\"int64\"}");
        is("d", "{\"type\":\"number\",\"format\":\"double\"}");
        is("f", "{\"type\":\"number\",\"format\":\"float\"}");
        is("b", "{\"type\":\"boolean\"}");
        nullable("dec", "{\"type\":\"number\"}");
        nullable("big", "{\"type\":\"integer\"}");
        nullable("id", "{\"type\":\"string\",\"format\":\"uuid\"}");
        is("anything", "{}");
    }

    @Test
    void shortsAndBytesAreIntegersInTheirRange() {
        is("sh", "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-32768,\"maximum\":32767}");
        nullable("by", "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-128,\"maximum\":127}");
        is("shorts", "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-32768,\"maximum\":32767}}");
        is("bytes", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-128,\"maximum\":127}}");
        is("atLeast", "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-5,\"maximum\":32767}");
        is("atMost", "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":-32768,\"maximum\":32767}");
    }

    @Test
    void javaTime() {
        nullable("date", "{\"type\":\"string\",\"format\":\"date\"}");
        nullable("local", "{\"type\":\"string\",\"format\":\"date-time\"}");
        nullable("offset", "{\"type\":\"string\",\"format\":\"date-time\"}");
        nullable("at", "{\"type\":\"string\",\"format\":\"date-time\"}");
        nullable("took", "{\"type\":\"string\",\"format\":\"duration\"}");
    }

    @Test
    void collectionsAndMaps() {
        is("list", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        is("set", "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int64\"},\"uniqueItems\":true}");
        is("map", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\",\"format\":\"double\"}}");
        is("array", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    }
}
